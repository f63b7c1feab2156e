package io.omnigraph.engine.load;

/**
 * A compact open-addressing map from id strings to row numbers (about 16 bytes per entry, the id
 * strings themselves shared with the staged rows), used for within-batch duplicate detection and
 * endpoint resolution. Not thread-safe.
 */
final class IdIndex {
  private String[] keys;
  private int[] rows;
  private int size;

  IdIndex() {
    this(16);
  }

  IdIndex(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new String[cap];
    rows = new int[cap];
  }

  int size() {
    return size;
  }

  /** The row of {@code id}, or -1. */
  int get(String id) {
    int mask = keys.length - 1;
    for (int i = slot(id, mask); ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        return -1;
      }
      if (k.equals(id)) {
        return rows[i];
      }
    }
  }

  /** Maps {@code id} to {@code row}, replacing an earlier mapping. */
  void put(String id, int row) {
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int i = slot(id, mask); ; i = (i + 1) & mask) {
      String k = keys[i];
      if (k == null) {
        keys[i] = id;
        rows[i] = row;
        size++;
        return;
      }
      if (k.equals(id)) {
        rows[i] = row;
        return;
      }
    }
  }

  private static int slot(String id, int mask) {
    int h = id.hashCode() * 0x9E3779B9;
    return (h ^ (h >>> 16)) & mask;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldRows = rows;
    keys = new String[oldKeys.length * 2];
    rows = new int[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        put(oldKeys[i], oldRows[i]);
      }
    }
  }
}
