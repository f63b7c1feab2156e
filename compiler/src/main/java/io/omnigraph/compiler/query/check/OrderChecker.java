package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.AliasRef;
import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Limit;
import io.omnigraph.compiler.query.ast.QueryAst.Ordering;
import io.omnigraph.compiler.query.check.ExprChecker.Use;
import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.OrderKey;
import io.omnigraph.compiler.schema.PropType;
import java.util.ArrayList;
import java.util.List;

/**
 * The order block: each key must be orderable (T24 for Blob, T7 for entities, lists and vectors);
 * {@code nearest} orders closest first and needs a limit (T15, T17); alias keys do not mix with
 * {@code nearest} (T18); in an aggregate query keys must be aliases, aggregates or grouping keys
 * (T9).
 */
final class OrderChecker {
  private final CheckContext ctx;
  private final ExprChecker exprs;

  OrderChecker(CheckContext ctx, ExprChecker exprs) {
    this.ctx = ctx;
    this.exprs = exprs;
  }

  /** The keys, or null when any is wrong. {@code columns} is null when the return block failed. */
  List<OrderKey> check(List<Ordering> order, Scope scope, List<Column> columns, Limit limit) {
    List<OrderKey> keys = new ArrayList<>();
    boolean ok = true;
    for (Ordering o : order) {
      OrderKey k = key(o, scope, columns, limit);
      ok &= k != null;
      keys.add(k);
    }
    ok &= aliasesWithNearest(order);
    return ok ? keys : null;
  }

  private OrderKey key(Ordering o, Scope scope, List<Column> columns, Limit limit) {
    IrExpr e = exprs.check(o.expr(), scope, Use.ORDER);
    if (e == null || !orderable(o, e) || !nearestKey(o, limit) || !groupedKey(o, e, columns)) {
      return null;
    }
    boolean scoreFirst = e instanceof IrExpr.Bm25 || e instanceof IrExpr.Rrf;
    boolean desc = o.descending() != null ? o.descending() : scoreFirst;
    return new OrderKey(e, desc);
  }

  private boolean orderable(Ordering o, IrExpr e) {
    PropType t = e.type().valueType();
    String problem = null;
    QueryCode code = QueryCode.T7;
    if (t == null) {
      problem = "cannot order by a whole entity; order by one of its properties, as in $x.name";
    } else if (ExprChecker.isBlobValue(t)) {
      problem = "Blob values cannot be used for ordering; order by another property";
      code = QueryCode.T24;
    } else if (!t.isScalar()) {
      problem =
          "cannot order by a "
              + (t.isVector() ? "vector" : "list")
              + " value ("
              + Compat.r(t)
              + ")";
    }
    if (problem != null) {
      ctx.error(code, o.expr().start(), o.expr().end(), problem);
    }
    return problem == null;
  }

  private boolean nearestKey(Ordering o, Limit limit) {
    if (!(o.expr() instanceof Call c) || !c.fn().text().equals("nearest")) {
      return true;
    }
    if (Boolean.TRUE.equals(o.descending())) {
      ctx.error(
          QueryCode.T15,
          o.start(),
          o.end(),
          "nearest(…) always orders closest first; remove 'desc'");
      return false;
    }
    if (limit == null) {
      ctx.error(
          QueryCode.T17,
          o.start(),
          o.end(),
          "ordering by nearest(…) needs a limit, as in limit 10, after the order block");
      return false;
    }
    return true;
  }

  private boolean groupedKey(Ordering o, IrExpr e, List<Column> columns) {
    if (columns == null) {
      return true;
    }
    if (columns.stream().noneMatch(Column::aggregate)) {
      if (e instanceof IrExpr.Aggregate) {
        ctx.error(
            QueryCode.T9,
            o.expr().start(),
            o.expr().end(),
            "ordering by an aggregate needs an aggregate query; return the aggregate (with its"
                + " grouping columns) and order by it");
        return false;
      }
      return true;
    }
    if (e instanceof IrExpr.ColumnRef || e instanceof IrExpr.Aggregate) {
      return true;
    }
    if (columns.stream().anyMatch(c -> c.groupKey() && c.expr().equals(e))) {
      return true;
    }
    ctx.error(
        QueryCode.T9,
        o.expr().start(),
        o.expr().end(),
        "in a query with aggregates, order by a returned grouping column, an aggregate or an 'as'"
            + " alias");
    return false;
  }

  private boolean aliasesWithNearest(List<Ordering> order) {
    boolean nearest = order.stream().anyMatch(o -> Calls.mentions(o.expr(), "nearest"));
    if (!nearest) {
      return true;
    }
    boolean ok = true;
    for (Ordering o : order) {
      if (o.expr() instanceof AliasRef a) {
        ctx.error(
            QueryCode.T18,
            a.start(),
            a.end(),
            "ordering by alias '"
                + a.name().text()
                + "' cannot be combined with nearest(…); order by the expression itself");
        ok = false;
      }
    }
    return ok;
  }
}
