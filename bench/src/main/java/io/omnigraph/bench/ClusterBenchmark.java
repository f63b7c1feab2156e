package io.omnigraph.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.ops.ClusterOps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The control plane on a generated cluster of 100 graphs × 20 stored queries × 2 policies (issue 5
 * target: under 200 ms warm in-process). Setup deploys it once (import + apply: 100 graph inits),
 * so {@code applyNoop} measures a converged re-apply (sweep, diff, catalog verification of the
 * plan, no write); {@code plan} and {@code validate} read every file. Cold CLI timings: {@link
 * #main} prints wall times of fresh {@code bin/omnigraph cluster …} processes.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClusterBenchmark {
  static final int GRAPHS = 100;
  static final int QUERIES = 20;

  private Path dir;

  @Setup(Level.Trial)
  public void setup() {
    dir = generate();
    check(ClusterOps.importState(dir, Map.of()), "import");
    check(ClusterOps.apply(dir, "bench", Map.of()), "apply");
  }

  @Benchmark
  public ObjectNode validate() {
    return check(ClusterOps.validate(dir, Map.of()), "validate");
  }

  @Benchmark
  public ObjectNode plan() {
    return check(ClusterOps.plan(dir, Map.of()), "plan");
  }

  @Benchmark
  public ObjectNode applyNoop() {
    ObjectNode out = check(ClusterOps.apply(dir, "bench", Map.of()), "apply");
    if (out.path("state_written").asBoolean()) {
      throw new IllegalStateException("a converged re-apply wrote state");
    }
    return out;
  }

  private static ObjectNode check(ObjectNode out, String what) {
    if (!out.path("ok").asBoolean()) {
      throw new IllegalStateException(what + " failed: " + out.path("diagnostics"));
    }
    return out;
  }

  /** Writes the generated cluster into a fresh temp directory. */
  public static Path generate() {
    try {
      Path d = Files.createTempDirectory("omnigraph-cluster-bench");
      StringBuilder yaml = new StringBuilder("version: 1\nmetadata:\n  name: bench\ngraphs:\n");
      Files.writeString(
          d.resolve("schema.pg"),
          "node Person {\n  slug: String @key\n  name: String\n  age: I32?\n}\nedge Knows: Person -> Person\n");
      for (int g = 0; g < GRAPHS; g++) {
        Path q = Files.createDirectories(d.resolve("queries/g" + g));
        StringBuilder gq = new StringBuilder();
        for (int i = 0; i < QUERIES; i++) {
          gq.append("query q")
              .append(i)
              .append("($slug: String) {\n  match { $p: Person { slug: $slug } }\n")
              .append("  return { $p.slug, $p.name }\n}\n");
        }
        Files.writeString(q.resolve("queries.gq"), gq.toString());
        yaml.append("  g")
            .append(g)
            .append(":\n    schema: schema.pg\n    queries: queries/g")
            .append(g)
            .append("/\n");
      }
      Files.writeString(
          d.resolve("graph.policy.yaml"),
          "version: 1\ngroups:\n  readers: [\"act-reader\"]\nrules:\n  - id: invoke\n    allow:\n      actors: { group: readers }\n      actions: [invoke_query]\n");
      Files.writeString(
          d.resolve("server.policy.yaml"),
          "version: 1\nkind: server\ngroups:\n  admins: [\"act-admin\"]\nrules:\n  - id: list\n    allow:\n      actors: { group: admins }\n      actions: [graph_list]\n");
      yaml.append("policies:\n  graphs:\n    file: graph.policy.yaml\n    applies_to: [");
      for (int g = 0; g < GRAPHS; g++) {
        yaml.append(g == 0 ? "" : ", ").append("g").append(g);
      }
      yaml.append("]\n  server:\n    file: server.policy.yaml\n    applies_to: [cluster]\n");
      Files.writeString(d.resolve("cluster.yaml"), yaml.toString());
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Cold runs: generates and deploys the cluster, then times fresh {@code bin/omnigraph cluster
   * validate|plan|apply --json} processes, best of 3 by wall time, with the child's user+sys CPU
   * seconds when {@code /usr/bin/time} exists (the machine is shared, so CPU time is the stable
   * number). Writes {@code bench/results/cluster-cold-<stamp>.md} and {@code
   * cluster-cold-latest.md} with the load average. Run: {@code bin/bench cluster-cold [path of
   * bin/omnigraph]}.
   */
  public static void main(String[] args) throws Exception {
    String launcher = args.length > 0 ? args[0] : "bin/omnigraph";
    Path d = generate();
    check(ClusterOps.importState(d, Map.of()), "import");
    check(ClusterOps.apply(d, "bench", Map.of()), "apply");
    String load = Files.readString(Path.of("/proc/loadavg")).trim();
    StringBuilder md = new StringBuilder("# Cold control-plane CLI ").append(Instant.now());
    md.append("\n\n").append(GRAPHS).append(" graphs x ").append(QUERIES);
    md.append(" stored queries x 2 policies; best of 3 fresh processes; load average at start: ");
    md.append(load).append("\n\n| command | wall ms | user+sys CPU s |\n|---|---:|---:|\n");
    for (String cmd : new String[] {"validate", "plan", "apply"}) {
      long best = Long.MAX_VALUE;
      String cpu = "n/a";
      for (int i = 0; i < 3; i++) {
        long t0 = System.nanoTime();
        Timed t = runOnce(launcher, cmd, d);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms < best) {
          best = ms;
          cpu = t.cpu();
        }
      }
      String line = "| cluster " + cmd + " | " + best + " | " + cpu + " |";
      System.out.println(line);
      md.append(line).append("\n");
    }
    Path dir = Path.of(System.getProperty("omnigraph.bench.results", "bench/results"));
    Files.createDirectories(dir);
    String stamp = Instant.now().toString().replaceAll("[-:]", "").replaceAll("\\..*", "Z");
    Files.writeString(dir.resolve("cluster-cold-" + stamp + ".md"), md);
    Files.writeString(dir.resolve("cluster-cold-latest.md"), md);
  }

  private record Timed(String cpu) {}

  private static Timed runOnce(String launcher, String cmd, Path d) throws Exception {
    Path timeOut = Files.createTempFile("cluster-bench-time", ".txt");
    List<String> argv = new ArrayList<>();
    boolean timed = Files.isExecutable(Path.of("/usr/bin/time"));
    if (timed) {
      argv.addAll(List.of("/usr/bin/time", "-f", "%U %S", "-o", timeOut.toString()));
    }
    argv.addAll(List.of(launcher, "cluster", cmd, "--config", d.toString(), "--json"));
    Process p =
        new ProcessBuilder(argv)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("cold " + cmd + " failed");
    }
    String cpu = "n/a";
    if (timed) {
      String[] f = Files.readString(timeOut).trim().split("\\s+");
      cpu = String.format("%.2f", Double.parseDouble(f[0]) + Double.parseDouble(f[1]));
    }
    Files.deleteIfExists(timeOut);
    return new Timed(cpu);
  }
}
