package io.omnigraph.engine.exec;

import java.util.Arrays;
import java.util.PriorityQueue;

/** Orders row positions and applies {@code limit}: a bounded heap when the limit is small. */
final class Sorter {
  private Sorter() {}

  /** Positions {@code 0 … n-1} in {@code cmp} order, at most {@code limit} of them (null = all). */
  static int[] order(int n, IntComparator cmp, Long limit) {
    int keep = limit == null ? n : (int) Math.min(n, limit);
    if (keep < n / 4) {
      return topK(n, cmp, keep);
    }
    Integer[] all = new Integer[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    Arrays.sort(all, cmp::compare);
    int[] out = new int[keep];
    for (int i = 0; i < keep; i++) {
      out[i] = all[i];
    }
    return out;
  }

  private static int[] topK(int n, IntComparator cmp, int k) {
    if (k == 0) {
      return new int[0];
    }
    PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (a, b) -> cmp.compare(b, a));
    for (int i = 0; i < n; i++) {
      if (heap.size() < k) {
        heap.add(i);
      } else if (cmp.compare(i, heap.peek()) < 0) {
        heap.poll();
        heap.add(i);
      }
    }
    Integer[] top = heap.toArray(new Integer[0]);
    Arrays.sort(top, cmp::compare);
    return Arrays.stream(top).mapToInt(Integer::intValue).toArray();
  }
}
