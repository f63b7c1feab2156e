package io.omnigraph.bench.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.ops.ClusterOps;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.server.OmnigraphServer;
import io.omnigraph.server.ServerOptions;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * HTTP throughput and latency of the server (issue 6 bench): a stored key lookup and a stored 1-hop
 * query of the industry-intel cookbook, with a bearer token and the cookbook's policy, at
 * concurrency 1, 16 and 64, beside a bare Jetty handler returning a fixed 200 in the same run. This
 * process holds the two servers; the load comes from a {@link LoadDriver} child JVM over loopback
 * (java.net.http, virtual threads), so CPU time per request can be told apart: the server process's
 * own and the load generator's. Every target is first warmed at every concurrency until the JIT is
 * quiet (at most {@code -Dbench.http.warmup} seconds, default 90). Then every target is measured in
 * {@code -Dbench.http.rounds} rounds (default 5; the order of the targets rotates each round), each
 * cell bounded in time ({@code -Dbench.http.seconds}, default 2) and count (100,000 requests); a
 * target's figures are the medians over its rounds, and its share of the bare handler is the median
 * of the per-round shares, so a burst of load from elsewhere on a shared host moves one round, not
 * the result. {@code -Dbench.http.only=<text>} measures only the targets whose name contains the
 * text and {@code -Dbench.http.concurrency=1,16,64} the concurrencies (both for profiling). Writes
 * {@code bench/results/server-http-<timestamp>.{json,md}} and {@code server-http-latest.md}.
 */
public final class ServerHttpBench {
  private static final String TOKEN = "bench-reader-token-0123456789";
  private static final int[] CONCURRENCY =
      java.util.Arrays.stream(System.getProperty("bench.http.concurrency", "1,16,64").split(","))
          .mapToInt(x -> Integer.parseInt(x.trim()))
          .toArray();
  private static final int MAX_REQUESTS = 100_000;
  private static final int ROUNDS = Integer.getInteger("bench.http.rounds", 5);
  private static final String BARE = "bare jetty (fixed 200)";
  private static final String KEY_LOOKUP = "key lookup (get_pattern)";

  private ServerHttpBench() {}

  /** One target: its URL and, for a POST, the JSON body. */
  record Target(String name, String url, String token, String body) {
    String command(int c, long seconds, int max) {
      return c
          + " "
          + seconds
          + " "
          + max
          + " "
          + (token == null ? "-" : token)
          + " "
          + url
          + (body == null ? "" : " " + body);
    }
  }

  /** One measured cell (one round of one target); CPU figures are µs per request. */
  record Cell(
      String target,
      int concurrency,
      int round,
      long requests,
      long errors,
      double rps,
      double p50,
      double p99,
      double serverCpuUs,
      double clientCpuUs) {}

  public static void main(String[] args) throws Exception {
    Path cookbook = findCookbook();
    Path dir = Files.createTempDirectory("og-bench-http");
    prepare(cookbook, dir);
    long seconds = Long.getLong("bench.http.seconds", 2);
    List<Cell> cells = new ArrayList<>();
    Map<String, String> env =
        Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", "{\"act-reader\":\"" + TOKEN + "\"}");
    try (OmnigraphServer og =
            OmnigraphServer.start(
                ServerOptions.local(dir.toString(), env),
                // The server's log goes to a file written line by line, as stderr would be.
                new PrintStream(
                    new FileOutputStream(dir.resolve("server.log").toFile()),
                    false,
                    StandardCharsets.UTF_8));
        Driver driver = Driver.start()) {
      Server bare = bareJetty();
      try {
        List<Target> targets = targets(og, bare);
        warmUp(driver, targets);
        for (int c : CONCURRENCY) {
          for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < targets.size(); i++) {
              Target t = targets.get((i + r) % targets.size());
              cells.add(run(driver, t, c, r, seconds));
            }
          }
        }
      } finally {
        bare.stop();
      }
    }
    deleteTree(dir);
    write(cells, seconds);
  }

  /** Removes the bench's work folder (graph, cluster state and the server log). */
  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static List<Target> targets(OmnigraphServer og, Server bare) {
    String ogBase = "http://" + og.listenAddress();
    String bareBase =
        "http://127.0.0.1:" + ((ServerConnector) bare.getConnectors()[0]).getLocalPort();
    String body = "{\"params\":{\"slug\":\"pat-sovereign-ai\"}}";
    List<Target> all =
        List.of(
            new Target(BARE, bareBase + "/", null, null),
            new Target("server floor (GET /healthz)", ogBase + "/healthz", null, null),
            new Target(KEY_LOOKUP, ogBase + "/graphs/spike/queries/get_pattern", TOKEN, body),
            new Target(
                "1-hop (pattern_signals)",
                ogBase + "/graphs/spike/queries/pattern_signals",
                TOKEN,
                body));
    return all.stream().filter(t -> selected(t.name())).toList();
  }

  private static boolean selected(String target) {
    String only = System.getProperty("bench.http.only");
    return only == null || target.contains(only) || target.equals(BARE);
  }

  /**
   * Brings the server JVM to steady state before any cell is measured: rounds of every target at
   * every concurrency (1 s each) until a round adds less than 2% of its own time to the JIT's total
   * compilation time ({@code CompilationMXBean}, this process = the server), at most {@code
   * -Dbench.http.warmup} seconds (default 90). Without it the first cells measured pay the JIT
   * compilation of the paths the targets share: the compiler threads run in the server process, on
   * the same two cores, so the order of the cells decided their numbers.
   */
  private static void warmUp(Driver driver, List<Target> targets) throws IOException {
    java.lang.management.CompilationMXBean jit =
        java.lang.management.ManagementFactory.getCompilationMXBean();
    long deadline = System.nanoTime() + Long.getLong("bench.http.warmup", 90) * 1_000_000_000L;
    int rounds = 0;
    while (true) {
      long jit0 = jit.getTotalCompilationTime();
      long t0 = System.nanoTime();
      for (int c : CONCURRENCY) {
        for (Target t : targets) {
          driver.send(t.command(c, 1, MAX_REQUESTS));
        }
      }
      rounds++;
      long roundMs = (System.nanoTime() - t0) / 1_000_000;
      long jitMs = jit.getTotalCompilationTime() - jit0;
      System.err.printf(
          Locale.ROOT, "warm-up round %d: %d ms, JIT %d ms%n", rounds, roundMs, jitMs);
      if (jitMs * 50 < roundMs || System.nanoTime() > deadline) {
        return;
      }
    }
  }

  /** A 1 s warm-up at the cell's concurrency, then the measured cell. */
  private static Cell run(Driver driver, Target t, int c, int round, long seconds)
      throws IOException {
    driver.send(t.command(c, 1, 20_000));
    long cpu0 = LoadDriver.cpuNanos();
    JsonNode r = driver.send(t.command(c, seconds, MAX_REQUESTS));
    long serverCpu = LoadDriver.cpuNanos() - cpu0;
    long n = r.path("requests").asLong();
    double perRequest = n == 0 ? Double.NaN : 1e3 * n;
    return new Cell(
        t.name(),
        c,
        round,
        n,
        r.path("errors").asLong(),
        n / r.path("elapsed_s").asDouble(),
        r.path("p50_ms").asDouble(),
        r.path("p99_ms").asDouble(),
        serverCpu / perRequest,
        r.path("cpu_ns").asLong() / perRequest);
  }

  /** The {@link LoadDriver} child JVM: same java, same class path. */
  private record Driver(Process process, BufferedReader out, PrintStream in)
      implements AutoCloseable {
    static Driver start() throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      Process p =
          new ProcessBuilder(
                  java, "-cp", System.getProperty("java.class.path"), LoadDriver.class.getName())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return new Driver(
          p,
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)),
          new PrintStream(p.getOutputStream(), true, StandardCharsets.UTF_8));
    }

    JsonNode send(String command) throws IOException {
      in.println(command);
      String line = out.readLine();
      if (line == null) {
        throw new IOException("the load driver exited (exit " + process.exitValue() + ")");
      }
      return new ObjectMapper().readTree(line);
    }

    @Override
    public void close() throws InterruptedException {
      in.println();
      in.close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static Path findCookbook() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      Path c = d.resolve("shared/fixtures/cookbooks/industry-intel");
      if (Files.isDirectory(c)) {
        return c;
      }
      Path c2 = d.resolve("../shared/fixtures/cookbooks/industry-intel").normalize();
      if (Files.isDirectory(c2)) {
        return c2;
      }
    }
    throw new IllegalStateException(
        "industry-intel cookbook not found (../shared/fixtures/cookbooks)");
  }

  /** Copies the cookbook, applies it with the control plane and loads its seed. */
  private static void prepare(Path cookbook, Path dir) throws Exception {
    try (Stream<Path> files = Files.walk(cookbook)) {
      for (Path p : files.toList()) {
        Path dest = dir.resolve(cookbook.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest);
        }
      }
    }
    for (var out :
        List.of(
            ClusterOps.importState(dir, Map.of()), ClusterOps.apply(dir, "act-bench", Map.of()))) {
      if (!out.path("ok").asBoolean()) {
        throw new IllegalStateException(out.toPrettyString());
      }
    }
    try (GraphRoot g = GraphRoot.open(dir.resolve("graphs/spike.omni").toString(), Map.of())) {
      g.load(
          new ByteArrayInputStream(Files.readAllBytes(dir.resolve("seed.jsonl"))),
          LoadMode.MERGE,
          "main",
          "act-bench");
    }
  }

  private static Server bareJetty() throws Exception {
    Server s = new Server();
    ServerConnector c = new ServerConnector(s);
    c.setHost("127.0.0.1");
    c.setPort(0);
    s.addConnector(c);
    s.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback) {
            response.setStatus(200);
            Content.Sink.write(response, true, "ok", callback);
            return true;
          }
        });
    s.start();
    return s;
  }

  /** A target at one concurrency over its rounds: medians, and the spread of its bare share. */
  record Summary(
      String target,
      int concurrency,
      long requests,
      long errors,
      double rps,
      double p50,
      double p99,
      double vsBare,
      double vsBareMin,
      double vsBareMax,
      double serverCpuUs,
      double clientCpuUs) {
    static List<Summary> of(List<Cell> cells) {
      Map<String, List<Cell>> groups = new java.util.LinkedHashMap<>();
      for (Cell c : cells) {
        groups.computeIfAbsent(c.target() + "@" + c.concurrency(), k -> new ArrayList<>()).add(c);
      }
      List<Summary> out = new ArrayList<>();
      for (List<Cell> g : groups.values()) {
        double[] shares = g.stream().mapToDouble(c -> shareOfBare(c, cells)).sorted().toArray();
        out.add(
            new Summary(
                g.get(0).target(),
                g.get(0).concurrency(),
                g.stream().mapToLong(Cell::requests).sum(),
                g.stream().mapToLong(Cell::errors).sum(),
                median(g, Cell::rps),
                median(g, Cell::p50),
                median(g, Cell::p99),
                median(shares),
                shares[0],
                shares[shares.length - 1],
                median(g, Cell::serverCpuUs),
                median(g, Cell::clientCpuUs)));
      }
      out.sort(
          java.util.Comparator.comparingInt(Summary::concurrency)
              .thenComparingInt(x -> order(x.target(), cells)));
      return out;
    }

    private static int order(String target, List<Cell> cells) {
      for (int i = 0; i < cells.size(); i++) {
        if (cells.get(i).round() == 0 && cells.get(i).target().equals(target)) {
          return i;
        }
      }
      return Integer.MAX_VALUE;
    }

    private static double median(List<Cell> g, java.util.function.ToDoubleFunction<Cell> f) {
      return median(g.stream().mapToDouble(f).sorted().toArray());
    }

    private static double median(double[] sorted) {
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
  }

  private static void write(List<Cell> cells, long seconds) throws IOException {
    Instant now = Instant.now();
    List<Summary> summaries = Summary.of(cells);
    String md = report(summaries, seconds);
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("timestamp", now.toString()).put("java", System.getProperty("java.version"));
    root.put("cores", Runtime.getRuntime().availableProcessors());
    root.put("load_average", loadAverage()).put("seconds_per_cell", seconds);
    root.put("rounds", ROUNDS);
    ArrayNode rows = root.putArray("targets");
    for (Summary c : summaries) {
      ObjectNode o = rows.addObject();
      o.put("target", c.target()).put("concurrency", c.concurrency());
      o.put("requests", c.requests()).put("non_200", c.errors()).put("rps", c.rps());
      o.put("p50_ms", c.p50()).put("p99_ms", c.p99()).put("vs_bare", c.vsBare());
      o.put("vs_bare_min", c.vsBareMin()).put("vs_bare_max", c.vsBareMax());
      o.put("server_cpu_us", c.serverCpuUs()).put("client_cpu_us", c.clientCpuUs());
    }
    ArrayNode raw = root.putArray("cells");
    for (Cell c : cells) {
      ObjectNode o = raw.addObject();
      o.put("target", c.target()).put("concurrency", c.concurrency()).put("round", c.round());
      o.put("requests", c.requests()).put("non_200", c.errors()).put("rps", c.rps());
      o.put("p50_ms", c.p50()).put("p99_ms", c.p99()).put("vs_bare", shareOfBare(c, cells));
      o.put("server_cpu_us", c.serverCpuUs()).put("client_cpu_us", c.clientCpuUs());
    }
    System.out.println(md);
    Path out = Path.of("bench", "results");
    Files.createDirectories(out);
    String stamp = now.toString().replace(":", "").replace("-", "").substring(0, 15) + "Z";
    json.writeValue(out.resolve("server-http-" + stamp + ".json").toFile(), root);
    Files.writeString(out.resolve("server-http-" + stamp + ".md"), md);
    Files.writeString(out.resolve("server-http-latest.md"), md);
    System.out.println("wrote bench/results/server-http-" + stamp + ".{json,md}");
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /**
   * The cell's requests/second as a fraction of the bare handler's at the same concurrency in the
   * same round.
   */
  private static double shareOfBare(Cell c, List<Cell> cells) {
    return cells.stream()
        .filter(
            x ->
                x.concurrency() == c.concurrency()
                    && x.round() == c.round()
                    && x.target().equals(BARE))
        .findFirst()
        .map(b -> c.rps() / b.rps())
        .orElse(Double.NaN);
  }

  private static String report(List<Summary> rows, long seconds) {
    StringBuilder sb = new StringBuilder("# omnigraph-server HTTP bench\n\n");
    sb.append(
        String.format(
            Locale.ROOT,
            "Loopback; load from a separate JVM (java.net.http HTTP/1.1, virtual threads). Every"
                + " target was warmed at every concurrency until the JIT was quiet, then measured"
                + " in %d rounds of %d s per cell (plus 1 s before each cell; the order of the"
                + " targets rotates each round). Figures are medians over the rounds; \"vs bare\""
                + " is the median of the per-round shares of the bare handler's req/s (min–max in"
                + " brackets). %d CPUs visible, load average %.2f at the end. Stored queries run"
                + " with a bearer token under the cookbook's policy. Server CPU is the server"
                + " process's CPU time per request (both servers live in it, one measured at a"
                + " time); client CPU is the load generator's.%n%n",
            ROUNDS,
            seconds,
            Runtime.getRuntime().availableProcessors(),
            loadAverage()));
    sb.append(
        "| target | concurrency | requests | non-200 | req/s | p50 ms | p99 ms | vs bare"
            + " | server CPU µs/req | client CPU µs/req |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Summary c : rows) {
      sb.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.0f%% (%.0f–%.0f) | %.0f | %.0f |%n",
              c.target(),
              c.concurrency(),
              c.requests(),
              c.errors(),
              c.rps(),
              c.p50(),
              c.p99(),
              100 * c.vsBare(),
              100 * c.vsBareMin(),
              100 * c.vsBareMax(),
              c.serverCpuUs(),
              c.clientCpuUs()));
    }
    targets(sb, rows);
    return sb.toString();
  }

  /**
   * The issue's targets, read off this run: the key lookup at ≥ 50 % of the bare handler's req/s at
   * every concurrency, and its p99 under 10 ms at concurrency 16.
   */
  private static void targets(StringBuilder sb, List<Summary> rows) {
    StringBuilder share = new StringBuilder();
    boolean shareMet = true;
    String p99 = "not measured";
    for (Summary r : rows) {
      if (!r.target().equals(KEY_LOOKUP)) {
        continue;
      }
      shareMet &= r.vsBare() >= 0.5;
      share.append(
          String.format(
              Locale.ROOT,
              "%s%.0f %% at c=%d",
              share.isEmpty() ? "" : ", ",
              100 * r.vsBare(),
              r.concurrency()));
      if (r.concurrency() == 16) {
        p99 = String.format(Locale.ROOT, "%.2f ms (%s)", r.p99(), r.p99() < 10 ? "met" : "not met");
      }
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%nTargets: key lookup ≥ 50 %% of bare req/s — %s (%s); key lookup p99 < 10 ms at"
                + " c=16 — %s.%n",
            share,
            shareMet ? "met" : "not met",
            p99));
  }
}
