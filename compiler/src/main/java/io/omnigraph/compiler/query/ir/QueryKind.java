package io.omnigraph.compiler.query.ir;

import java.util.Locale;

/** Whether a query reads ({@code match … return}) or writes (insert/update/delete). */
public enum QueryKind {
  READ,
  MUTATION;

  /** {@code read} or {@code mutation}, as in lint JSON. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }
}
