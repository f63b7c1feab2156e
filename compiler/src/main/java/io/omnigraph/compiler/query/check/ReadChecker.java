package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Expr;
import io.omnigraph.compiler.query.ast.QueryAst.Ordering;
import io.omnigraph.compiler.query.ast.QueryAst.Projection;
import io.omnigraph.compiler.query.ast.QueryAst.ReadBody;
import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.query.ir.OrderKey;
import io.omnigraph.compiler.query.ir.ReadPlan;
import io.omnigraph.compiler.query.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/** Checks a read body (match, return, order, limit) and builds its {@link ReadPlan}. */
final class ReadChecker {
  private final CheckContext ctx;
  private final ExprChecker exprs;

  ReadChecker(CheckContext ctx) {
    this.ctx = ctx;
    this.exprs = new ExprChecker(ctx);
  }

  /** The plan, or null when anything is wrong. */
  ReadPlan check(ReadBody body) {
    Scope scope = new Scope(null);
    List<MatchItem> match = new MatchChecker(ctx, exprs).block(body.match(), scope);
    List<Column> columns = new ReturnChecker(ctx, exprs).check(body.projections(), scope);
    List<OrderKey> order =
        new OrderChecker(ctx, exprs).check(body.order(), scope, columns, body.limit());
    rrfNeedsLimit(body);
    if (ctx.hasErrors() || columns == null || order == null) {
      return null;
    }
    List<Variable> vars =
        scope.locals().stream().map(v -> new Variable(v.name(), v.kind(), v.typeName())).toList();
    Long limit = body.limit() == null ? null : body.limit().value();
    boolean aggregate = columns.stream().anyMatch(Column::aggregate);
    return new ReadPlan(vars, match, columns, order, limit, aggregate);
  }

  private void rrfNeedsLimit(ReadBody body) {
    if (body.limit() != null) {
      return;
    }
    List<Expr> all = new ArrayList<>();
    body.projections().stream().map(Projection::expr).forEach(all::add);
    body.order().stream().map(Ordering::expr).forEach(all::add);
    for (Expr e : all) {
      Call rrf = Calls.find(e, "rrf");
      if (rrf != null) {
        ctx.error(
            QueryCode.T21,
            rrf.start(),
            rrf.end(),
            "rrf(…) needs a limit, as in limit 10, after the order block");
        return;
      }
    }
  }
}
