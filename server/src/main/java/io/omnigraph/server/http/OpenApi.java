package io.omnigraph.server.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the OpenAPI 3.1 document from the route table (never written by hand): one operation
 * per {@link Route}, operation ids prefixed {@code cluster_}, path parameters from the template,
 * the bearer security scheme unless the server runs in Open mode (06 §4).
 */
public final class OpenApi {
  private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_]+)}");

  private OpenApi() {}

  public static ObjectNode document(List<Route> routes, String version, boolean open) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    doc.put("openapi", "3.1.0");
    doc.putObject("info").put("title", "omnigraph-server").put("version", version);
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      ObjectNode item =
          paths.has(r.path()) ? (ObjectNode) paths.get(r.path()) : paths.putObject(r.path());
      item.set(r.method().toLowerCase(Locale.ROOT), operation(r, open));
    }
    if (!open) {
      doc.putObject("components")
          .putObject("securitySchemes")
          .putObject("bearer")
          .put("type", "http")
          .put("scheme", "bearer");
    }
    return doc;
  }

  private static ObjectNode operation(Route r, boolean open) {
    ObjectNode op = JsonNodeFactory.instance.objectNode();
    op.put("operationId", "cluster_" + r.operationId());
    op.put("summary", r.summary());
    if (r.action() != null) {
      op.put("x-omnigraph-action", r.action());
    }
    if (r.deprecated()) {
      op.put("deprecated", true);
    }
    ArrayNode params = op.putArray("parameters");
    Matcher m = PARAM.matcher(r.path());
    while (m.find()) {
      params
          .addObject()
          .put("name", m.group(1))
          .put("in", "path")
          .put("required", true)
          .putObject("schema")
          .put("type", "string");
    }
    for (String q : r.queryParams()) {
      params
          .addObject()
          .put("name", q)
          .put("in", "query")
          .put("required", false)
          .putObject("schema")
          .put("type", "string");
    }
    if (r.requestContentType() != null) {
      ObjectNode rb = op.putObject("requestBody");
      rb.put("required", false);
      rb.putObject("content").putObject(r.requestContentType()).putObject("schema");
    }
    ObjectNode responses = op.putObject("responses");
    ObjectNode ok = responses.putObject("200");
    ok.put("description", "success");
    ok.putObject("content").putObject(r.responseContentType()).putObject("schema");
    ObjectNode err = responses.putObject("default");
    err.put("description", "error body {error, code?, …} (06 §8)");
    if (r.authenticated() && !open) {
      op.putArray("security").addObject().putArray("bearer");
    }
    return op;
  }
}
