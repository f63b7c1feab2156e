package io.omnigraph.engine.exec;

import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.engine.graph.NodeTable;
import io.omnigraph.engine.graph.Values;
import java.util.Collection;
import java.util.List;

/**
 * Equality pushdown for the scan of {@code $x}: the rows a scan needs to visit when a condition
 * {@code $x.prop = constant} holds.
 *
 * <ul>
 *   <li>on the single {@code @key} property: an id lookup — the id of a keyed node is the canonical
 *       spelling of its key value (02 §6);
 *   <li>on another scalar property: the snapshot's hash index of that column ({@link
 *       TableCache#valueIndex}, built on first use and kept with the table);
 *   <li>otherwise (no such condition, composite keys, a value not in the property's runtime
 *       representation): every row.
 * </ul>
 *
 * The conditions themselves are still tested on every candidate, so a lookup only narrows.
 */
final class ScanCandidates {
  private ScanCandidates() {}

  /** The rows to visit, or null for all rows. */
  static int[] rows(Slot s, String var, Collection<Cond> conds) {
    if (!s.isNode()) {
      return null;
    }
    int[] best = keyRows(s.nodes(), var, conds);
    if (best != null) {
      return best;
    }
    for (Cond c : conds) {
      int[] rows = indexRows(s.nodes(), var, c);
      if (rows != null && (best == null || rows.length < best.length)) {
        best = rows;
      }
    }
    return best;
  }

  /**
   * How many rows the scan would visit: 1 for a key lookup, the exact count when the column's index
   * is already built, a tenth of the table for an equality on a column not indexed yet (the plan
   * may bind the variable by traversal instead, so estimating builds no index), else the table
   * size.
   */
  static double estimate(Slot s, String var, Collection<Cond> conds) {
    if (!s.isNode()) {
      return s.tableSize();
    }
    if (keyRows(s.nodes(), var, conds) != null) {
      return 1;
    }
    double best = s.tableSize();
    for (Cond c : conds) {
      Integer col = indexedColumn(s.nodes(), var, c);
      if (col != null) {
        ValueIndex ix = TableCache.valueIndexIfBuilt(s.nodes(), col);
        double n =
            c.equality().value() == null
                ? 0
                : ix != null ? ix.rows(c.equality().value()).length : s.tableSize() / 10.0;
        best = Math.min(best, n);
      }
    }
    return best;
  }

  private static int[] keyRows(NodeTable t, String var, Collection<Cond> conds) {
    NodeType type = t.type();
    List<String> keys = type.keyProperties();
    if (keys.size() != 1) {
      return null;
    }
    PropType kt = type.properties().get(keys.get(0)).type();
    for (Cond c : conds) {
      Cond.EqConst eq = c.equality();
      if (eq != null
          && eq.var().equals(var)
          && eq.prop().equals(keys.get(0))
          && representable(eq.value(), kt)) {
        if (eq.value() == null) {
          return new int[0];
        }
        int row = t.rowOf(Values.canonicalKey(eq.value(), kt.scalar()));
        return row < 0 ? new int[0] : new int[] {row};
      }
    }
    return null;
  }

  private static int[] indexRows(NodeTable t, String var, Cond c) {
    Integer col = indexedColumn(t, var, c);
    if (col == null) {
      return null;
    }
    Object v = c.equality().value();
    return v == null ? new int[0] : TableCache.valueIndex(t, col).rows(v);
  }

  /** The column a condition {@code $var.prop = constant} can look up, or null. */
  private static Integer indexedColumn(NodeTable t, String var, Cond c) {
    Cond.EqConst eq = c.equality();
    if (eq == null || !eq.var().equals(var)) {
      return null;
    }
    var prop = t.type().properties().get(eq.prop());
    int col = t.column(eq.prop());
    return prop == null || col < 0 || !representable(eq.value(), prop.type()) ? null : col;
  }

  /** Whether {@code v} is in the runtime representation of a scalar of type {@code t}. */
  static boolean representable(Object v, PropType t) {
    if (v == null) {
      return true;
    }
    if (t.list() || t.isVector()) {
      return false;
    }
    return switch (t.scalar()) {
      case STRING -> v instanceof String;
      case BOOL -> v instanceof Boolean;
      case I32, I64, U32, U64, DATETIME -> v instanceof Long;
      case F32, F64 -> v instanceof Double;
      case DATE -> v instanceof Integer;
      case BLOB -> false;
    };
  }
}
