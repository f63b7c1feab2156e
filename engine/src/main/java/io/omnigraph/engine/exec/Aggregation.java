package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.OrderKey;
import io.omnigraph.compiler.query.ir.ReadPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A read with aggregates: binding rows are grouped by the values of the non-aggregate columns
 * (whole entities group by identity, lists and vectors by content, NULL is a group of its own);
 * each group yields one row. Without grouping columns there is exactly one row, even when nothing
 * matched ({@code count} 0, other aggregates NULL). Rows are ordered by the user keys, then by the
 * grouping columns ascending (so ties are deterministic), and cut at {@code limit}. Order keys that
 * are aggregates not returned are computed as hidden columns.
 */
final class Aggregation {
  private final ExprCompiler ec;
  private final ReadPlan plan;
  private final List<Integer> groupCols = new ArrayList<>();
  private final List<RowExpr> groupExprs = new ArrayList<>();
  private final List<Supplier<Accumulators.Acc>> aggs = new ArrayList<>();
  private final int[] colSource;
  private final int[] keyIndex;

  private record Group(Object[] keys, Accumulators.Acc[] accs) {}

  private Aggregation(ExprCompiler ec, ReadPlan plan) {
    this.ec = ec;
    this.plan = plan;
    List<Column> cols = plan.columns();
    this.colSource = new int[cols.size()];
    for (int j = 0; j < cols.size(); j++) {
      Column c = cols.get(j);
      if (c.expr() instanceof IrExpr.Aggregate a) {
        colSource[j] = aggs.size();
        aggs.add(Accumulators.of(ec, a));
      } else {
        colSource[j] = -1 - groupCols.size();
        groupCols.add(j);
        groupExprs.add(Projection.compile(ec, plan, c.expr()));
      }
    }
    this.keyIndex = plan.order().stream().mapToInt(this::orderIndex).toArray();
  }

  static List<Object[]> run(ExprCompiler ec, ReadPlan plan, Bindings rows) {
    return new Aggregation(ec, plan).execute(rows);
  }

  /** Where an order key's value sits in the extended row (columns, then hidden aggregates). */
  private int orderIndex(OrderKey k) {
    IrExpr e = k.expr();
    if (e instanceof IrExpr.ColumnRef ref) {
      return ref.index();
    }
    List<Column> cols = plan.columns();
    for (int j = 0; j < cols.size(); j++) {
      if (cols.get(j).expr().equals(e)) {
        return j;
      }
    }
    if (e instanceof IrExpr.Aggregate a) {
      aggs.add(Accumulators.of(ec, a));
      return cols.size() + aggs.size() - 1 - columnAggregates();
    }
    throw new IllegalStateException("order key is neither a column nor an aggregate: " + e);
  }

  private int columnAggregates() {
    return (int) plan.columns().stream().filter(Column::aggregate).count();
  }

  private List<Object[]> execute(Bindings rows) {
    Map<List<Object>, Group> groups = new HashMap<>();
    List<Group> order = new ArrayList<>();
    Cursor c = new Cursor(rows.width());
    for (int i = 0; i < rows.size(); i++) {
      c.at(rows, i);
      Object[] keys = new Object[groupExprs.size()];
      for (int g = 0; g < keys.length; g++) {
        keys[g] = groupExprs.get(g).eval(c);
      }
      Group group = groups.computeIfAbsent(hashKey(keys), k -> newGroup(keys, order));
      for (Accumulators.Acc a : group.accs()) {
        a.add(c);
      }
    }
    if (order.isEmpty() && groupExprs.isEmpty()) {
      newGroup(new Object[0], order);
    }
    return finish(order);
  }

  private Group newGroup(Object[] keys, List<Group> order) {
    Accumulators.Acc[] accs = new Accumulators.Acc[aggs.size()];
    for (int a = 0; a < accs.length; a++) {
      accs[a] = aggs.get(a).get();
    }
    Group g = new Group(keys, accs);
    order.add(g);
    return g;
  }

  private static List<Object> hashKey(Object[] keys) {
    Object[] k = keys.clone();
    for (int i = 0; i < k.length; i++) {
      if (k[i] instanceof float[] f) {
        k[i] = Arrays.toString(f);
      }
    }
    return Arrays.asList(k);
  }

  private List<Object[]> finish(List<Group> groups) {
    int width = plan.columns().size();
    int hidden = aggs.size() - columnAggregates();
    List<Object[]> ext = new ArrayList<>(groups.size());
    for (Group g : groups) {
      Object[] row = new Object[width + hidden];
      for (int j = 0; j < width; j++) {
        int s = colSource[j];
        row[j] = s >= 0 ? g.accs()[s].result() : g.keys()[-1 - s];
      }
      for (int h = 0; h < hidden; h++) {
        row[width + h] = g.accs()[columnAggregates() + h].result();
      }
      ext.add(row);
    }
    int[] order = Sorter.order(ext.size(), comparator(ext), plan.limit());
    List<Object[]> out = new ArrayList<>(order.length);
    for (int i : order) {
      Object[] row = Arrays.copyOf(ext.get(i), width);
      for (int j = 0; j < width; j++) {
        row[j] = Materializer.value(row[j]);
      }
      out.add(row);
    }
    return out;
  }

  private IntComparator comparator(List<Object[]> ext) {
    Object[][] values = new Object[keyIndex.length][ext.size()];
    for (int k = 0; k < keyIndex.length; k++) {
      for (int g = 0; g < ext.size(); g++) {
        values[k][g] = ext.get(g)[keyIndex[k]];
      }
    }
    OrderKeys keys = new OrderKeys(plan.order(), values);
    return (a, b) -> {
      int c = keys.compare(a, b);
      for (int j = 0; c == 0 && j < groupCols.size(); j++) {
        c = Cmp.compare(ext.get(a)[groupCols.get(j)], ext.get(b)[groupCols.get(j)]);
      }
      return c;
    };
  }
}
