package io.omnigraph.server;

import io.omnigraph.server.boot.BootFailure;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code omnigraph-server --cluster <dir|uri> [--bind host:port] [--unauthenticated]
 * [--require-all-graphs] [--log-format json|text]}: boots, prints {@code
 * OMNIGRAPH_LISTEN_ADDR=<ip>:<port>} once bound, serves until SIGINT/SIGTERM.
 *
 * <p>Exit codes: 0 after a clean shutdown, 1 when boot fails, 2 for a usage error, 64 when a
 * removed legacy boot source is used.
 */
public final class ServerMain {
  static final int USAGE = 2;
  static final int LEGACY = 64;
  static final List<String> LEGACY_VARS =
      List.of("OMNIGRAPH_TARGET_URI", "OMNIGRAPH_CONFIG", "OMNIGRAPH_TARGET");

  private ServerMain() {}

  public static void main(String[] args) {
    int code = run(args, System.getenv(), System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Parses, boots and serves (blocks until shutdown); returns the exit code. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    ServerOptions o;
    try {
      o = parse(args, env);
    } catch (UsageException e) {
      err.println("omnigraph-server: " + e.getMessage());
      if (e.code == USAGE) {
        err.println(USAGE_TEXT);
      }
      return e.code;
    }
    if (o == null) {
      out.println(USAGE_TEXT);
      return 0;
    }
    OmnigraphServer server;
    try {
      server = OmnigraphServer.start(o, err);
    } catch (BootFailure f) {
      err.println(f.report(o.cluster()));
      return 1;
    } catch (RuntimeException e) {
      err.println("omnigraph-server: cannot start: " + e.getMessage());
      return 1;
    }
    out.println("OMNIGRAPH_LISTEN_ADDR=" + server.listenAddress());
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "omnigraph-shutdown"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static final String USAGE_TEXT =
      """
      usage: omnigraph-server --cluster <DIR | s3://bucket/prefix> [--bind <host:port>]
                              [--unauthenticated] [--require-all-graphs] [--log-format json|text]
        --cluster             the applied cluster to serve: a config directory (its cluster.yaml
                              storage: key locates the root) or a storage-root URI
        --bind                listen address (default 127.0.0.1:8080; port 0 = OS-assigned)
        --unauthenticated     serve without tokens or policy (Open mode); env OMNIGRAPH_UNAUTHENTICATED
        --require-all-graphs  refuse to start if any graph is quarantined; env OMNIGRAPH_REQUIRE_ALL_GRAPHS
        --log-format          access log format on stderr (default text)
      Tokens: OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET | _TOKENS_FILE | _TOKENS_JSON | _TOKEN.
      Admission: OMNIGRAPH_PER_ACTOR_INFLIGHT_MAX (16), OMNIGRAPH_PER_ACTOR_BYTES_MAX (4 GiB).""";

  /** A usage problem with its exit code. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    UsageException(String message, int code) {
      super(message);
      this.code = code;
    }
  }

  /** Parses the command line; {@code null} means {@code --help}. */
  static ServerOptions parse(String[] args, Map<String, String> env) throws UsageException {
    String cluster = null;
    String bind = "127.0.0.1:8080";
    boolean unauth = ServerOptions.truthy(env.get("OMNIGRAPH_UNAUTHENTICATED"));
    boolean strict = ServerOptions.truthy(env.get("OMNIGRAPH_REQUIRE_ALL_GRAPHS"));
    String logFormat = "text";
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String inline = null;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 0) {
        inline = a.substring(eq + 1);
        a = a.substring(0, eq);
      }
      switch (a) {
        case "-h", "--help" -> {
          return null;
        }
        case "--cluster" -> cluster = inline != null ? inline : value(args, ++i, a);
        case "--bind" -> bind = inline != null ? inline : value(args, ++i, a);
        case "--log-format" -> logFormat = inline != null ? inline : value(args, ++i, a);
        case "--unauthenticated" -> unauth = true;
        case "--require-all-graphs" -> strict = true;
        case "--target", "--config" ->
            throw new UsageException(
                a
                    + " has been removed: omnigraph-server boots from a cluster; pass --cluster"
                    + " <dir|s3://…>",
                USAGE);
        default -> {
          if (a.startsWith("-")) {
            throw new UsageException("unknown option " + a, USAGE);
          }
          positional.add(a);
        }
      }
    }
    if (!positional.isEmpty()) {
      throw new UsageException(
          "unexpected argument '"
              + positional.get(0)
              + "': legacy single-graph boot (a positional graph URI) has been removed; pass"
              + " --cluster <dir|s3://…>",
          USAGE);
    }
    if (cluster == null) {
      for (String v : LEGACY_VARS) {
        String val = env.get(v);
        if (val != null && !val.isBlank()) {
          throw new UsageException(
              v + " is no longer a boot source; pass --cluster <dir|s3://…> (OMNIGRAPH_CLUSTER)",
              LEGACY);
        }
      }
      throw new UsageException(
          "omnigraph-server boots from a cluster: pass --cluster <dir|s3://…>; legacy single-graph"
              + " boot (a graph URI, --target, --config) has been removed",
          USAGE);
    }
    if (!logFormat.equals("json") && !logFormat.equals("text")) {
      throw new UsageException("--log-format must be json or text", USAGE);
    }
    HostPort hp = HostPort.parse(bind);
    return new ServerOptions(
        cluster,
        hp.host,
        hp.port,
        unauth,
        strict,
        logFormat.equals("json"),
        (int) positiveLong(env, "OMNIGRAPH_PER_ACTOR_INFLIGHT_MAX", ServerOptions.DEFAULT_INFLIGHT),
        positiveLong(env, "OMNIGRAPH_PER_ACTOR_BYTES_MAX", ServerOptions.DEFAULT_BYTES),
        env);
  }

  private static String value(String[] args, int i, String flag) throws UsageException {
    if (i >= args.length) {
      throw new UsageException(flag + " needs a value", USAGE);
    }
    return args[i];
  }

  private static long positiveLong(Map<String, String> env, String var, long dflt)
      throws UsageException {
    String v = env.get(var);
    if (v == null || v.isBlank()) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n <= 0 || (var.endsWith("INFLIGHT_MAX") && n > Integer.MAX_VALUE)) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(var + " must be a positive integer (got '" + v + "')", USAGE);
    }
  }

  /** {@code host:port}; IPv6 hosts in brackets. */
  record HostPort(String host, int port) {
    static HostPort parse(String s) throws UsageException {
      int colon = s.lastIndexOf(':');
      if (colon <= 0 || colon == s.length() - 1) {
        throw new UsageException("--bind must be <host:port> (got '" + s + "')", USAGE);
      }
      String host = s.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      try {
        int port = Integer.parseInt(s.substring(colon + 1));
        if (port < 0 || port > 65535) {
          throw new NumberFormatException();
        }
        return new HostPort(host, port);
      } catch (NumberFormatException e) {
        throw new UsageException("--bind port must be 0..65535 (got '" + s + "')", USAGE);
      }
    }
  }
}
