package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.engine.graph.EdgeTable;

/** Rough per-row costs used to order the steps of a match block. */
final class Costs {
  private Costs() {}

  /**
   * Rows produced per input row by a traversal: the average degree on the bound side (doubled when
   * undirected), compounded over the max hops (capped by the target table size). A test between two
   * bound endpoints costs less than any expansion.
   */
  static double traverse(
      ExecContext ctx, MatchItem.Traverse t, boolean srcBound, boolean dstBound) {
    if (srcBound && dstBound) {
      return 0.5;
    }
    EdgeTable et = ctx.graph().edges(t.edgeType());
    int from = ctx.graph().nodes(et.type().from()).size();
    int to = ctx.graph().nodes(et.type().to()).size();
    double degree = (double) et.size() / Math.max(1, srcBound ? from : to);
    if (t.undirected()) {
      degree *= 2;
    }
    int hops = et.type().symmetric() ? t.maxHops() : 1;
    double fanout = Math.pow(Math.max(degree, 1e-3), hops);
    return Math.max(1e-3, Math.min(fanout, Math.max(1, srcBound ? to : from)));
  }
}
