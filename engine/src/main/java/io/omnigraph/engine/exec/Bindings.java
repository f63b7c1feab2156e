package io.omnigraph.engine.exec;

import java.util.Arrays;

/**
 * A binding table, column-wise: for each slot either null (unbound) or one table row per binding
 * row. Immutable once built.
 */
final class Bindings {
  private final int[][] cols;
  private final int size;

  private Bindings(int[][] cols, int size) {
    this.cols = cols;
    this.size = size;
  }

  /** The table with one row and nothing bound: the identity of the join. */
  static Bindings unit(int width) {
    return new Bindings(new int[width][], 1);
  }

  int size() {
    return size;
  }

  int width() {
    return cols.length;
  }

  boolean bound(int slot) {
    return cols[slot] != null;
  }

  int get(int slot, int row) {
    int[] c = cols[slot];
    return c == null ? -1 : c[row];
  }

  /** The slots bound in this table. */
  boolean[] boundSlots() {
    boolean[] b = new boolean[cols.length];
    for (int i = 0; i < cols.length; i++) {
      b[i] = cols[i] != null;
    }
    return b;
  }

  /** Grows a table row by row; the slots it binds are fixed at construction. */
  static final class Builder {
    private final boolean[] slots;
    private final int[][] cols;
    private final long maxRows;
    private int capacity;
    private int size;

    Builder(boolean[] slots, long maxRows) {
      this.slots = slots.clone();
      this.cols = new int[slots.length][];
      this.maxRows = maxRows;
      this.capacity = Integer.MAX_VALUE;
      for (int i = 0; i < slots.length; i++) {
        if (slots[i]) {
          cols[i] = new int[16];
          capacity = 16;
        }
      }
    }

    /** Appends the row {@code r} shows for every slot of this table. */
    void append(RowAccess r) {
      if (size == capacity) {
        grow();
      }
      if (size >= maxRows) {
        throw tooLarge();
      }
      for (int i = 0; i < slots.length; i++) {
        if (slots[i]) {
          cols[i][size] = r.get(i);
        }
      }
      size++;
    }

    int size() {
      return size;
    }

    private void grow() {
      long next = Math.min(Math.max(16L, (long) size * 2), Integer.MAX_VALUE - 8L);
      for (int i = 0; i < cols.length; i++) {
        if (cols[i] != null) {
          cols[i] = Arrays.copyOf(cols[i], (int) next);
        }
      }
      capacity = (int) next;
    }

    private QueryExecutionException tooLarge() {
      return new QueryExecutionException(
          QueryExecutionException.Code.RESULT_TOO_LARGE,
          "the query binds more than "
              + maxRows
              + " rows before projection; add selective match clauses (a key, a filter) or"
              + " narrow the traversal bounds");
    }

    Bindings build() {
      int[][] out = new int[cols.length][];
      for (int i = 0; i < cols.length; i++) {
        if (cols[i] != null) {
          out[i] = cols[i].length == size ? cols[i] : Arrays.copyOf(cols[i], size);
        }
      }
      return new Bindings(out, size);
    }
  }
}
