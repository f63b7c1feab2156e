package io.omnigraph.compiler.diag;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a compiler stage: a value when the stage succeeded (no errors) and every
 * diagnostic it produced, warnings included.
 */
public record Result<T>(T value, List<Diagnostic> diagnostics) {
  public Result {
    diagnostics = List.copyOf(diagnostics);
    if (value == null && diagnostics.stream().noneMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a failed result needs at least one error diagnostic");
    }
  }

  public static <T> Result<T> ok(T value, List<Diagnostic> diagnostics) {
    return new Result<>(value, diagnostics);
  }

  public static <T> Result<T> failed(List<Diagnostic> diagnostics) {
    return new Result<>(null, diagnostics);
  }

  public boolean ok() {
    return value != null && diagnostics.stream().noneMatch(Diagnostic::isError);
  }

  public Optional<T> get() {
    return Optional.ofNullable(value);
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  public List<Diagnostic> warnings() {
    return diagnostics.stream().filter(d -> !d.isError()).toList();
  }
}
