package io.omnigraph.compiler.diag;

import java.util.Objects;

/**
 * One finding about a source file: a stable code, a severity, where it is and a message that says
 * what to write instead.
 *
 * @param code stable identifier (e.g. {@code T4}, {@code Q000}, {@code S101}, {@code OG-MF-103})
 * @param severity how serious it is
 * @param file the source file name as given by the caller, or {@code null} for in-memory text
 * @param line 1-based line, or 0 when the finding has no position
 * @param column 1-based column (in characters), or 0 when the finding has no position
 * @param start 0-based character offset where the span starts (or -1)
 * @param end 0-based character offset just past the span (or -1)
 * @param message human text; starts with what is wrong and ends with how to fix it
 */
public record Diagnostic(
    String code,
    Severity severity,
    String file,
    int line,
    int column,
    int start,
    int end,
    String message) {

  public Diagnostic {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(String code, Position at, String message) {
    return of(code, Severity.ERROR, at, message);
  }

  public static Diagnostic warning(String code, Position at, String message) {
    return of(code, Severity.WARNING, at, message);
  }

  public static Diagnostic of(String code, Severity severity, Position at, String message) {
    Position p = at == null ? Position.NONE : at;
    return new Diagnostic(
        code, severity, p.file(), p.line(), p.column(), p.start(), p.end(), message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: severity[code]: message}, the one-line human form. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    if (file != null) {
      sb.append(file).append(':');
    }
    if (line > 0) {
      sb.append(line).append(':').append(column).append(':');
    }
    if (sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(severity.wire()).append('[').append(code).append("]: ").append(message);
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
