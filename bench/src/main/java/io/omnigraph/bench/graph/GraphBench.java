package io.omnigraph.bench.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The standard graph workload benchmark (bench/README.md): generate the data, load it into each
 * engine (timed), check that every engine gives the same answer to every query for every parameter,
 * then time Q1–Q7 (warmup rounds, then measured rounds over the parameter list; the median of the
 * single calls) and a cold process answering Q1. Settings are system properties {@code
 * bench.graph.*} (see {@link Settings}).
 */
public final class GraphBench {
  private GraphBench() {}

  /** Harness settings (system properties, defaults keep a full run under ~15 minutes). */
  record Settings(
      List<String> engines,
      int warmupRounds,
      int rounds,
      long queryBudgetMillis,
      int loadRuns,
      int coldRuns,
      int neo4jColdRuns,
      Path work,
      boolean keep) {
    static Settings fromSystem() {
      return new Settings(
          List.of(System.getProperty("bench.graph.engines", "omnigraph,kuzu,neo4j").split(",")),
          Integer.getInteger("bench.graph.warmup", 20),
          Integer.getInteger("bench.graph.rounds", 30),
          Long.getLong("bench.graph.budgetMillis", 10_000),
          Integer.getInteger("bench.graph.loadRuns", 3),
          Integer.getInteger("bench.graph.coldRuns", 5),
          Integer.getInteger("bench.graph.neo4jColdRuns", 3),
          Path.of(
              System.getProperty(
                  "bench.graph.work",
                  Path.of(System.getProperty("java.io.tmpdir"), "omnigraph-bench-graph")
                      .toString())),
          Boolean.getBoolean("bench.graph.keep"));
    }
  }

  /** JVM flags of the anchors' cold processes (Neo4j needs the add-opens). */
  static List<String> jvmFlags() {
    List<String> f = new ArrayList<>();
    f.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    f.add("--add-opens=java.base/java.io=ALL-UNNAMED");
    f.add("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED");
    f.add("--enable-native-access=ALL-UNNAMED");
    if (Runtime.version().feature() >= 24) {
      f.add("--sun-misc-unsafe-memory-access=allow");
    }
    return f;
  }

  public static GraphReport run(Path repoRoot) throws Exception {
    Settings s = Settings.fromSystem();
    deleteTree(s.work());
    Files.createDirectories(s.work());
    log("generating the workload (seed " + Workload.SEED + ") into " + s.work());
    Workload w = Workload.generate();
    Workload.Files3 files = w.write(s.work());
    GraphReport report = new GraphReport(s, files);
    Map<String, GraphEngine> engines = new LinkedHashMap<>();
    String slug = w.personParams().get(0);
    List<List<String>> q1 = null;
    try {
      for (String name : s.engines()) {
        GraphEngine e = create(name.trim(), repoRoot);
        engines.put(e.name(), e);
        report.loads.put(e.name(), loadTimes(e, w, files, s));
        log(e.name() + " loaded: " + report.loads.get(e.name()) + " ms");
      }
      checkAgreement(engines, w);
      for (Queries.Q q : Queries.ALL) {
        for (GraphEngine e : engines.values()) {
          report.medians.computeIfAbsent(q.name(), k -> new LinkedHashMap<>());
          double ms = time(e, q, w, s);
          report.medians.get(q.name()).put(e.name(), ms);
          log(q.name() + " " + e.name() + " median " + String.format("%.4f ms", ms));
        }
      }
      q1 = engines.values().iterator().next().run(Queries.ALL.get(0), slug);
    } finally {
      engines.values().forEach(GraphEngine::close);
    }
    for (GraphEngine e : engines.values()) {
      int runs = e.name().equals("neo4j") ? s.neo4jColdRuns() : s.coldRuns();
      report.cold.put(e.name(), ColdRuns.measure(e, s.work().resolve(e.name()), slug, q1, runs));
      log(e.name() + " cold: " + report.cold.get(e.name()) + " ms");
    }
    if (!s.keep()) {
      deleteTree(s.work());
    }
    return report;
  }

  private static GraphEngine create(String name, Path repoRoot) {
    return switch (name) {
      case "omnigraph" -> new OmniEngine(repoRoot);
      case "kuzu" -> new KuzuEngine();
      case "neo4j" -> new Neo4jEngine();
      default -> throw new IllegalArgumentException("unknown engine " + name);
    };
  }

  /** Loads once into the engine's folder (kept open), plus extra timed loads into scratch dirs. */
  private static List<Double> loadTimes(
      GraphEngine e, Workload w, Workload.Files3 files, Settings s) throws Exception {
    List<Double> times = new ArrayList<>();
    int extra = e.name().equals("neo4j") ? 0 : s.loadRuns() - 1;
    for (int i = 0; i < extra; i++) {
      Path scratch = s.work().resolve(e.name() + "-scratch" + i);
      Files.createDirectories(scratch);
      try (GraphEngine x = create(e.name(), Path.of("."))) {
        times.add(x.load(w, files, scratch) / 1e6);
      }
      deleteTree(scratch);
    }
    Path dir = s.work().resolve(e.name());
    Files.createDirectories(dir);
    Files.copy(files.queries(), dir.resolve("queries.gq"));
    times.add(e.load(w, files, dir) / 1e6);
    return times;
  }

  /** Every engine must give our answer to every query for every parameter, before any timing. */
  static void checkAgreement(Map<String, GraphEngine> engines, Workload w) {
    int checked = 0;
    for (Queries.Q q : Queries.ALL) {
      for (String p : q.values(w)) {
        List<List<String>> first = null;
        String firstName = null;
        for (GraphEngine e : engines.values()) {
          List<List<String>> rows = e.run(q, p);
          if (first == null) {
            first = rows;
            firstName = e.name();
          } else if (!first.equals(rows)) {
            throw new IllegalStateException(
                "answers differ for "
                    + q.name()
                    + " with "
                    + p
                    + ":\n  "
                    + firstName
                    + ": "
                    + first
                    + "\n  "
                    + e.name()
                    + ": "
                    + rows);
          }
        }
        checked++;
      }
    }
    log("answers agree: " + checked + " (query, parameter) pairs across " + engines.keySet());
  }

  /** Median of single calls (ms) after warmup; rounds run over the whole parameter list. */
  static double time(GraphEngine e, Queries.Q q, Workload w, Settings s) {
    List<String> params = q.values(w);
    long sink = 0;
    long deadline = System.nanoTime() + s.queryBudgetMillis() * 1_000_000L;
    for (int r = 0; r < s.warmupRounds() && System.nanoTime() < deadline; r++) {
      for (String p : params) {
        sink += e.run(q, p).size();
      }
    }
    long[] samples = new long[s.rounds() * params.size()];
    int n = 0;
    deadline = System.nanoTime() + s.queryBudgetMillis() * 1_000_000L;
    for (int r = 0; r < s.rounds() && (r < 1 || System.nanoTime() < deadline); r++) {
      for (String p : params) {
        long t0 = System.nanoTime();
        sink += e.run(q, p).size();
        samples[n++] = System.nanoTime() - t0;
      }
    }
    if (sink == Long.MIN_VALUE) {
      log("unreachable");
    }
    return median(Arrays.copyOf(samples, n)) / 1e6;
  }

  static double median(long[] xs) {
    long[] a = xs.clone();
    Arrays.sort(a);
    int m = a.length / 2;
    return a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2.0;
  }

  static void log(String msg) {
    System.err.println("[graph-bench] " + msg);
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }

  static String readAll(Process p) {
    try {
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
