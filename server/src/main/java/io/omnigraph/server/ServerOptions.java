package io.omnigraph.server;

import java.util.Locale;
import java.util.Map;

/**
 * The parsed command line and environment of {@code omnigraph-server} (06 §1).
 *
 * @param cluster the {@code --cluster} value
 * @param host the bind host
 * @param port the bind port (0 = OS-assigned)
 * @param unauthenticated Open mode opt-in
 * @param requireAllGraphs strict boot
 * @param jsonLog {@code --log-format json} (default text)
 * @param inflightMax per-actor in-flight mutating requests
 * @param bytesMax per-actor in-flight bytes
 * @param env the environment (tokens, AWS settings)
 */
public record ServerOptions(
    String cluster,
    String host,
    int port,
    boolean unauthenticated,
    boolean requireAllGraphs,
    boolean jsonLog,
    int inflightMax,
    long bytesMax,
    Map<String, String> env) {

  public static final int DEFAULT_INFLIGHT = 16;
  public static final long DEFAULT_BYTES = 4L * 1024 * 1024 * 1024;

  /** Boolean env flags are true unless empty, {@code 0} or {@code false} (case-insensitive). */
  public static boolean truthy(String v) {
    if (v == null) {
      return false;
    }
    String t = v.trim().toLowerCase(Locale.ROOT);
    return !t.isEmpty() && !t.equals("0") && !t.equals("false");
  }

  /** Options for tests: loopback, port 0, text log, default limits. */
  public static ServerOptions local(String cluster, Map<String, String> env) {
    return new ServerOptions(
        cluster, "127.0.0.1", 0, false, false, false, DEFAULT_INFLIGHT, DEFAULT_BYTES, env);
  }

  public ServerOptions withUnauthenticated(boolean on) {
    return new ServerOptions(
        cluster, host, port, on, requireAllGraphs, jsonLog, inflightMax, bytesMax, env);
  }

  public ServerOptions withRequireAllGraphs(boolean on) {
    return new ServerOptions(
        cluster, host, port, unauthenticated, on, jsonLog, inflightMax, bytesMax, env);
  }

  public ServerOptions withLimits(int inflight, long bytes) {
    return new ServerOptions(
        cluster, host, port, unauthenticated, requireAllGraphs, jsonLog, inflight, bytes, env);
  }
}
