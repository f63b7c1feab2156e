package io.omnigraph.compiler.query.ir;

import io.omnigraph.compiler.diag.Position;
import java.util.List;
import java.util.Optional;

/**
 * One type-checked query, ready for an executor.
 *
 * @param name the query name
 * @param kind read or mutation
 * @param params the declared parameters in declaration order (never the hidden {@code now()}
 *     parameter)
 * @param description the {@code @description} text, or null
 * @param instruction the {@code @instruction} text, or null
 * @param usesNow whether {@code now()} occurs; the executor then binds {@link IrExpr#NOW_PARAM}
 *     once per execution
 * @param read the read structure (null for mutations)
 * @param mutations the mutation statements in source order (empty for reads)
 * @param position where the declaration starts
 */
public record CompiledQuery(
    String name,
    QueryKind kind,
    List<QueryParam> params,
    String description,
    String instruction,
    boolean usesNow,
    ReadPlan read,
    List<MutationOp> mutations,
    Position position) {
  public CompiledQuery {
    params = List.copyOf(params);
    mutations = List.copyOf(mutations);
  }

  public Optional<QueryParam> param(String paramName) {
    for (QueryParam p : params) {
      if (p.name().equals(paramName)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  public boolean isMutation() {
    return kind == QueryKind.MUTATION;
  }
}
