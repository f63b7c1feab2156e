package io.omnigraph.bench.server;

import io.omnigraph.cluster.ops.ClusterOps;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.server.OmnigraphServer;
import io.omnigraph.server.ServerOptions;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
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
 * concurrency 1, 16 and 64, beside a bare Jetty handler returning a fixed 200 in the same run. A
 * java.net.http load generator over loopback; each cell is bounded in time ({@code
 * -Dbench.http.seconds}, default 5) and count (100,000 requests); {@code -Dbench.http.only=<text>}
 * measures only the targets whose name contains the text (for profiling). Writes {@code
 * bench/results/server-http-<timestamp>.md}.
 */
public final class ServerHttpBench {
  private static final String TOKEN = "bench-reader-token-0123456789";
  private static final int[] CONCURRENCY = {1, 16, 64};
  private static final int MAX_REQUESTS = 100_000;

  private ServerHttpBench() {}

  /** One measured cell. */
  record Cell(
      String target,
      int concurrency,
      long requests,
      long errors,
      double rps,
      double p50,
      double p99,
      double cpuUsPerRequest) {}

  public static void main(String[] args) throws Exception {
    Path cookbook = findCookbook();
    Path dir = Files.createTempDirectory("og-bench-http");
    prepare(cookbook, dir);
    long seconds = Long.getLong("bench.http.seconds", 5);
    List<Cell> cells = new ArrayList<>();
    Map<String, String> env =
        Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", "{\"act-reader\":\"" + TOKEN + "\"}");
    try (OmnigraphServer og =
        OmnigraphServer.start(
            ServerOptions.local(dir.toString(), env),
            // Log lines are still formatted; only the sink is free (a growing in-memory buffer
            // would make the bench measure its own array copies).
            new PrintStream(java.io.OutputStream.nullOutputStream()))) {
      Server bare = bareJetty();
      try {
        String ogBase = "http://" + og.listenAddress();
        String bareBase =
            "http://127.0.0.1:" + ((ServerConnector) bare.getConnectors()[0]).getLocalPort();
        String slug = "pat-sovereign-ai";
        Map<String, Supplier<HttpRequest>> targets = new LinkedHashMap<>();
        targets.put("bare jetty (fixed 200)", () -> get(bareBase + "/"));
        targets.put(
            "key lookup (get_pattern)",
            () ->
                post(
                    ogBase + "/graphs/spike/queries/get_pattern",
                    "{\"params\":{\"slug\":\"" + slug + "\"}}"));
        targets.put(
            "1-hop (pattern_signals)",
            () ->
                post(
                    ogBase + "/graphs/spike/queries/pattern_signals",
                    "{\"params\":{\"slug\":\"" + slug + "\"}}"));
        warmUp(targets);
        for (int c : CONCURRENCY) {
          for (var t : targets.entrySet()) {
            cells.add(run(t.getKey(), c, seconds, t.getValue()));
          }
        }
      } finally {
        bare.stop();
      }
    }
    String md = report(cells, seconds);
    System.out.println(md);
    Path out = Path.of("bench", "results");
    Files.createDirectories(out);
    String stamp =
        Instant.now().toString().replace(":", "").replace("-", "").substring(0, 15) + "Z";
    Files.writeString(out.resolve("server-http-" + stamp + ".md"), md);
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

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).GET().build();
  }

  private static HttpRequest post(String url, String body) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /**
   * Brings every target to steady state before any cell is measured: each runs {@code
   * -Dbench.http.warmup} seconds (default 10) at every concurrency. Without it the first target
   * measured pays the JIT compilation of the code paths all the server's targets share (the C2
   * compiler threads compete for the same cores), which made the order of the targets, not the
   * server, decide their ratio.
   */
  private static void warmUp(Map<String, Supplier<HttpRequest>> targets) throws Exception {
    long total = Long.getLong("bench.http.warmup", 10);
    long perCell = Math.max(1, total / CONCURRENCY.length);
    for (int c : CONCURRENCY) {
      for (var t : targets.entrySet()) {
        if (selected(t.getKey())) {
          drive(c, perCell, t.getValue(), MAX_REQUESTS);
        }
      }
    }
  }

  private static boolean selected(String target) {
    String only = System.getProperty("bench.http.only");
    return only == null || target.contains(only) || target.startsWith("bare");
  }

  /** Warm-up (1 s), then {@code c} workers sending back to back until the time or count bound. */
  private static Cell run(String target, int c, long seconds, Supplier<HttpRequest> req)
      throws Exception {
    if (!selected(target)) {
      return new Cell(target, c, 0, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    drive(c, 1, req, 20_000);
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    List<long[]> lat = drive(c, seconds, req, MAX_REQUESTS);
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long cpu = processCpuNanos() - cpu0;
    long errors = lat.stream().mapToLong(a -> a[a.length - 1]).sum();
    long[] all =
        lat.stream()
            .flatMapToLong(a -> Arrays.stream(a, 0, a.length - 1))
            .filter(x -> x > 0)
            .sorted()
            .toArray();
    double rps = all.length / elapsed;
    double cpuUs = all.length == 0 ? Double.NaN : cpu / 1e3 / all.length;
    return new Cell(target, c, all.length, errors, rps, pct(all, 0.50), pct(all, 0.99), cpuUs);
  }

  /**
   * CPU time of this whole process (load generator, bare Jetty and server alike): per request it is
   * far less sensitive to other load on the machine than wall-clock throughput.
   */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static List<long[]> drive(int c, long seconds, Supplier<HttpRequest> req, int max)
      throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    int perWorker = Math.max(1, max / c);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<long[]>> fs = new ArrayList<>();
      for (int w = 0; w < c; w++) {
        fs.add(
            pool.submit(
                () -> {
                  long[] l = new long[perWorker + 1];
                  int n = 0;
                  long errors = 0;
                  while (n < perWorker && System.nanoTime() < deadline) {
                    long s = System.nanoTime();
                    HttpResponse<byte[]> r =
                        CLIENT.send(req.get(), HttpResponse.BodyHandlers.ofByteArray());
                    l[n++] = System.nanoTime() - s;
                    if (r.statusCode() != 200) {
                      errors++;
                    }
                  }
                  long[] out = Arrays.copyOf(l, n + 1);
                  out[n] = errors;
                  return out;
                }));
      }
      List<long[]> out = new ArrayList<>();
      for (Future<long[]> f : fs) {
        out.add(f.get());
      }
      return out;
    }
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static String report(List<Cell> cells, long seconds) {
    StringBuilder sb = new StringBuilder("# omnigraph-server HTTP bench\n\n");
    sb.append("Loopback, java.net.http HTTP/1.1 client (virtual threads), ")
        .append(seconds)
        .append(
            " s per cell after a warm-up of every target at every concurrency and 1 s before the cell, ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs visible, load average ")
        .append(
            String.format(
                java.util.Locale.ROOT,
                "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()))
        .append(". Stored queries run with a bearer token under the cookbook's policy.")
        .append(" CPU µs/req is the whole process's CPU time (client + server) per request;")
        .append(" 'over bare' subtracts the bare-Jetty cell's figure at the same concurrency, an")
        .append(" estimate of the server's own CPU per request that other load barely moves.\n\n");
    sb.append(
        "| target | concurrency | requests | non-200 | req/s | p50 ms | p99 ms | vs bare"
            + " | CPU µs/req | over bare µs |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Cell c : cells) {
      Cell bare =
          cells.stream()
              .filter(x -> x.concurrency() == c.concurrency() && x.target().startsWith("bare"))
              .findFirst()
              .orElse(c);
      sb.append(
          String.format(
              java.util.Locale.ROOT,
              "| %s | %d | %d | %d | %.0f | %.2f | %.2f | %.0f%% | %.0f | %.0f |%n",
              c.target(),
              c.concurrency(),
              c.requests(),
              c.errors(),
              c.rps(),
              c.p50(),
              c.p99(),
              100 * c.rps() / bare.rps(),
              c.cpuUsPerRequest(),
              c.cpuUsPerRequest() - bare.cpuUsPerRequest()));
    }
    return sb.toString();
  }
}
