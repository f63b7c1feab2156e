package io.omnigraph.engine.root;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The process-wide cache of materialised tables ({@link io.omnigraph.engine.graph.NodeTable} /
 * {@link io.omnigraph.engine.graph.EdgeTable}), so snapshots of the same published table state
 * share one copy. Keys name an immutable state: the root incarnation (its genesis commit), the
 * dataset path and version on Lance's main branch, and the catalog type the rows were read as.
 * Least recently used entries are dropped past a budget of cells (rows × (columns + 3)), set by the
 * system property {@code omnigraph.tableCache.cells} (default 20,000,000; 0 disables).
 */
final class TableCache {
  static final long BUDGET = Long.getLong("omnigraph.tableCache.cells", 20_000_000L);
  private static final Map<Object, Entry> MAP = new LinkedHashMap<>(64, 0.75f, true);
  private static long used;

  private record Entry(Object table, long weight) {}

  private TableCache() {}

  /** The cached table for {@code key}, or the one {@code load} makes (then cached). */
  static <T> T get(Object key, Supplier<T> load, ToLongFunction<T> weight) {
    if (key == null || BUDGET <= 0) {
      return load.get();
    }
    synchronized (MAP) {
      Entry e = MAP.get(key);
      if (e != null) {
        @SuppressWarnings("unchecked")
        T t = (T) e.table();
        return t;
      }
    }
    T t = load.get();
    long w = weight.applyAsLong(t);
    synchronized (MAP) {
      Entry prev = MAP.get(key);
      if (prev != null) {
        @SuppressWarnings("unchecked")
        T p = (T) prev.table();
        return p;
      }
      if (w <= BUDGET) {
        MAP.put(key, new Entry(t, w));
        used += w;
        Iterator<Entry> it = MAP.values().iterator();
        while (used > BUDGET && it.hasNext()) {
          used -= it.next().weight();
          it.remove();
        }
      }
    }
    return t;
  }

  /** The cached table for {@code key}, or null (never loads). */
  static Object peek(Object key) {
    if (key == null) {
      return null;
    }
    synchronized (MAP) {
      Entry e = MAP.get(key);
      return e == null ? null : e.table();
    }
  }

  /** Drops every entry (tests). */
  static void clear() {
    synchronized (MAP) {
      MAP.clear();
      used = 0;
    }
  }

  /** How many tables are cached (tests). */
  static int size() {
    synchronized (MAP) {
      return MAP.size();
    }
  }
}
