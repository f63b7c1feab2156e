package io.omnigraph.engine.load;

import java.util.Arrays;

/**
 * Staged edges of one type: {@link Stage} plus each row's endpoints as compact ints, see {@link
 * #encodeSnapshot}: a row of the endpoint type's batch stage ({@code ≥ 0}), a snapshot row ({@code
 * ≤ -2}), or {@link #PENDING} with the id kept as a string until the whole batch is read (a forward
 * reference to a node on a later line).
 */
final class EdgeStage extends Stage {
  static final int PENDING = -1;

  int[] src = new int[16];
  int[] dst = new int[16];
  String[] pendingSrc;
  String[] pendingDst;

  EdgeStage(TypePlan plan, int firstLine) {
    super(plan, firstLine);
  }

  static int encodeSnapshot(int snapshotRow) {
    return -snapshotRow - 2;
  }

  static boolean isSnapshot(int ref) {
    return ref <= -2;
  }

  static int snapshotRow(int ref) {
    return -ref - 2;
  }

  @Override
  void grow(int capacity) {
    super.grow(capacity);
    src = Arrays.copyOf(src, capacity);
    dst = Arrays.copyOf(dst, capacity);
    if (pendingSrc != null) {
      pendingSrc = Arrays.copyOf(pendingSrc, capacity);
      pendingDst = Arrays.copyOf(pendingDst, capacity);
    }
  }

  /** Sets the endpoints of {@code row}; the id strings are kept only for pending references. */
  void endpoints(int row, int s, String srcId, int d, String dstId) {
    src[row] = s;
    dst[row] = d;
    if (s == PENDING || d == PENDING || pendingSrc != null) {
      if (pendingSrc == null) {
        pendingSrc = new String[ids.length];
        pendingDst = new String[ids.length];
      }
      pendingSrc[row] = s == PENDING ? srcId : null;
      pendingDst[row] = d == PENDING ? dstId : null;
    }
  }
}
