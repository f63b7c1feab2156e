package io.omnigraph.engine.graph;

import java.util.Arrays;

/**
 * Compressed adjacency (CSR): for node row {@code n}, the edge rows incident to it are {@code
 * edges[offsets[n] … offsets[n+1])}, ordered by edge id so traversal output is deterministic.
 */
public final class Adjacency {
  private final int[] offsets;
  private final int[] edges;

  private Adjacency(int[] offsets, int[] edges) {
    this.offsets = offsets;
    this.edges = edges;
  }

  /**
   * Groups edge rows by {@code endpoint[edgeRow]} (a node row in {@code [0, nodeCount)}): a
   * counting sort by node, then each node's edges sorted by edge id.
   */
  static Adjacency build(int[] endpoint, int nodeCount, String[] edgeIds) {
    int[] offsets = new int[nodeCount + 1];
    for (int n : endpoint) {
      offsets[n + 1]++;
    }
    for (int i = 0; i < nodeCount; i++) {
      offsets[i + 1] += offsets[i];
    }
    int[] next = Arrays.copyOf(offsets, nodeCount);
    int[] edges = new int[endpoint.length];
    for (int e = 0; e < endpoint.length; e++) {
      edges[next[endpoint[e]]++] = e;
    }
    for (int n = 0; n < nodeCount; n++) {
      sortById(edges, offsets[n], offsets[n + 1], edgeIds);
    }
    return new Adjacency(offsets, edges);
  }

  private static void sortById(int[] edges, int from, int to, String[] ids) {
    if (to - from < 2) {
      return;
    }
    if (to - from <= 32) {
      for (int i = from + 1; i < to; i++) {
        int e = edges[i];
        int j = i - 1;
        while (j >= from && ids[edges[j]].compareTo(ids[e]) > 0) {
          edges[j + 1] = edges[j];
          j--;
        }
        edges[j + 1] = e;
      }
      return;
    }
    Integer[] seg = new Integer[to - from];
    for (int i = from; i < to; i++) {
      seg[i - from] = edges[i];
    }
    Arrays.sort(seg, (x, y) -> ids[x].compareTo(ids[y]));
    for (int i = from; i < to; i++) {
      edges[i] = seg[i - from];
    }
  }

  /** Number of edges incident to node row {@code n}. */
  public int degree(int n) {
    return offsets[n + 1] - offsets[n];
  }

  /** The {@code i}-th edge row incident to node row {@code n}. */
  public int edge(int n, int i) {
    return edges[offsets[n] + i];
  }

  public int start(int n) {
    return offsets[n];
  }

  public int end(int n) {
    return offsets[n + 1];
  }

  /** The edge row at position {@code pos} of the flat array (between start and end of a node). */
  public int at(int pos) {
    return edges[pos];
  }
}
