package io.omnigraph.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.bench.graph.GraphReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Writes JMH results as our own stable JSON plus a Markdown table. */
final class ResultsWriter {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private ResultsWriter() {}

  static void write(Path dir, Instant when, Collection<RunResult> results) {
    write(dir, when, results, null);
  }

  /** JMH results (may be empty) and the graph workload's report (may be null). */
  static void write(Path dir, Instant when, Collection<RunResult> results, GraphReport graph) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("timestamp", when.toString());
    root.put("java", System.getProperty("java.version"));
    root.put("cores", Runtime.getRuntime().availableProcessors());
    ArrayNode rows = root.putArray("results");
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark results ").append(when).append("\n\n");
    md.append("Java ").append(System.getProperty("java.version"));
    md.append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n\n");
    if (!results.isEmpty()) {
      md.append("| benchmark | params | mode | score | ± error | unit |\n");
      md.append("|---|---|---|---:|---:|---|\n");
    }
    for (RunResult r : results) {
      addRow(r.getPrimaryResult(), r, rows, md);
      for (Map.Entry<String, Result> e : r.getSecondaryResults().entrySet()) {
        addRow(e.getValue(), r, rows, md);
      }
    }
    if (graph != null) {
      md.append(results.isEmpty() ? "" : "\n").append(graph.markdown());
      root.set("graph", graph.json());
    }
    try {
      Files.createDirectories(dir);
      String stamp = STAMP.format(when);
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.resolve(stamp + ".json").toFile(), root);
      Files.writeString(dir.resolve(stamp + ".md"), md);
      Files.writeString(dir.resolve("latest.md"), md);
      System.out.println(md);
      System.out.println("wrote " + dir.resolve(stamp + ".json") + " and " + stamp + ".md");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addRow(Result<?> res, RunResult r, ArrayNode rows, StringBuilder md) {
    String bench = r.getParams().getBenchmark();
    String shortName = bench.substring(bench.lastIndexOf('.', bench.lastIndexOf('.') - 1) + 1);
    String label =
        res.getLabel().equals(r.getPrimaryResult().getLabel())
            ? shortName
            : shortName + ":" + res.getLabel();
    StringBuilder params = new StringBuilder();
    for (String k : r.getParams().getParamsKeys()) {
      params
          .append(params.length() == 0 ? "" : ", ")
          .append(k)
          .append('=')
          .append(r.getParams().getParam(k));
    }
    ObjectNode row = rows.addObject();
    row.put("benchmark", label);
    row.put("params", params.toString());
    row.put("mode", r.getParams().getMode().shortLabel());
    row.put("score", res.getScore());
    row.put("error", Double.isNaN(res.getScoreError()) ? 0 : res.getScoreError());
    row.put("unit", res.getScoreUnit());
    md.append(
        String.format(
            "| %s | %s | %s | %.3f | %.3f | %s |%n",
            label,
            params,
            r.getParams().getMode().shortLabel(),
            res.getScore(),
            Double.isNaN(res.getScoreError()) ? 0 : res.getScoreError(),
            res.getScoreUnit()));
  }
}
