package io.omnigraph.policy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Either a value or the errors that prevented it. Never both, never neither.
 *
 * @param value the value, {@code null} on failure
 * @param errors the errors, empty on success
 */
public record PolicyResult<T>(T value, List<PolicyError> errors) {

  public PolicyResult {
    errors = List.copyOf(errors);
    if ((value == null) == errors.isEmpty()) {
      throw new IllegalArgumentException("a result holds either a value or errors");
    }
  }

  public static <T> PolicyResult<T> ok(T value) {
    return new PolicyResult<>(value, List.of());
  }

  public static <T> PolicyResult<T> failed(List<PolicyError> errors) {
    return new PolicyResult<>(null, errors);
  }

  public boolean ok() {
    return value != null;
  }

  /** The value, or an {@link IllegalStateException} listing the errors. */
  public T orElseThrow() {
    if (value == null) {
      throw new IllegalStateException(renderErrors());
    }
    return value;
  }

  /** Every error rendered on its own line. */
  public String renderErrors() {
    return errors.stream().map(PolicyError::render).collect(Collectors.joining("\n"));
  }
}
