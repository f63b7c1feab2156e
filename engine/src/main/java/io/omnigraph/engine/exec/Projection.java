package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.OrderKey;
import io.omnigraph.compiler.query.ir.ReadPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * A read without aggregates: one output row per binding row, ordered by the user keys then the
 * deterministic id tie-break (also when there is no {@code order} block), cut at {@code limit}.
 * Only the rows that survive the limit are projected.
 */
final class Projection {
  private Projection() {}

  static List<Object[]> run(ExprCompiler ec, ReadPlan plan, Bindings rows, TieBreak tie) {
    List<RowExpr> cols = new ArrayList<>();
    plan.columns().forEach(c -> cols.add(compile(ec, plan, c.expr())));
    OrderKeys keys = keys(ec, plan, rows);
    int[] order = Sorter.order(rows.size(), (a, b) -> compare(keys, tie, a, b), plan.limit());
    List<Object[]> out = new ArrayList<>(order.length);
    Cursor c = new Cursor(rows.width());
    for (int i : order) {
      c.at(rows, i);
      Object[] row = new Object[cols.size()];
      for (int j = 0; j < row.length; j++) {
        row[j] = Materializer.value(cols.get(j).eval(c));
      }
      out.add(row);
    }
    return out;
  }

  private static int compare(OrderKeys keys, TieBreak tie, int a, int b) {
    int c = keys.compare(a, b);
    return c != 0 ? c : tie.compare(a, b);
  }

  /** A column or order expression; an alias reference stands for the column it names. */
  static RowExpr compile(ExprCompiler ec, ReadPlan plan, IrExpr e) {
    if (e instanceof IrExpr.ColumnRef ref) {
      Column target = plan.columns().get(ref.index());
      return compile(ec, plan, target.expr());
    }
    return ec.compile(e);
  }

  private static OrderKeys keys(ExprCompiler ec, ReadPlan plan, Bindings rows) {
    List<OrderKey> keys = plan.order();
    Object[][] values = new Object[keys.size()][rows.size()];
    Cursor c = new Cursor(rows.width());
    for (int k = 0; k < keys.size(); k++) {
      RowExpr e = compile(ec, plan, keys.get(k).expr());
      for (int i = 0; i < rows.size(); i++) {
        values[k][i] = e.eval(c.at(rows, i));
      }
    }
    return new OrderKeys(keys, values);
  }
}
