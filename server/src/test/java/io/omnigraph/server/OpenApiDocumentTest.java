package io.omnigraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.server.api.Routes;
import io.omnigraph.server.http.Route;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated {@code /openapi.json} of a real server: every route with its method, parameters,
 * request and response schemas and error responses referencing the shared 06 §8 Error schema; and
 * real responses of the same server validated against the schemas the document declares.
 */
class OpenApiDocumentTest {
  static final String TOKEN = "tok-reader-0123456789";
  static final Pattern PARAM = Pattern.compile("\\{([A-Za-z_]+)}");

  @TempDir static Path dir;
  static OmnigraphServer server;
  static Http http;
  static JsonNode doc;

  @BeforeAll
  static void boot() throws Exception {
    TestCluster c = TestCluster.industryIntel(dir).apply();
    server = c.serve("{\"act-r\":\"" + TOKEN + "\"}");
    http = new Http(server.listenAddress());
    Http.Res r = http.get("/openapi.json", null);
    assertThat(r.status()).isEqualTo(200);
    doc = r.json();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static JsonNode op(Route r) {
    return doc.path("paths").path(r.path()).path(r.method().toLowerCase(Locale.ROOT));
  }

  @Test
  void everyRouteIsAnOperationWithItsParameters() {
    List<Route> routes = Routes.all();
    int ops = 0;
    for (Iterator<JsonNode> it = doc.path("paths").elements(); it.hasNext(); ) {
      ops += it.next().size();
    }
    assertThat(ops).isEqualTo(routes.size());
    for (Route r : routes) {
      JsonNode op = op(r);
      assertThat(op.isObject()).as(r.method() + " " + r.path()).isTrue();
      assertThat(op.path("operationId").asText()).isEqualTo("cluster_" + r.operationId());
      List<String> expected = new ArrayList<>();
      Matcher m = PARAM.matcher(r.path());
      while (m.find()) {
        expected.add("path:" + m.group(1) + ":true");
      }
      r.queryParams().forEach(q -> expected.add("query:" + q + ":false"));
      if (r.conditional()) {
        expected.add("header:Omnigraph-If-Graph-Commit:true");
      }
      List<String> actual = new ArrayList<>();
      op.path("parameters")
          .forEach(
              p -> {
                assertThat(p.path("schema").path("type").asText()).isEqualTo("string");
                actual.add(
                    p.path("in").asText()
                        + ":"
                        + p.path("name").asText()
                        + ":"
                        + p.path("required").asBoolean());
              });
      assertThat(actual).as(r.path()).containsExactlyElementsOf(expected);
    }
    assertThat(
            op(route("/graphs/{graph_id}/queries/{name}/if-graph-commit", "POST"))
                .path("responses")
                .has("412"))
        .isTrue();
  }

  @Test
  void requestAndResponseSchemasAreReal() {
    for (Route r : Routes.all()) {
      JsonNode op = op(r);
      String where = r.method() + " " + r.path();
      if (r.requestContentType() != null) {
        JsonNode s =
            op.path("requestBody").path("content").path(r.requestContentType()).path("schema");
        assertThat(s.path("type").asText()).as(where).isIn("object", "string");
        if (r.requestContentType().equals("application/json")) {
          assertThat(s.path("properties").size()).as(where).isPositive();
          assertThat(s.path("additionalProperties").asBoolean(true)).as(where).isFalse();
        }
      } else {
        assertThat(op.has("requestBody")).as(where).isFalse();
      }
      JsonNode ok = op.path("responses").path("200").path("content");
      JsonNode schema = ok.path(r.responseContentType()).path("schema");
      assertThat(schema.has("type") || schema.has("oneOf")).as(where).isTrue();
      if (r.responseContentType().equals("application/json") && !r.path().equals("/openapi.json")) {
        boolean shaped = schema.path("properties").size() > 0 || schema.has("oneOf");
        assertThat(shaped).as(where).isTrue();
      }
    }
  }

  @Test
  void errorResponsesReferenceTheSharedErrorSchema() {
    JsonNode error = doc.path("components").path("schemas").path("Error");
    assertThat(error.path("required")).extracting(JsonNode::asText).containsExactly("error");
    assertThat(error.path("properties").path("code").path("enum")).hasSize(8);
    assertThat(error.path("properties").has("precondition_failure")).isTrue();
    for (Route r : Routes.all()) {
      JsonNode responses = op(r).path("responses");
      assertThat(responses.has("default")).isTrue();
      Set<String> statuses = new java.util.TreeSet<>();
      responses
          .fieldNames()
          .forEachRemaining(
              s -> {
                if (!s.equals("200")) {
                  statuses.add(s);
                  assertThat(
                          responses
                              .path(s)
                              .path("content")
                              .path("application/json")
                              .path("schema")
                              .path("$ref")
                              .asText())
                      .isEqualTo("#/components/schemas/Error");
                }
              });
      if (r.authenticated()) {
        assertThat(statuses).as(r.path()).contains("401");
      }
      if (r.graphScoped()) {
        assertThat(statuses).as(r.path()).contains("400", "403", "404");
      }
      if (r.bodyLimit() > 0) {
        assertThat(statuses).as(r.path()).contains("413");
      }
    }
  }

  static Route route(String path, String method) {
    return Routes.all().stream()
        .filter(r -> r.path().equals(path) && r.method().equals(method))
        .findFirst()
        .orElseThrow();
  }

  static JsonNode responseSchema(String path, String method) {
    Route r = route(path, method);
    return op(r)
        .path("responses")
        .path("200")
        .path("content")
        .path("application/json")
        .path("schema");
  }

  @Test
  void realResponsesMatchTheirDeclaredSchemas() throws Exception {
    List<String> problems = new ArrayList<>();
    Http.Res health = http.get("/healthz", null);
    Validator.check(responseSchema("/healthz", "GET"), health.json(), "$", problems);
    Http.Res commits = http.get("/graphs/spike/commits", TOKEN);
    Validator.check(
        responseSchema("/graphs/{graph_id}/commits", "GET"), commits.json(), "$", problems);
    Http.Res branches = http.get("/graphs/spike/branches", TOKEN);
    Validator.check(
        responseSchema("/graphs/{graph_id}/branches", "GET"), branches.json(), "$", problems);
    String q =
        "query q($slug: String) { match { $p: Pattern { slug: $slug } } return { $p.slug, $p.name"
            + " } }";
    Http.Res read =
        http.post(
            "/graphs/spike/query",
            TOKEN,
            Http.JSON
                .createObjectNode()
                .put("query", q)
                .set("params", Http.JSON.createObjectNode().put("slug", "pat-sovereign-ai"))
                .toString());
    assertThat(read.status()).as(read.body()).isEqualTo(200);
    assertThat(read.json().path("row_count").asInt()).isEqualTo(1);
    Validator.check(responseSchema("/graphs/{graph_id}/query", "POST"), read.json(), "$", problems);
    Http.Res catalog = http.get("/graphs/spike/queries", TOKEN);
    Validator.check(
        responseSchema("/graphs/{graph_id}/queries", "GET"), catalog.json(), "$", problems);
    JsonNode error = doc.path("components").path("schemas").path("Error");
    for (Http.Res e :
        List.of(
            http.get("/graphs/spike/commits", null),
            http.post("/graphs/spike/query", TOKEN, "{\"nope\":1}"),
            http.send(
                http.req("/graphs/spike/mutate/if-graph-commit", TOKEN)
                    .header("Content-Type", "application/json")
                    .header("Omnigraph-If-Graph-Commit", "*")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build()))) {
      assertThat(e.status()).isBetween(400, 499);
      Validator.check(error, e.json(), "$", problems);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void changeResponsesMatchTheirDeclaredSchemas() throws Exception {
    List<String> problems = new ArrayList<>();
    JsonNode commits = http.get("/graphs/spike/commits", TOKEN).json().path("commits");
    String seed = commits.get(0).path("graph_commit_id").asText();
    String genesis = commits.get(commits.size() - 1).path("graph_commit_id").asText();
    Http.Res diff = http.get("/graphs/spike/commits/" + seed + "/changes?limit=5", TOKEN);
    assertThat(diff.status()).as(diff.body()).isEqualTo(200);
    assertThat(diff.json().has("next_page_token")).isTrue();
    Validator.check(
        responseSchema("/graphs/{graph_id}/commits/{commit_id}/changes", "GET"),
        diff.json(),
        "$",
        problems);
    Http.Res feed = http.get("/graphs/spike/changes?start=beginning&limit=3", TOKEN);
    assertThat(feed.status()).as(feed.body()).isEqualTo(200);
    Validator.check(
        responseSchema("/graphs/{graph_id}/changes", "GET"), feed.json(), "$", problems);
    JsonNode error = doc.path("components").path("schemas").path("Error");
    for (Http.Res e :
        List.of(
            http.get("/graphs/spike/commits/" + genesis + "/changes", TOKEN),
            http.get("/graphs/spike/changes?cursor=bad", TOKEN))) {
      assertThat(e.status()).isIn(400, 409);
      Validator.check(error, e.json(), "$", problems);
    }
    assertThat(problems).isEmpty();
  }

  /** A small JSON Schema checker for the subset {@code Schema} emits. */
  static final class Validator {
    static void check(JsonNode schema, JsonNode v, String at, List<String> out) {
      if (schema.has("$ref")) {
        String name = schema.path("$ref").asText().replace("#/components/schemas/", "");
        check(doc.path("components").path("schemas").path(name), v, at, out);
        return;
      }
      if (schema.has("oneOf")) {
        int matches = 0;
        for (JsonNode alt : schema.path("oneOf")) {
          List<String> sub = new ArrayList<>();
          check(alt, v, at, sub);
          matches += sub.isEmpty() ? 1 : 0;
        }
        if (matches != 1) {
          out.add(at + ": matches " + matches + " of oneOf");
        }
        return;
      }
      if (schema.has("type") && !typeOk(schema.path("type"), v)) {
        out.add(at + ": " + v.getNodeType() + " is not " + schema.path("type"));
        return;
      }
      if (schema.has("enum")) {
        boolean in = false;
        for (JsonNode e : schema.path("enum")) {
          in |= e.equals(v);
        }
        if (!in) {
          out.add(at + ": " + v + " not in enum");
        }
      }
      if (v.isObject()) {
        schema
            .path("required")
            .forEach(
                r -> {
                  if (!v.has(r.asText())) {
                    out.add(at + ": missing " + r.asText());
                  }
                });
        v.fieldNames()
            .forEachRemaining(
                f -> {
                  JsonNode p = schema.path("properties").path(f);
                  if (p.isMissingNode()) {
                    if (!schema.path("additionalProperties").asBoolean(true)) {
                      out.add(at + ": unexpected member " + f);
                    }
                  } else {
                    check(p, v.get(f), at + "." + f, out);
                  }
                });
      }
      if (v.isArray() && schema.has("items")) {
        for (int i = 0; i < v.size(); i++) {
          check(schema.path("items"), v.get(i), at + "[" + i + "]", out);
        }
      }
    }

    static boolean typeOk(JsonNode type, JsonNode v) {
      if (type.isArray()) {
        for (JsonNode t : type) {
          if (typeOk(t, v)) {
            return true;
          }
        }
        return false;
      }
      return switch (type.asText()) {
        case "object" -> v.isObject();
        case "array" -> v.isArray();
        case "string" -> v.isTextual();
        case "integer" -> v.isIntegralNumber();
        case "number" -> v.isNumber();
        case "boolean" -> v.isBoolean();
        case "null" -> v.isNull();
        default -> false;
      };
    }
  }
}
