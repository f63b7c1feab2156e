package io.omnigraph.compiler.diag;

/** How serious a diagnostic is. Only {@link #ERROR} makes a result fail. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case spelling used in JSON output. */
  public String wire() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
