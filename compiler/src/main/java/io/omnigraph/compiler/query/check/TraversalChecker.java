package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.HopBounds;
import io.omnigraph.compiler.query.ast.QueryAst.Name;
import io.omnigraph.compiler.query.ast.QueryAst.Traversal;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.Set;

/**
 * Traversals: edge resolution (T4), undirected only on same-type edges (T22), hop bounds (T15),
 * endpoint types (T5) and edge bindings (T23). An unbound endpoint is bound to the edge's endpoint
 * type.
 */
final class TraversalChecker {
  private static final Set<String> STRING_OPS = Set.of("contains", "starts_with");

  private final CheckContext ctx;

  TraversalChecker(CheckContext ctx) {
    this.ctx = ctx;
  }

  MatchItem check(Traversal t, Scope scope) {
    EdgeType edge = resolveEdge(t);
    if (edge == null || (t.undirected() && !symmetric(t, edge))) {
      poisonEndpoints(t, scope);
      return null;
    }
    long[] hops = hops(t.hops());
    boolean ok = hops != null;
    ok &= edgeVarUsable(t, scope);
    ok &= endpoint(t.src(), edge.from(), edge, "source", scope);
    ok &= endpoint(t.dst(), edge.to(), edge, "target", scope);
    if (t.edgeVar() != null && edgeVarFree(t.edgeVar(), scope)) {
      scope.declare(
          new VarInfo(t.edgeVar().text(), TypeKind.EDGE, edge.name(), t.edgeVar().start()));
    }
    if (!ok) {
      return null;
    }
    String edgeVar = t.edgeVar() == null ? null : t.edgeVar().text();
    return new MatchItem.Traverse(
        t.src().text(),
        edge.from(),
        edgeVar,
        edge.name(),
        t.dst().text(),
        edge.to(),
        t.undirected(),
        (int) hops[0],
        (int) hops[1]);
  }

  private EdgeType resolveEdge(Traversal t) {
    Name n = t.edge();
    EdgeType edge = ctx.catalog.edge(n.text()).orElse(null);
    if (edge != null) {
      return edge;
    }
    String hint =
        STRING_OPS.contains(n.text())
            ? "; a variable on the left makes this a traversal — for a string test write $x.prop "
                + n.text()
                + " … or put the literal first"
            : "; known edge types are " + String.join(", ", ctx.catalog.edges().keySet());
    ctx.error(QueryCode.T4, n.start(), n.end(), "unknown edge type '" + n.text() + "'" + hint);
    return null;
  }

  private boolean symmetric(Traversal t, EdgeType edge) {
    if (edge.symmetric()) {
      return true;
    }
    ctx.error(
        QueryCode.T22,
        t.edge().start(),
        t.edge().end(),
        "<"
            + t.edge().text()
            + "> matches both directions, which needs an edge between one node type, but "
            + edge.name()
            + " goes from "
            + edge.from()
            + " to "
            + edge.to()
            + "; write the directed form $a "
            + t.edge().text()
            + " $b");
    return false;
  }

  /** {min, max}, or null after reporting invalid bounds. */
  private long[] hops(HopBounds h) {
    if (h == null) {
      return new long[] {1, 1};
    }
    String problem = null;
    if (h.max() == null) {
      problem =
          "unbounded traversal {"
              + h.min()
              + ",}: the max bound is required, as in {"
              + h.min()
              + ","
              + Math.max(h.min(), 3)
              + "}";
    } else if (h.min() < 1) {
      problem = "hop bounds start at 1; write {1," + h.max() + "}";
    } else if (h.max() < h.min()) {
      problem = "max hops " + h.max() + " is less than min hops " + h.min();
    } else if (h.max() > Integer.MAX_VALUE) {
      problem = "max hops " + h.max() + " is too large";
    }
    if (problem != null) {
      ctx.error(QueryCode.T15, h.start(), h.end(), problem);
      return null;
    }
    return new long[] {h.min(), h.max()};
  }

  private boolean edgeVarUsable(Traversal t, Scope scope) {
    Name w = t.edgeVar();
    if (w == null) {
      return true;
    }
    if (t.hops() != null) {
      ctx.error(
          QueryCode.T23,
          t.hops().start(),
          t.hops().end(),
          "edge binding $" + w.text() + " cannot have hop bounds; an edge binding matches one hop");
      return false;
    }
    if (w.text().equals(t.src().text()) || w.text().equals(t.dst().text())) {
      ctx.error(
          QueryCode.T23,
          w.start(),
          w.end(),
          "$" + w.text() + " cannot be both the edge binding and an endpoint; rename one of them");
      return false;
    }
    return edgeVarFree(w, scope) || reportTaken(w, scope);
  }

  private boolean edgeVarFree(Name w, Scope scope) {
    return scope.lookup(w.text()) == null && !ctx.params.containsKey(w.text());
  }

  private boolean reportTaken(Name w, Scope scope) {
    if (!notParam(w)) {
      return false;
    }
    VarInfo v = scope.lookup(w.text());
    ctx.error(
        QueryCode.T23,
        w.start(),
        w.end(),
        "edge binding $"
            + w.text()
            + " reuses a name already bound (at "
            + ctx.at(v.start())
            + "); each edge binding needs a fresh name");
    return false;
  }

  /** True when {@code n} is not a parameter; reports the clash otherwise. */
  boolean notParam(Name n) {
    if (!ctx.params.containsKey(n.text())) {
      return true;
    }
    ctx.error(
        QueryCode.INVALID_PARAM,
        n.start(),
        n.end(),
        "$"
            + n.text()
            + " is a parameter of the query and cannot also be a match variable; rename the"
            + " variable");
    return false;
  }

  private boolean endpoint(Name var, String expected, EdgeType edge, String side, Scope scope) {
    if (!notParam(var)) {
      return false;
    }
    VarInfo v = scope.lookup(var.text());
    if (v == null) {
      scope.declare(new VarInfo(var.text(), TypeKind.NODE, expected, var.start()));
      return true;
    }
    if (v.isEdge()) {
      ctx.error(
          QueryCode.T23,
          var.start(),
          var.end(),
          "$" + v.name() + " is an edge binding and cannot be a traversal endpoint");
      return false;
    }
    if (v.poisoned() || v.typeName().equals(expected)) {
      return true;
    }
    ctx.error(
        QueryCode.T5,
        var.start(),
        var.end(),
        "$"
            + v.name()
            + " is a "
            + v.typeName()
            + " but the "
            + side
            + " of "
            + edge.name()
            + " ("
            + edge.from()
            + " -> "
            + edge.to()
            + ") is "
            + expected);
    return false;
  }

  private void poisonEndpoints(Traversal t, Scope scope) {
    for (Name n : new Name[] {t.src(), t.dst(), t.edgeVar()}) {
      if (n != null && scope.lookup(n.text()) == null && !ctx.params.containsKey(n.text())) {
        scope.declare(new VarInfo(n.text(), TypeKind.NODE, null, n.start()));
      }
    }
  }
}
