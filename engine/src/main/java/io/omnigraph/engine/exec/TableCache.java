package io.omnigraph.engine.exec;

import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.NodeTable;
import io.omnigraph.engine.graph.Values;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.IntFunction;

/**
 * Derived, read-only structures of immutable snapshot tables, built on first use and kept while the
 * table is reachable (weak keys, identity semantics): the rank of every row's id (so the
 * deterministic tie-break compares ints, not strings) and analysed text columns (the tokenized scan
 * that stands in for an inverted index).
 */
final class TableCache {
  private static final Map<Object, int[]> RANKS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final Map<NodeTable, Map<Integer, TextColumn>> TEXT = new WeakHashMap<>();
  private static final Map<NodeTable, Map<Integer, ValueIndex>> VALUES = new WeakHashMap<>();

  private TableCache() {}

  /** {@code rank[row]}: the position of the row's id in ascending UTF-8 order. */
  static int[] idRank(NodeTable t) {
    return RANKS.computeIfAbsent(t, k -> ranks(t.size(), t::id));
  }

  static int[] idRank(EdgeTable t) {
    return RANKS.computeIfAbsent(t, k -> ranks(t.size(), t::id));
  }

  private static int[] ranks(int n, IntFunction<String> id) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Values.compareUtf8(id.apply(a), id.apply(b)));
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[order[i]] = i;
    }
    return rank;
  }

  /** The analysed text of one String column. */
  static TextColumn text(NodeTable t, int column) {
    synchronized (TEXT) {
      return TEXT.computeIfAbsent(t, k -> new HashMap<>())
          .computeIfAbsent(column, c -> TextColumn.build(t, c));
    }
  }

  /** The hash index of one scalar column. */
  static ValueIndex valueIndex(NodeTable t, int column) {
    synchronized (VALUES) {
      return VALUES
          .computeIfAbsent(t, k -> new HashMap<>())
          .computeIfAbsent(column, c -> ValueIndex.build(t, c));
    }
  }

  /** The hash index of one column if some query already built it, else null. */
  static ValueIndex valueIndexIfBuilt(NodeTable t, int column) {
    synchronized (VALUES) {
      Map<Integer, ValueIndex> m = VALUES.get(t);
      return m == null ? null : m.get(column);
    }
  }
}
