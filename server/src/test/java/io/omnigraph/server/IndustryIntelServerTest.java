package io.omnigraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.engine.exec.QueryExecutionException;
import io.omnigraph.engine.exec.QueryExecutor;
import io.omnigraph.engine.exec.ReadTarget;
import io.omnigraph.engine.root.RootSnapshot;
import io.omnigraph.server.api.ServedGraph;
import io.omnigraph.server.api.StoredQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The industry-intel cookbook served over HTTP with its graph bundle (readers invoke and read,
 * analysts also change) and its cluster bundle (admins list graphs): every stored read as an
 * allowed and a denied actor, and the bad-input and attack cases of issue 6.
 */
class IndustryIntelServerTest {
  static final String READER = "tok-reader-0123456789";
  static final String ANALYST = "tok-analyst-0123456789";
  static final String ADMIN = "tok-admin-0123456789";

  @TempDir static Path dir;
  static OmnigraphServer server;
  static Http http;
  static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  static List<String> seedLines;

  @BeforeAll
  static void boot() throws Exception {
    Path cb = Fixtures.cookbooks().resolve("industry-intel");
    String root = dir.resolve("cluster").toString();
    Files.createDirectories(dir.resolve("cluster"));
    String seed = Files.readString(cb.resolve("seed.jsonl"));
    seedLines = seed.lines().toList();
    new TestCluster(root, Map.of())
        .graph("spike", Files.readString(cb.resolve("schema.pg")), seed)
        .queryDir("spike", cb.resolve("queries"))
        .policy(
            "intel",
            Files.readString(cb.resolve("policies/intel.policy.yaml")),
            List.of("graph.spike"))
        .policy(
            "server",
            Files.readString(cb.resolve("policies/server.policy.yaml")),
            List.of("cluster"))
        .apply();
    String tokens =
        "{\"act-reader\":\""
            + READER
            + "\",\"act-analyst\":\""
            + ANALYST
            + "\",\"act-admin\":\""
            + ADMIN
            + "\"}";
    Map<String, String> env = Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", tokens);
    server = OmnigraphServer.start(ServerOptions.local(root, env), new PrintStream(LOG, true));
    http = new Http(server.listenAddress());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void healthzIsOpenAndReportsVersions() throws Exception {
    Http.Res r = http.get("/healthz", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("status").asText()).isEqualTo("ok");
    assertThat(r.json().path("internal_schema_version").asInt()).isEqualTo(6);
  }

  @Test
  void missingOrWrongTokenIs401() throws Exception {
    for (String token : new String[] {null, "nope", READER + "x", ""}) {
      Http.Res r = http.get("/graphs/spike/queries", token);
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().path("code").asText()).isEqualTo("unauthorized");
      assertThat(r.json().size()).isEqualTo(2);
    }
  }

  @Test
  void graphListOnlyForClusterAdmins() throws Exception {
    Http.Res ok = http.get("/graphs", ADMIN);
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().path("graphs")).hasSize(1);
    assertThat(ok.json().path("graphs").get(0).path("graph_id").asText()).isEqualTo("spike");
    for (String t : new String[] {READER, ANALYST}) {
      Http.Res r = http.get("/graphs", t);
      assertThat(r.status()).isEqualTo(403);
      assertThat(r.json().path("code").asText()).isEqualTo("forbidden");
    }
  }

  @Test
  void clientSuppliedIdentityIsIgnored() throws Exception {
    var req =
        http.req("/graphs/spike/queries/get_element", ADMIN)
            .header("X-Actor-Id", "act-reader")
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"params\":{\"slug\":\"x\"}}"))
            .build();
    Http.Res r = http.send(req);
    assertThat(r.status()).isEqualTo(404);
    var list = http.req("/graphs", READER).header("X-Actor-Id", "act-admin").GET().build();
    assertThat(http.send(list).status()).isEqualTo(403);
  }

  @Test
  void everyStoredReadAnswersAllowedAndDeniedActors() throws Exception {
    ServedGraph g = server.cluster().graph("spike").orElseThrow();
    JsonNode catalog = http.get("/graphs/spike/queries", READER).json().path("queries");
    assertThat(catalog.size()).isEqualTo(g.queries().size());
    int reads = 0;
    int withRows = 0;
    for (StoredQuery q : g.queries().all()) {
      if (q.query().isMutation()) {
        continue;
      }
      reads++;
      ObjectNode params = paramsFor(q, g);
      String body = Http.JSON.createObjectNode().set("params", params).toString();
      Http.Res allowed = http.post("/graphs/spike/queries/" + q.name(), READER, body);
      Expected want = embedded(g, q, params);
      assertThat(allowed.status()).as(q.name() + ": " + allowed.body()).isEqualTo(want.status);
      if (want.status == 200) {
        assertThat(allowed.json().path("rows").toString())
            .as(q.name())
            .isEqualTo(want.body.path("rows").toString());
        assertThat(allowed.json().path("row_count").asInt())
            .isEqualTo(want.body.path("row_count").asInt());
        withRows += allowed.json().path("row_count").asInt() > 0 ? 1 : 0;
      } else {
        assertThat(allowed.json().path("code").asText()).isEqualTo("bad_request");
      }
      Http.Res denied = http.post("/graphs/spike/queries/" + q.name(), ADMIN, body);
      assertThat(denied.status()).isEqualTo(404);
      Http.Res unknown = http.post("/graphs/spike/queries/" + q.name(), ADMIN, body);
      assertThat(denied.body()).isEqualTo(unknown.body());
    }
    assertThat(reads).isGreaterThan(30);
    assertThat(withRows).as("stored reads returning rows").isGreaterThan(reads / 2);
  }

  @Test
  void deniedAndUnknownQueriesAreIndistinguishable() throws Exception {
    Http.Res denied = http.post("/graphs/spike/queries/get_element", ADMIN, "{}");
    Http.Res unknownAsAdmin = http.post("/graphs/spike/queries/get_elementX", ADMIN, "{}");
    Http.Res unknownAsReader = http.post("/graphs/spike/queries/get_elementX", READER, "{}");
    assertThat(denied.status()).isEqualTo(404);
    assertThat(denied.json().path("code").asText()).isEqualTo("not_found");
    assertThat(denied.json().path("error").asText())
        .isEqualTo("no stored query 'get_element' on graph 'spike'");
    assertThat(unknownAsAdmin.json().path("error").asText())
        .isEqualTo(unknownAsReader.json().path("error").asText());
  }

  @Test
  void storedMutationWithoutChangeIs403() throws Exception {
    Http.Res r =
        http.post(
            "/graphs/spike/queries/add_company",
            READER,
            "{\"params\":{\"slug\":\"co-x\",\"name\":\"X\"}}");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("code").asText()).isEqualTo("forbidden");
    assertThat(r.json().path("error").asText()).contains("change").contains("act-reader");
  }

  @Test
  void analystRunsStoredMutations() throws Exception {
    Http.Res r =
        http.post(
            "/graphs/spike/queries/add_company",
            ANALYST,
            "{\"params\":{\"slug\":\"co-analyst\",\"name\":\"Analyst Co\"}}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("affected_nodes").asInt()).isEqualTo(1);
    assertThat(r.json().path("actor_id").asText()).isEqualTo("act-analyst");
  }

  @Test
  void wrongParameterTypeNamesTheParameter() throws Exception {
    Http.Res r =
        http.post("/graphs/spike/queries/get_element", READER, "{\"params\":{\"slug\":5}}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("code").asText()).isEqualTo("bad_request");
    assertThat(r.json().path("error").asText()).contains("slug");
    Http.Res e =
        http.post(
            "/graphs/spike/queries/get_element",
            READER,
            "{\"params\":{\"slug\":\"x\"},\"expect_mutation\":true}");
    assertThat(e.status()).isEqualTo(400);
    assertThat(e.json().path("error").asText()).contains("expect_mutation");
  }

  @Test
  void malformedJsonAndOversizedBodies() throws Exception {
    Http.Res bad = http.post("/graphs/spike/query", READER, "{\"query\": ");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().path("code").asText()).isEqualTo("bad_request");
    assertThat(bad.body()).doesNotContain("at io.").doesNotContain("Exception");
    Http.Res notObject = http.post("/graphs/spike/query", READER, "[1,2]");
    assertThat(notObject.status()).isEqualTo(400);
    for (String body :
        new String[] {
          "{\"params\":{\"slug\":\"a\"}} {\"params\":{}}",
          "{\"params\":{\"slug\":\"a\",\"slug\":\"b\"}}"
        }) {
      Http.Res r = http.post("/graphs/spike/queries/get_pattern", READER, body);
      assertThat(r.status()).as(body).isEqualTo(400);
      assertThat(r.json().path("error").asText()).as(body).startsWith("malformed JSON body: ");
    }
    String big = "{\"query\":\"" + "x".repeat(1_100_000) + "\"}";
    Http.Res tooBig = http.post("/graphs/spike/query", READER, big);
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(tooBig.json().path("resource_limit").path("limit").asLong()).isEqualTo(1_048_576L);
    assertThat(tooBig.json().path("code").asText()).isEqualTo("bad_request");
  }

  @Test
  void unknownGraphsOddIdsAndTraversalAre404Or400WithoutLeaks() throws Exception {
    for (String path :
        new String[] {
          "/graphs/nope/queries",
          "/graphs/sp%20ike/queries",
          "/graphs/..%2F..%2Fetc/queries",
          "/graphs/spike%00/queries",
          "/graphs/%E2%98%83/snapshot",
          "/graphs/spike/queries/..%2Fpasswd",
          "/read",
          "/snapshot"
        }) {
      Http.Res r =
          path.contains("/queries/") ? http.post(path, READER, "{}") : http.get(path, READER);
      assertThat(r.status()).as(path).isIn(400, 404);
      assertThat(r.body()).as(path).doesNotContain("Exception").doesNotContain("/tmp");
      if (r.status() == 404) {
        assertThat(r.json().path("code").asText()).isEqualTo("not_found");
      }
    }
  }

  @Test
  void inlineQueryReadsAndRefusesMutations() throws Exception {
    String q =
        "query k() { match { $e: Element } return { $e.slug } order { $e.slug asc } limit 3 }";
    Http.Res r =
        http.post(
            "/graphs/spike/query", READER, Http.JSON.createObjectNode().put("query", q).toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("row_count").asInt()).isEqualTo(3);
    assertThat(r.json().path("target").path("branch").asText()).isEqualTo("main");
    String m = "query m() { insert Company { slug: \"c-new\", name: \"N\" } }";
    Http.Res mr =
        http.post(
            "/graphs/spike/query", READER, Http.JSON.createObjectNode().put("query", m).toString());
    assertThat(mr.status()).as(mr.body()).isEqualTo(400);
    assertThat(mr.json().path("error").asText()).contains("/mutate");
    Http.Res typeErr =
        http.post(
            "/graphs/spike/query",
            READER,
            Http.JSON
                .createObjectNode()
                .put("query", "query z() { match { $x: Nope } return { $x } }")
                .toString());
    assertThat(typeErr.status()).isEqualTo(400);
  }

  @Test
  void readRoutes() throws Exception {
    Http.Res snap = http.get("/graphs/spike/snapshot", READER);
    assertThat(snap.status()).isEqualTo(200);
    assertThat(snap.json().path("graph_branch").asText()).isEqualTo("main");
    Http.Res commits = http.get("/graphs/spike/commits", READER);
    assertThat(commits.status()).isEqualTo(200);
    JsonNode first = commits.json().path("commits").get(0);
    Http.Res one =
        http.get("/graphs/spike/commits/" + first.path("graph_commit_id").asText(), READER);
    assertThat(one.json()).isEqualTo(first);
    assertThat(http.get("/graphs/spike/commits/NOPE", READER).status()).isEqualTo(404);
    assertThat(http.get("/graphs/spike/branches", READER).json().path("branches").toString())
        .isEqualTo("[\"main\"]");
    assertThat(http.get("/graphs/spike/schema", READER).json().path("schema_source").asText())
        .contains("node Element");
    assertThat(http.get("/graphs/spike/snapshot?branch=nope", READER).status()).isEqualTo(404);
    assertThat(http.get("/graphs/spike/snapshot", ADMIN).status()).isEqualTo(403);
  }

  @Test
  void schemaApplyIsForbiddenBeforeItIsAConflict() throws Exception {
    Http.Res r = http.post("/graphs/spike/schema/apply", ANALYST, "{\"schema_source\":\"\"}");
    assertThat(r.status()).isEqualTo(403);
  }

  @Test
  void wrongMethodIs405() throws Exception {
    Http.Res r = http.delete("/graphs/spike/query", READER);
    assertThat(r.status()).isIn(404, 405);
    assertThat(r.json().path("code").asText()).isIn("method_not_allowed", "not_found");
  }

  @Test
  void loadNeedsChangeAndNdjsonContentType() throws Exception {
    String line = "{\"type\":\"Company\",\"data\":{\"slug\":\"co-http\",\"name\":\"Via HTTP\"}}\n";
    Http.Res denied =
        http.post("/graphs/spike/load/ndjson?mode=merge", READER, line, "application/x-ndjson");
    assertThat(denied.status()).isEqualTo(403);
    Http.Res wrongType = http.post("/graphs/spike/load/ndjson", ANALYST, line, "text/plain");
    assertThat(wrongType.status()).isEqualTo(415);
    Http.Res ok =
        http.post("/graphs/spike/load/ndjson?mode=merge", ANALYST, line, "application/x-ndjson");
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().path("actor_id").asText()).isEqualTo("act-analyst");
    assertThat(ok.json().path("total_entities").asInt()).isEqualTo(1);
    assertThat(ok.json().has("uri")).isFalse();
  }

  @Test
  void openApiIsGeneratedFromTheRoutes() throws Exception {
    Http.Res r = http.get("/openapi.json", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode doc = r.json();
    assertThat(doc.path("paths").has("/graphs/{graph_id}/queries/{name}")).isTrue();
    assertThat(
            doc.path("paths")
                .path("/graphs/{graph_id}/read")
                .path("post")
                .path("deprecated")
                .asBoolean())
        .isTrue();
    assertThat(doc.path("paths").path("/graphs").path("get").path("operationId").asText())
        .isEqualTo("cluster_list_graphs");
    assertThat(doc.path("components").path("securitySchemes").has("bearer")).isTrue();
    int ops = 0;
    for (JsonNode item : doc.path("paths")) {
      ops += item.size();
    }
    assertThat(ops).isEqualTo(io.omnigraph.server.api.Routes.all().size());
  }

  @Test
  void accessLogHasOneLinePerRequest() throws Exception {
    http.get("/graphs/spike/branches", READER);
    http.post("/graphs/spike/queries/get_pattern", READER, "{\"params\":{\"slug\":\"x\"}}");
    http.get("/graphs/nope/branches", READER);
    // Lines are written off the request thread, a few milliseconds later.
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!LOG.toString().contains("GET /graphs/nope/branches") && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    String log = LOG.toString();
    assertThat(log)
        .containsPattern(
            "request GET /graphs/spike/branches route=/graphs/\\{graph_id}/branches status=200"
                + " actor=act-reader graph=spike duration_ms=")
        .containsPattern(
            "request POST /graphs/spike/queries/get_pattern route=/graphs/\\{graph_id}/queries/"
                + "\\{name} status=200 actor=act-reader graph=spike")
        .containsPattern(
            "request GET /graphs/nope/branches route=\\S+ status=404 actor=act-reader");
    assertThat(log).contains("policy_decision");
  }

  private record Expected(int status, JsonNode body) {}

  private static Expected embedded(ServedGraph g, StoredQuery q, ObjectNode params) {
    RootSnapshot snap = g.snapshots().head(g.root(), "main");
    try {
      var r = QueryExecutor.execute(snap, q.query(), params, g.execOptions());
      return new Expected(200, r.toJson(q.name(), ReadTarget.branch("main"), snap.commitId()));
    } catch (QueryExecutionException e) {
      return new Expected(e.kind() == QueryExecutionException.Code.INTERNAL ? 500 : 400, null);
    }
  }

  /** Parameter values from the seed: a value of the property with the parameter's name. */
  private static ObjectNode paramsFor(StoredQuery q, ServedGraph g) throws Exception {
    ObjectNode p = Http.JSON.createObjectNode();
    for (var param : q.query().params()) {
      String n = param.name();
      JsonNode kind = io.omnigraph.compiler.query.descriptor.OperationDescriptor.params(q.query());
      String k = "string";
      for (JsonNode d : kind) {
        if (d.path("name").asText().equals(n)) {
          k = d.path("kind").asText();
        }
      }
      switch (k) {
        case "datetime" -> p.put(n, "2020-01-01T00:00:00Z");
        case "int", "bigint" -> p.put(n, 5);
        default -> p.put(n, seedValue(q, g, n));
      }
    }
    return p;
  }

  private static String seedValue(StoredQuery q, ServedGraph g, String name) throws Exception {
    if (name.equals("q")) {
      return "AI";
    }
    Set<String> values = new LinkedHashSet<>();
    for (String line : seedLines) {
      JsonNode v = Http.JSON.readTree(line).path("data").path(name);
      if (v.isTextual()) {
        values.add(v.asText());
      }
    }
    List<String> candidates = new ArrayList<>(values);
    for (String c : candidates) {
      ObjectNode p = Http.JSON.createObjectNode().put(name, c);
      if (q.query().params().size() == 1) {
        Expected e = embedded(g, q, p);
        if (e.status == 200 && e.body.path("row_count").asInt() > 0) {
          return c;
        }
      }
    }
    return candidates.isEmpty() ? "x" : candidates.get(0);
  }
}
