package io.omnigraph.server.boot;

/**
 * One boot finding (06 §2): a stable code, the path it concerns (a ledger key, a resource address
 * or a file) and a message that says how to fix it.
 */
public record BootDiagnostic(String code, String path, String message) {
  /** {@code [<code>] <path>: <message>}. */
  public String render() {
    return "[" + code + "] " + path + ": " + message;
  }
}
