package io.omnigraph.compiler.query.ir;

import io.omnigraph.compiler.query.FilterOp;
import java.util.List;

/**
 * One resolved clause of a {@code match} block, in source order. The clauses of a block form an
 * order-independent conjunction; the executor is free to plan them in any order.
 */
public sealed interface MatchItem {
  /**
   * {@code $var: NodeType { … }}: scan a node type. {@code props} are the inline equalities, each a
   * {@link Filter} with op {@code EQ} whose left side is {@code $var.prop}. A second binding of an
   * already bound variable produces plain {@link Filter}s instead of another scan.
   */
  record Scan(String var, String nodeType, List<Filter> props) implements MatchItem {
    public Scan {
      props = List.copyOf(props);
    }
  }

  /**
   * {@code $src [$edgeVar:] edge{min,max} $dst}. Directed traversals follow the edge from its
   * {@code from} type to its {@code to} type ({@code src} is on the {@code from} side); undirected
   * ones match either direction with set semantics. {@code edgeVar} is null unless the edge is
   * bound, in which case the hop bounds are exactly 1..1.
   */
  record Traverse(
      String src,
      String srcType,
      String edgeVar,
      String edgeType,
      String dst,
      String dstType,
      boolean undirected,
      int minHops,
      int maxHops)
      implements MatchItem {}

  /** {@code left op right}; NULL on either side makes it false. */
  record Filter(IrExpr left, FilterOp op, IrExpr right) implements MatchItem {}

  /** A text-search clause ({@code search}, {@code fuzzy}, {@code match_text}). */
  record TextFilter(IrExpr.TextMatch match) implements MatchItem {}

  /**
   * {@code not { … }}: keep rows for which the inner items have no match. {@code localVariables}
   * are bound only inside the block; {@code outerVariables} are the outer variables it mentions
   * (never empty).
   */
  record Negation(List<MatchItem> items, List<Variable> localVariables, List<String> outerVariables)
      implements MatchItem {
    public Negation {
      items = List.copyOf(items);
      localVariables = List.copyOf(localVariables);
      outerVariables = List.copyOf(outerVariables);
    }
  }
}
