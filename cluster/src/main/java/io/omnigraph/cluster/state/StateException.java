package io.omnigraph.cluster.state;

/**
 * A ledger, lock, sidecar or approval file that cannot be read or used; {@code code} is the 05 §12
 * diagnostic code (e.g. {@code invalid_state_json}, {@code unsupported_state_version}).
 */
public final class StateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  public StateException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
