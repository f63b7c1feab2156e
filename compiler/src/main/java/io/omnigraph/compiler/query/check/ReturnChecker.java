package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.Projection;
import io.omnigraph.compiler.query.check.ExprChecker.Use;
import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.schema.PropType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The return block: types each projection, refuses Blob values (T24), applies the aggregate rule
 * (T9: with any aggregate, the other columns must be properties or variables, and they become the
 * grouping key) and names the columns.
 */
final class ReturnChecker {
  private final CheckContext ctx;
  private final ExprChecker exprs;

  ReturnChecker(CheckContext ctx, ExprChecker exprs) {
    this.ctx = ctx;
    this.exprs = exprs;
  }

  /** The columns, or null when any projection is wrong. */
  List<Column> check(List<Projection> projections, Scope scope) {
    checkAliases(projections);
    List<String> names = ColumnNamer.names(projections);
    Map<String, IrExpr.ColumnRef> visible = new HashMap<>();
    exprs.setAliases(new AliasTable(visible, visible.keySet()));
    List<IrExpr> typed = new ArrayList<>();
    boolean ok = true;
    for (int i = 0; i < projections.size(); i++) {
      Projection p = projections.get(i);
      IrExpr e = projection(p, scope);
      ok &= e != null;
      typed.add(e);
      if (e != null && p.alias() != null) {
        visible.putIfAbsent(p.alias().text(), new IrExpr.ColumnRef(names.get(i), i, e.type()));
      }
    }
    if (!ok || !groupingOk(projections, typed)) {
      return null;
    }
    boolean aggregate = typed.stream().anyMatch(e -> e instanceof IrExpr.Aggregate);
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < typed.size(); i++) {
      boolean agg = typed.get(i) instanceof IrExpr.Aggregate;
      columns.add(new Column(names.get(i), typed.get(i), agg, aggregate && !agg));
    }
    return columns;
  }

  /** Aliases visible to an expression: {@code columns} resolve, {@code written} are known. */
  record AliasTable(Map<String, IrExpr.ColumnRef> columns, java.util.Set<String> written)
      implements ExprChecker.Aliases {
    @Override
    public IrExpr.ColumnRef resolve(String alias) {
      return columns.get(alias);
    }

    @Override
    public boolean known(String alias) {
      return written.contains(alias);
    }
  }

  private void checkAliases(List<Projection> projections) {
    Map<String, Projection> seen = new HashMap<>();
    for (Projection p : projections) {
      if (p.alias() == null) {
        continue;
      }
      Projection prior = seen.putIfAbsent(p.alias().text(), p);
      if (prior != null) {
        ctx.error(
            QueryCode.DUPLICATE_ALIAS,
            p.alias().start(),
            p.alias().end(),
            "column alias '"
                + p.alias().text()
                + "' is already used (at "
                + ctx.at(prior.alias().start())
                + "); give each column its own name");
      }
    }
  }

  private IrExpr projection(Projection p, Scope scope) {
    IrExpr e = exprs.check(p.expr(), scope, Use.RETURN);
    if (e == null) {
      return null;
    }
    PropType t = e.type().valueType();
    if (t != null && ExprChecker.isBlobValue(t) && !(e instanceof IrExpr.Aggregate)) {
      ctx.error(
          QueryCode.T24,
          p.expr().start(),
          p.expr().end(),
          "Blob values cannot be returned by a query; fetch the bytes with the blob API (omnigraph"
              + " blob get) and return another property here");
      return null;
    }
    return e;
  }

  private boolean groupingOk(List<Projection> projections, List<IrExpr> typed) {
    if (typed.stream().noneMatch(e -> e instanceof IrExpr.Aggregate)) {
      return true;
    }
    boolean ok = true;
    for (int i = 0; i < typed.size(); i++) {
      IrExpr e = typed.get(i);
      if (e instanceof IrExpr.Aggregate || e instanceof IrExpr.Prop || e instanceof IrExpr.Entity) {
        continue;
      }
      var expr = projections.get(i).expr();
      ctx.error(
          QueryCode.T9,
          expr.start(),
          expr.end(),
          "in a query with aggregates every other column must be a property ($x.prop) or a"
              + " variable ($x), which form the grouping key; aggregate this column or remove it");
      ok = false;
    }
    return ok;
  }
}
