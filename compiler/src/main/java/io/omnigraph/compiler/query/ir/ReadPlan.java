package io.omnigraph.compiler.query.ir;

import java.util.List;

/**
 * The resolved structure of a read query.
 *
 * <p>Column naming: an {@code as} alias names its column. Without one, {@code $x.prop} is named
 * {@code prop}, {@code $x} is named {@code x}, a parameter {@code $p} is named {@code p}, a call is
 * named after its function followed by {@code _} and the name of its first argument when that is a
 * property or variable ({@code count($s)} → {@code count_s}, {@code bm25($c.text, $q)} → {@code
 * bm25_text}, {@code rrf(…)} → {@code rrf}, {@code now()} → {@code now}), a literal is named {@code
 * col<N>} with its 1-based position, and an alias reference repeats the alias. When a derived name
 * is already taken (by an alias anywhere in the block or by an earlier column), a property column
 * becomes {@code <var>_<prop>}; if that is taken too, or for other expressions, {@code _2}, {@code
 * _3}, … is appended. Aliases are never renamed (a repeated alias is error {@code Q005}).
 *
 * @param variables every variable bound at the top level of the match block, in binding order
 * @param match the match clauses in source order
 * @param columns the output columns
 * @param order the ordering keys (empty when no order block)
 * @param limit the limit, or null
 * @param aggregate whether any column is an aggregate (the non-aggregate columns are group keys)
 */
public record ReadPlan(
    List<Variable> variables,
    List<MatchItem> match,
    List<Column> columns,
    List<OrderKey> order,
    Long limit,
    boolean aggregate) {
  public ReadPlan {
    variables = List.copyOf(variables);
    match = List.copyOf(match);
    columns = List.copyOf(columns);
    order = List.copyOf(order);
  }
}
