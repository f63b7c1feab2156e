package io.omnigraph.compiler.query;

import io.omnigraph.compiler.diag.Position;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.QueryKind;

/**
 * The check of one parsed query declaration.
 *
 * @param name the declared name
 * @param kind read or mutation, known from the syntax even when the check failed
 * @param position where the declaration starts
 * @param result the compiled query, or its errors
 */
public record QueryOutcome(
    String name, QueryKind kind, Position position, Result<CompiledQuery> result) {
  public boolean ok() {
    return result.ok();
  }
}
