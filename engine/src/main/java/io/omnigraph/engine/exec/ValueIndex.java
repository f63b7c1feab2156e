package io.omnigraph.engine.exec;

import io.omnigraph.engine.graph.NodeTable;
import java.util.HashMap;
import java.util.Map;

/**
 * A hash index of one scalar column: value → the rows holding it, ascending. NULLs are left out.
 */
final class ValueIndex {
  private static final int[] NONE = new int[0];
  private final Map<Object, int[]> rows;

  private ValueIndex(Map<Object, int[]> rows) {
    this.rows = rows;
  }

  static ValueIndex build(NodeTable t, int column) {
    Map<Object, int[]> counts = new HashMap<>();
    for (int r = 0; r < t.size(); r++) {
      Object v = t.value(r, column);
      if (v != null) {
        int[] c = counts.computeIfAbsent(v, k -> new int[1]);
        c[0]++;
      }
    }
    Map<Object, int[]> rows = new HashMap<>(counts.size() * 2);
    counts.forEach((v, c) -> rows.put(v, new int[c[0]]));
    Map<Object, int[]> fill = new HashMap<>(counts.size() * 2);
    for (int r = 0; r < t.size(); r++) {
      Object v = t.value(r, column);
      if (v != null) {
        int[] at = fill.computeIfAbsent(v, k -> new int[1]);
        rows.get(v)[at[0]++] = r;
      }
    }
    return new ValueIndex(rows);
  }

  /** The rows whose value equals {@code v}, ascending (shared; do not modify). */
  int[] rows(Object v) {
    return rows.getOrDefault(v, NONE);
  }
}
