package io.omnigraph.server.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.omnigraph.policy.PolicyAction;
import io.omnigraph.server.api.ServedGraph;
import io.omnigraph.server.auth.Authorizer;
import io.omnigraph.server.auth.Authorizer.PolicyRequestSpec;
import io.omnigraph.server.auth.Authorizer.Verdict;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One request in flight: the authenticated actor ({@code null} in Open mode), the resolved graph,
 * and helpers that enforce the route's policy, admission and body limits.
 */
public final class Call {
  /**
   * Request and response JSON. Jackson's default buffer pool is per thread, which a virtual thread
   * per request defeats (fresh buffers on every request); a pool shared by all threads reuses them.
   */
  static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              .build());

  private final Context ctx;
  private final Route route;
  private final ServerContext server;
  private String actor;
  private ServedGraph graph;
  private Admission.Ticket ticket;
  private byte[] body;
  private String ifGraphCommit;

  Call(Context ctx, Route route, ServerContext server) {
    this.ctx = ctx;
    this.route = route;
    this.server = server;
  }

  public Context ctx() {
    return ctx;
  }

  public ServerContext server() {
    return server;
  }

  /** The actor the bearer token belongs to; {@code null} in Open mode. */
  public String actor() {
    return actor;
  }

  /** The actor recorded on writes: the token's actor, or {@code anonymous} in Open mode. */
  public String writeActor() {
    return actor == null ? "anonymous" : actor;
  }

  void actor(String a) {
    this.actor = a;
  }

  /** The validated {@link IfGraphCommit#HEADER} of a conditional route; {@code null} elsewhere. */
  public String ifGraphCommit() {
    return ifGraphCommit;
  }

  void ifGraphCommit(String expected) {
    this.ifGraphCommit = expected;
  }

  public ServedGraph graph() {
    return graph;
  }

  void graph(ServedGraph g) {
    this.graph = g;
  }

  /** Decides one per-graph action; a denial is a 403. Logged at INFO. */
  public void authorize(PolicyAction action, String branch, String targetBranch) {
    Verdict v = check(action, branch, targetBranch);
    if (!v.allowed()) {
      throw ApiError.forbidden(v.message());
    }
  }

  /** Decides without throwing (for the 404-on-deny of stored-query invocation). */
  public Verdict check(PolicyAction action, String branch, String targetBranch) {
    Authorizer a = server.cluster().authorizer();
    Verdict v = a.graph(graph.policy(), actor, new PolicyRequestSpec(action, branch, targetBranch));
    server.log().decision(actor, graph.id(), action.wire(), branch, targetBranch, v);
    return v;
  }

  /** Per-actor admission for a mutating request (after policy); released when the call ends. */
  public void admit() {
    long bytes = Math.max(0, ctx.req().getContentLengthLong());
    ticket = server.admission().enter(writeActor(), bytes);
  }

  void release() {
    if (ticket != null) {
      ticket.close();
    }
  }

  /** The raw body, read up to the route's limit (413 beyond it). */
  public byte[] rawBody() throws IOException {
    if (body != null) {
      return body;
    }
    long limit = route.bodyLimit();
    long declared = ctx.req().getContentLengthLong();
    if (declared > limit) {
      throw tooLarge(limit, declared);
    }
    try (InputStream in = ctx.req().getInputStream()) {
      body = declared >= 0 ? in.readNBytes((int) declared) : readChunked(in, limit);
    }
    return body;
  }

  /** A body without {@code Content-Length}: read in small steps, 413 past the limit. */
  private byte[] readChunked(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > limit) {
        throw tooLarge(limit, total);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }

  private ApiError tooLarge(long limit, long actual) {
    return ApiError.resourceLimit(
        "request_body_bytes",
        limit,
        actual,
        "request body exceeds the limit of " + limit + " bytes for " + route.path());
  }

  /** The body as a JSON object; an empty body is {@code {}} when {@code optional}. */
  public ObjectNode jsonBody(boolean optional) throws IOException {
    byte[] b = rawBody();
    if (blank(b)) {
      if (optional) {
        return JSON.createObjectNode();
      }
      throw ApiError.badRequest("request body required: a JSON object");
    }
    JsonNode n;
    try {
      n = JsonBodyReader.read(JSON.getFactory(), b);
    } catch (IOException e) {
      throw ApiError.badRequest("malformed JSON body: " + firstLine(e.getMessage()));
    }
    if (n == null || !n.isObject()) {
      throw ApiError.badRequest("request body must be a JSON object");
    }
    return (ObjectNode) n;
  }

  private static boolean blank(byte[] b) {
    for (byte x : b) {
      if (x != ' ' && x != '\t' && x != '\n' && x != '\r') {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int i = s.indexOf('\n');
    String line = i < 0 ? s : s.substring(0, i);
    int at = line.indexOf(" at [Source");
    return at < 0 ? line : line.substring(0, at);
  }

  /** A query-string parameter, or {@code null}. */
  public String query(String name) {
    String v = ctx.queryParam(name);
    return v == null || v.isEmpty() ? null : v;
  }

  public String pathParam(String name) {
    return ctx.pathParam(name);
  }

  /** Responds 200 with {@code node} (see {@link #ok(JsonContent)}). */
  public void ok(JsonNode node) throws IOException {
    ok(g -> JSON.writeTree(g, node));
  }

  /**
   * Responds 200 with the JSON {@code content} writes, serialized once into a buffer and written
   * straight to the servlet response with its length (not through Javalin's result stream, whose
   * copy and per-write compression checks cost more than the rest of a small read).
   */
  public void ok(JsonContent content) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(1024);
    try (JsonGenerator g = JSON.createGenerator(buf)) {
      content.write(g);
    }
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType("application/json");
    res.setContentLength(buf.size());
    buf.writeTo(res.getOutputStream());
  }

  /** A response body written as JSON tokens (a read envelope streams its rows this way). */
  @FunctionalInterface
  public interface JsonContent {
    void write(JsonGenerator g) throws IOException;
  }
}
