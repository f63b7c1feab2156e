package io.omnigraph.bench.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Times fresh processes answering Q1 (wall clock from start to exit). One untimed run first (builds
 * the CLI app folder when needed, fills OS caches); every run's answer is checked.
 */
final class ColdRuns {
  private ColdRuns() {}

  static List<Double> measure(
      GraphEngine e, Path dir, String slug, List<List<String>> expected, int runs)
      throws IOException, InterruptedException {
    List<String> cmd = e.coldCommand(dir, slug);
    once(e, cmd, expected);
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      once(e, cmd, expected);
      times.add((System.nanoTime() - t0) / 1e6);
    }
    return times;
  }

  private static void once(GraphEngine e, List<String> cmd, List<List<String>> expected)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = GraphBench.readAll(p);
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IllegalStateException(e.name() + " cold run exited " + rc + ": " + cmd);
    }
    List<List<String>> got = e.name().equals("omnigraph") ? fromJson(out) : null;
    boolean ok = got != null ? got.equals(expected) : out.strip().equals(expected.toString());
    if (!ok) {
      throw new IllegalStateException(
          e.name() + " cold run answered " + out.strip() + ", expected " + expected);
    }
  }

  /** The rows of our read-result JSON, as cells in column order. */
  static List<List<String>> fromJson(String out) throws IOException {
    JsonNode root = new ObjectMapper().readTree(out);
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : root.path("rows")) {
      List<String> cells = new ArrayList<>();
      for (Iterator<JsonNode> it = row.elements(); it.hasNext(); ) {
        JsonNode v = it.next();
        cells.add(v.isNull() ? "null" : v.isNumber() ? v.asText() : v.asText());
      }
      rows.add(cells);
    }
    return rows;
  }
}
