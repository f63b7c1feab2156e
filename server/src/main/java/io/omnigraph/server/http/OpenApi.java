package io.omnigraph.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the OpenAPI 3.1 document from the route table (never written by hand): one operation
 * per {@link Route} with its path, query and header parameters, the request and 200 schemas the
 * route declares, and the error responses it can give, each referencing the shared 06 §8 {@code
 * Error} schema. Operation ids are prefixed {@code cluster_}; the bearer security scheme is emitted
 * unless the server runs in Open mode (06 §4).
 */
public final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_]+)}");
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private OpenApi() {}

  public static ObjectNode document(List<Route> routes, String version, boolean open) {
    ObjectNode doc = F.objectNode();
    doc.put("openapi", "3.1.0");
    doc.putObject("info").put("title", "omnigraph-server").put("version", version);
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      ObjectNode item =
          paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      item.set(r.method().toLowerCase(Locale.ROOT), operation(r, open));
    }
    ObjectNode components = doc.putObject("components");
    components.putObject("schemas").set("Error", ErrorSchema.json());
    if (!open) {
      components
          .putObject("securitySchemes")
          .putObject("bearer")
          .put("type", "http")
          .put("scheme", "bearer");
    }
    return doc;
  }

  private static ObjectNode operation(Route r, boolean open) {
    ObjectNode op = F.objectNode();
    op.put("operationId", "cluster_" + r.operationId());
    op.put("summary", r.summary());
    if (r.action() != null) {
      op.put("x-omnigraph-action", r.action());
    }
    if (r.deprecated()) {
      op.put("deprecated", true);
    }
    op.set("parameters", parameters(r));
    if (r.requestContentType() != null) {
      ObjectNode rb = op.putObject("requestBody");
      rb.put("required", r.requestSchema() != null && r.requestSchema().has("required"));
      rb.putObject("content")
          .putObject(r.requestContentType())
          .set("schema", r.requestSchema() != null ? r.requestSchema() : bodySchema(r));
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject("200");
    ok.put("description", "success");
    ok.putObject("content")
        .putObject(r.responseContentType())
        .set(
            "schema",
            r.responseSchema() != null ? r.responseSchema() : F.objectNode().put("type", "object"));
    errorStatuses(r, open).forEach((status, why) -> responses.set(status, error(why)));
    if (r.authenticated() && !open) {
      op.putArray("security").addObject().putArray("bearer");
    }
    return op;
  }

  private static ObjectNode bodySchema(Route r) {
    return F.objectNode().put("type", "string").put("description", r.requestContentType());
  }

  private static ArrayNode parameters(Route r) {
    ArrayNode params = F.arrayNode();
    Matcher m = PARAM.matcher(r.path());
    while (m.find()) {
      param(params, m.group(1), "path", true);
    }
    for (String q : r.queryParams()) {
      param(params, q, "query", false);
    }
    if (r.conditional()) {
      param(params, IfGraphCommit.HEADER, "header", true)
          .put("description", "the expected head commit id of the branch (one bare id)");
    }
    return params;
  }

  private static ObjectNode param(ArrayNode params, String name, String in, boolean required) {
    ObjectNode p = params.addObject().put("name", name).put("in", in).put("required", required);
    p.putObject("schema").put("type", "string");
    return p;
  }

  /** The error statuses a route can answer, with why (06 §8). */
  static Map<String, String> errorStatuses(Route r, boolean open) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean input = r.requestContentType() != null || !r.queryParams().isEmpty();
    if (input || r.graphScoped() || r.conditional()) {
      out.put("400", "bad input");
    }
    if (r.authenticated() && !open) {
      out.put("401", "missing or invalid bearer token");
    }
    if (r.action() != null) {
      out.put("403", "policy denial");
    }
    if (r.graphScoped()) {
      out.put("404", "unknown graph, branch, commit or stored query");
    }
    if (r.path().endsWith("/changes")) {
      out.put("409", "the commit cannot be diffed (change_diff_refusal)");
      out.put("410", "versions the change read needs were removed by cleanup (change_feed_gap)");
    }
    if (r.admitted()) {
      out.put("409", "conflict");
    }
    if (r.conditional()) {
      out.put("412", "the branch head is not the expected commit (precondition_failure)");
    }
    if (r.bodyLimit() > 0) {
      out.put("413", "request body over the limit (resource_limit)");
    }
    if ("application/x-ndjson".equals(r.requestContentType())) {
      out.put("415", "wrong Content-Type");
    }
    if (r.admitted()) {
      out.put("429", "per-actor admission exceeded (Retry-After)");
    }
    out.put("default", "internal error");
    return out;
  }

  private static ObjectNode error(String why) {
    ObjectNode e = F.objectNode().put("description", why);
    e.putObject("content").putObject("application/json").set("schema", errorRef());
    return e;
  }

  private static ObjectNode errorRef() {
    return F.objectNode().put("$ref", "#/components/schemas/Error");
  }
}
