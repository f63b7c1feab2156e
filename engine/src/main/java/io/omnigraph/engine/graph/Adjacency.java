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

  /** Groups edge rows by {@code endpoint[edgeRow]} (a node row in {@code [0, nodeCount)}). */
  static Adjacency build(int[] endpoint, int nodeCount, String[] edgeIds) {
    int[] offsets = new int[nodeCount + 1];
    for (int n : endpoint) {
      offsets[n + 1]++;
    }
    for (int i = 0; i < nodeCount; i++) {
      offsets[i + 1] += offsets[i];
    }
    Integer[] order = new Integer[endpoint.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Integer.compare(endpoint[a], endpoint[b]);
          return c != 0 ? c : edgeIds[a].compareTo(edgeIds[b]);
        });
    int[] edges = new int[endpoint.length];
    for (int i = 0; i < order.length; i++) {
      edges[i] = order[i];
    }
    return new Adjacency(offsets, edges);
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
