package io.omnigraph.bench.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The graph benchmark's numbers: query medians (ms), load times (ms), cold runs (ms). */
public final class GraphReport {
  final GraphBench.Settings settings;
  final Workload.Files3 files;
  final Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
  final Map<String, List<Double>> loads = new LinkedHashMap<>();
  final Map<String, List<Double>> cold = new LinkedHashMap<>();

  GraphReport(GraphBench.Settings settings, Workload.Files3 files) {
    this.settings = settings;
    this.files = files;
  }

  static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(a);
    int m = a.length / 2;
    return a.length == 0 ? Double.NaN : a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2;
  }

  /** The faster anchor's value in {@code row} (anything but omnigraph), or NaN. */
  static double anchor(Map<String, Double> row) {
    return row.entrySet().stream()
        .filter(e -> !e.getKey().equals("omnigraph"))
        .mapToDouble(Map.Entry::getValue)
        .min()
        .orElse(Double.NaN);
  }

  private Map<String, Double> medianRow(Map<String, List<Double>> runs) {
    Map<String, Double> row = new LinkedHashMap<>();
    runs.forEach((k, v) -> row.put(k, median(v)));
    return row;
  }

  public String markdown() {
    List<String> engines = List.copyOf(loads.keySet());
    StringBuilder md = new StringBuilder();
    md.append("## Graph workload (bench/README.md)\n\n");
    md.append(
        String.format(
            "%,d Person, %,d Company, %,d Knows, %,d WorksAt; %d parameter values per query; "
                + "%d warmup + %d measured rounds; medians of single calls.%n%n",
            Workload.PERSONS,
            Workload.COMPANIES,
            Workload.KNOWS,
            Workload.PERSONS,
            Workload.PARAMS,
            settings.warmupRounds(),
            settings.rounds()));
    md.append("| query |");
    engines.forEach(e -> md.append(' ').append(e).append(" ms |"));
    md.append(" ours / faster anchor |\n|---|");
    engines.forEach(e -> md.append("---:|"));
    md.append("---:|\n");
    medians.forEach((q, row) -> line(md, q.toUpperCase(), row, engines, "%.3f"));
    line(md, "bulk load (s)", seconds(medianRow(loads)), engines, "%.2f");
    line(md, "cold process Q1 (s)", seconds(medianRow(cold)), engines, "%.2f");
    md.append("\nMachine load average (1/5/15 min) at the end: ")
        .append(loadAverage())
        .append("  ");
    md.append("\nLoad runs (ms): ").append(loads).append("  \nCold runs (ms): ").append(cold);
    md.append("\n");
    return md.toString();
  }

  /** The first three fields of /proc/loadavg, or "n/a" (the numbers depend on it). */
  static String loadAverage() {
    try {
      String[] f =
          java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static Map<String, Double> seconds(Map<String, Double> ms) {
    Map<String, Double> s = new LinkedHashMap<>();
    ms.forEach((k, v) -> s.put(k, v / 1000));
    return s;
  }

  private static void line(
      StringBuilder md, String label, Map<String, Double> row, List<String> engines, String f) {
    md.append("| ").append(label).append(" |");
    for (String e : engines) {
      Double v = row.get(e);
      md.append(' ').append(v == null ? "–" : String.format(f, v)).append(" |");
    }
    Double ours = row.get("omnigraph");
    double a = anchor(row);
    md.append(' ')
        .append(ours == null || Double.isNaN(a) ? "–" : String.format("%.2f", ours / a))
        .append(" |\n");
  }

  public ObjectNode json() {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("workload", "standard-graph-v1");
    o.put("load_average", loadAverage());
    o.set("settings", m.valueToTree(settings.toString()));
    o.set("query_median_ms", m.valueToTree(medians));
    o.set("load_ms", m.valueToTree(loads));
    o.set("cold_q1_ms", m.valueToTree(cold));
    ObjectNode ratios = o.putObject("ratio_ours_to_faster_anchor");
    medians.forEach((q, row) -> ratio(ratios, q, row));
    ratio(ratios, "load", medianRow(loads));
    ratio(ratios, "cold", medianRow(cold));
    return o;
  }

  private static void ratio(ObjectNode ratios, String key, Map<String, Double> row) {
    Double ours = row.get("omnigraph");
    double a = anchor(row);
    if (ours != null && !Double.isNaN(a)) {
      ratios.put(key, ours / a);
    }
  }
}
