package io.omnigraph.engine.graph;

/** A value that does not fit its declared type; the message says what was expected. */
public final class ValueException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ValueException(String message) {
    super(message, null, false, false);
  }
}
