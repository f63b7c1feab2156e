package io.omnigraph.server.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.omnigraph.server.api.ServedGraph;
import io.omnigraph.server.auth.RuntimeState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The Javalin/Jetty server (virtual threads). Every route goes through one dispatcher in the 06 §3
 * order — bearer auth (401), graph resolution (404), then the handler (policy 403, admission 429,
 * work) — and every failure leaves as the 06 §8 error body, never a stack trace.
 */
public final class HttpServer implements AutoCloseable {
  private static final String HANDLED = "og.handled";

  private final ServerContext server;
  private final List<Route> routes;
  private Javalin app;

  public HttpServer(ServerContext server, List<Route> routes) {
    this.server = server;
    this.routes = List.copyOf(routes);
  }

  /** Binds and starts; returns the bound address. */
  public InetSocketAddress start(String host, int port) {
    app =
        Javalin.create(
            cfg -> {
              cfg.concurrency.useVirtualThreads = true;
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.http.maxRequestSize = Route.LOAD_BODY_LIMIT + 1;
              cfg.http.prefer405over404 = true;
              // Responses are small JSON envelopes on loopback/LAN; per-response compression
              // checks cost more than they save (NDJSON export streams bypass it anyway).
              cfg.http.compressionStrategy = CompressionStrategy.NONE;
              cfg.router.treatMultipleSlashesAsSingleSlash = false;
              for (Route r : routes) {
                cfg.routes.addHttpHandler(
                    HandlerType.findOrCreate(r.method()), r.path(), ctx -> dispatch(ctx, r));
              }
              cfg.routes.exception(HttpResponseException.class, (e, ctx) -> framework(ctx, e));
              cfg.routes.exception(Exception.class, (e, ctx) -> unexpected(ctx, e));
              cfg.routes.error(404, ctx -> fallback(ctx, 404, "not_found", "no such route"));
              cfg.routes.error(
                  405, ctx -> fallback(ctx, 405, "method_not_allowed", "method not allowed"));
            });
    app.start(host, port);
    ServerConnector c = (ServerConnector) app.jettyServer().server().getConnectors()[0];
    String boundHost = c.getHost() == null ? "0.0.0.0" : c.getHost();
    return new InetSocketAddress(boundHost, c.getLocalPort());
  }

  /** Stops accepting, lets requests in flight finish, closes the server. */
  @Override
  public void close() {
    if (app != null) {
      app.stop();
    }
  }

  private void dispatch(Context ctx, Route route) throws IOException {
    long t0 = System.nanoTime();
    Call call = new Call(ctx, route, server);
    ctx.attribute(HANDLED, Boolean.TRUE);
    try {
      if (route.deprecated()) {
        ctx.header("Deprecation", "true");
        ctx.header("Link", "<" + route.successor() + ">; rel=\"successor-version\"");
      }
      if (route.authenticated()) {
        call.actor(authenticate(ctx));
      }
      if (route.graphScoped()) {
        call.graph(resolve(ctx.pathParam("graph_id")));
      }
      call.ifGraphCommit(IfGraphCommit.parse(ctx, route));
      route.handler().handle(call);
    } catch (Throwable t) {
      writeError(ctx, t);
    } finally {
      call.release();
      ServedGraph g = call.graph();
      server
          .log()
          .request(
              route.method(),
              route.path(),
              ctx.path(),
              ctx.statusCode(),
              call.actor(),
              g == null ? null : g.id(),
              (System.nanoTime() - t0) / 1000);
    }
  }

  private String authenticate(Context ctx) {
    if (server.cluster().authorizer().state() == RuntimeState.OPEN) {
      return null;
    }
    String h = ctx.header("Authorization");
    String token = null;
    if (h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      token = h.substring(7).trim();
    }
    Optional<String> actor = server.cluster().tokens().actorFor(token);
    if (actor.isEmpty()) {
      throw ApiError.unauthorized().header("WWW-Authenticate", "Bearer");
    }
    return actor.get();
  }

  private ServedGraph resolve(String id) {
    return server
        .cluster()
        .graph(id)
        .orElseThrow(() -> ApiError.notFound("graph '" + id + "' is not served by this server"));
  }

  private void writeError(Context ctx, Throwable t) {
    ApiError e = ErrorMapper.map(t);
    if (e.status() >= 500) {
      server.log().event("ERROR", "internal_error", stackTrace(t));
    }
    e.headers().forEach(ctx::header);
    ctx.status(e.status()).contentType("application/json");
    ctx.result(e.body().toString());
  }

  private void framework(Context ctx, HttpResponseException e) {
    int s = e.getStatus();
    String code =
        switch (s) {
          case 404 -> "not_found";
          case 405 -> "method_not_allowed";
          case 413 -> "bad_request";
          default -> s >= 500 ? "internal" : "bad_request";
        };
    ctx.attribute(HANDLED, Boolean.TRUE);
    ctx.status(s).contentType("application/json");
    ctx.result(new ApiError(s, code, message(s)).body().toString());
  }

  private static String message(int status) {
    return switch (status) {
      case 404 -> "no such route";
      case 405 -> "method not allowed";
      case 413 -> "request body too large";
      default -> "request rejected (HTTP " + status + ")";
    };
  }

  private void unexpected(Context ctx, Exception e) {
    ctx.attribute(HANDLED, Boolean.TRUE);
    writeError(ctx, e);
  }

  private void fallback(Context ctx, int status, String code, String message) {
    if (ctx.attribute(HANDLED) != null) {
      return;
    }
    ctx.status(status).contentType("application/json");
    ctx.result(new ApiError(status, code, message).body().toString());
    server.log().request(ctx.method().name(), null, ctx.path(), status, null, null, 0);
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
