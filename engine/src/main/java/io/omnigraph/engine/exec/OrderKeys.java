package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.OrderKey;
import java.util.List;

/**
 * The user part of the total order (03 §4): keys in order, each ascending or descending, NULL as
 * the smallest value (first ascending, last descending). A {@code nearest(…)} key puts rows without
 * a distance last, so a k-NN ranking never starts with vectorless rows.
 */
final class OrderKeys {
  private final Object[][] values;
  private final boolean[] descending;
  private final boolean[] nullsLast;

  /** {@code values[k][row]}: the value of key k on each row. */
  OrderKeys(List<OrderKey> keys, Object[][] values) {
    this.values = values;
    this.descending = new boolean[keys.size()];
    this.nullsLast = new boolean[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      descending[k] = keys.get(k).descending();
      nullsLast[k] = keys.get(k).expr() instanceof IrExpr.Nearest;
    }
  }

  int compare(int a, int b) {
    for (int k = 0; k < values.length; k++) {
      Object x = values[k][a];
      Object y = values[k][b];
      int c;
      if (nullsLast[k] && (x == null || y == null)) {
        c = x == null ? (y == null ? 0 : 1) : -1;
      } else {
        c = Cmp.compare(x, y);
        c = descending[k] ? -c : c;
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
