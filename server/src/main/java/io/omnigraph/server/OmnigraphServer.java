package io.omnigraph.server;

import io.omnigraph.server.api.Routes;
import io.omnigraph.server.boot.AppliedClusterSource;
import io.omnigraph.server.boot.AppliedRevision;
import io.omnigraph.server.boot.Boot;
import io.omnigraph.server.boot.BootSource;
import io.omnigraph.server.boot.ServedCluster;
import io.omnigraph.server.http.AccessLog;
import io.omnigraph.server.http.Admission;
import io.omnigraph.server.http.HttpServer;
import io.omnigraph.server.http.ServerContext;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Properties;

/**
 * A booted, listening server: {@link #start} runs the 06 §2 boot sequence, binds and serves. {@link
 * #close} stops it (in-flight requests finish) and closes the graphs.
 */
public final class OmnigraphServer implements AutoCloseable {
  private final ServedCluster cluster;
  private final HttpServer http;
  private final InetSocketAddress address;
  private final AccessLog log;

  private OmnigraphServer(
      ServedCluster cluster, HttpServer http, InetSocketAddress address, AccessLog log) {
    this.cluster = cluster;
    this.http = http;
    this.address = address;
    this.log = log;
  }

  /** Boots from the applied revision and starts listening. Throws {@code BootFailure}. */
  public static OmnigraphServer start(ServerOptions o, PrintStream logStream) {
    return start(o, logStream, new AppliedClusterSource());
  }

  /** Like {@link #start(ServerOptions, PrintStream)} with another boot source. */
  public static OmnigraphServer start(ServerOptions o, PrintStream logStream, BootSource source) {
    AccessLog log = new AccessLog(logStream, o.jsonLog());
    ServedCluster cluster;
    try {
      AppliedRevision rev = source.read(o.cluster(), o.env());
      cluster =
          new Boot(
                  rev,
                  o.requireAllGraphs(),
                  o.unauthenticated(),
                  o.env(),
                  m -> log.event("WARN", "boot", m))
              .run();
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
    try {
      ServerContext ctx =
          new ServerContext(
              cluster, new Admission(o.inflightMax(), o.bytesMax()), log, version(), o.env());
      HttpServer http = new HttpServer(ctx, Routes.all());
      InetSocketAddress addr = http.start(o.host(), o.port());
      logStartup(log, cluster, addr);
      return new OmnigraphServer(cluster, http, addr, log);
    } catch (RuntimeException e) {
      try {
        cluster.close();
      } finally {
        log.close();
      }
      throw e;
    }
  }

  private static void logStartup(AccessLog log, ServedCluster c, InetSocketAddress addr) {
    log.event(
        "INFO",
        "startup",
        "mode=cluster graphs="
            + c.graphs().size()
            + " quarantined="
            + c.quarantined().size()
            + " token_source="
            + c.tokenSource()
            + " auth="
            + c.authorizer().state().wire()
            + " bind="
            + addr.getHostString()
            + ":"
            + addr.getPort());
    switch (c.authorizer().state()) {
      case OPEN ->
          log.event(
              "WARN",
              "auth",
              "serving in Open mode (--unauthenticated): every per-graph request is allowed");
      case DEFAULT_DENY ->
          log.event(
              "WARN",
              "auth",
              "no policy bundle is bound: default-deny mode, authenticated actors may only read");
      default -> {}
    }
  }

  /** The bound address (the actual port when 0 was asked for). */
  public InetSocketAddress address() {
    return address;
  }

  /** {@code <ip>:<port>} as printed in the listen line. */
  public String listenAddress() {
    return address.getHostString() + ":" + address.getPort();
  }

  public ServedCluster cluster() {
    return cluster;
  }

  @Override
  public void close() {
    try {
      http.close();
    } finally {
      try {
        cluster.close();
      } finally {
        log.close();
      }
    }
  }

  /** The release version from the build. */
  public static String version() {
    try (InputStream in = OmnigraphServer.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
