package io.omnigraph.policy;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Position;
import java.util.Objects;

/**
 * One problem in a policy or policy-test file.
 *
 * @param code stable code
 * @param message the stable text (07 §3 wording for semantic errors; parse errors name the field
 *     path); it carries no position, see {@link #render()}
 * @param source the source name given by the caller (may be {@code null})
 * @param line 1-based line, 0 when unknown (e.g. a bundle built in code)
 * @param column 1-based column, 0 when unknown
 */
public record PolicyError(
    PolicyErrorCode code, String message, String source, int line, int column) {

  public PolicyError {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  static PolicyError at(PolicyErrorCode code, String message, String source, Pos pos) {
    return new PolicyError(code, message, source, pos.line(), pos.column());
  }

  /** {@code <source>:<line>:<column>: <message>}, dropping the parts that are unknown. */
  public String render() {
    StringBuilder sb = new StringBuilder();
    if (source != null && !source.isEmpty()) {
      sb.append(source).append(':');
    }
    if (line > 0) {
      sb.append(line).append(':').append(column).append(':');
    }
    if (sb.length() > 0) {
      sb.append(' ');
    }
    return sb.append(message).toString();
  }

  /** The same error as a compiler diagnostic (code = {@link PolicyErrorCode#wire()}). */
  public Diagnostic toDiagnostic() {
    Position at = new Position(source, line, column, -1, -1);
    return Diagnostic.error(code.wire(), at, message);
  }

  @Override
  public String toString() {
    return render();
  }
}
