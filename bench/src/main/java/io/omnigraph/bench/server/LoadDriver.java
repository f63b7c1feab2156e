package io.omnigraph.bench.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The HTTP load generator of {@link ServerHttpBench}, run as its own JVM so the server's process
 * holds only the server (its CPU time per request is then the server's alone). It reads one command
 * per line on stdin — {@code <concurrency> <seconds> <max requests> <token|-> <url> [<json body>]}
 * (a body makes it a POST) — sends requests back to back from that many virtual threads until the
 * time or count bound, and answers with one JSON line: requests, non-200 answers, elapsed seconds,
 * p50/p99 latency in ms and its own CPU time. An empty line ends it.
 */
public final class LoadDriver {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private LoadDriver() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    ObjectMapper json = new ObjectMapper();
    for (String line = in.readLine(); line != null && !line.isBlank(); line = in.readLine()) {
      String[] f = line.split(" ", 6);
      HttpRequest req = request(f[4], "-".equals(f[3]) ? null : f[3], f.length > 5 ? f[5] : null);
      out.println(
          json.writeValueAsString(
              drive(
                  json,
                  Integer.parseInt(f[0]),
                  Long.parseLong(f[1]),
                  Integer.parseInt(f[2]),
                  req)));
    }
  }

  private static HttpRequest request(String url, String token, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body == null) {
      return b.GET().build();
    }
    return b.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  private static ObjectNode drive(ObjectMapper json, int c, long seconds, int max, HttpRequest req)
      throws Exception {
    long cpu0 = cpuNanos();
    long t0 = System.nanoTime();
    long deadline = t0 + seconds * 1_000_000_000L;
    int perWorker = Math.max(1, max / c);
    List<long[]> lat = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<long[]>> fs = new ArrayList<>();
      for (int w = 0; w < c; w++) {
        fs.add(pool.submit(() -> worker(req, perWorker, deadline)));
      }
      for (Future<long[]> f : fs) {
        lat.add(f.get());
      }
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long errors = lat.stream().mapToLong(a -> a[a.length - 1]).sum();
    long[] all =
        lat.stream().flatMapToLong(a -> Arrays.stream(a, 0, a.length - 1)).sorted().toArray();
    ObjectNode o = json.createObjectNode();
    o.put("requests", all.length).put("errors", errors).put("elapsed_s", elapsed);
    o.put("p50_ms", pct(all, 0.50)).put("p99_ms", pct(all, 0.99));
    o.put("cpu_ns", cpuNanos() - cpu0);
    return o;
  }

  /** Latencies in ns of one worker's requests, then its count of non-200 answers. */
  private static long[] worker(HttpRequest req, int max, long deadline) throws Exception {
    long[] l = new long[max + 1];
    int n = 0;
    long errors = 0;
    while (n < max && System.nanoTime() < deadline) {
      long s = System.nanoTime();
      HttpResponse<byte[]> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofByteArray());
      l[n++] = System.nanoTime() - s;
      if (r.statusCode() != 200) {
        errors++;
      }
    }
    long[] out = Arrays.copyOf(l, n + 1);
    out[n] = errors;
    return out;
  }

  private static double pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
