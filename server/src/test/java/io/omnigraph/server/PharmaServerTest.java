package io.omnigraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.server.api.StoredQuery;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pharma-intel binds no policy bundle (decision 11): under --unauthenticated every stored read
 * answers; under a bearer token (default-deny) every invoke is 404 and only reads pass. Also the
 * write routes in Open mode: branches, forking loads, schema apply 409, admission 429.
 */
class PharmaServerTest {
  @TempDir static Path dir;
  static String root;
  static OmnigraphServer open;
  static Http http;

  @BeforeAll
  static void boot() throws Exception {
    Path cb = Fixtures.cookbooks().resolve("pharma-intel");
    root = dir.resolve("cluster").toString();
    Files.createDirectories(Path.of(root));
    new TestCluster(root, Map.of())
        .graph(
            "pharma",
            Files.readString(cb.resolve("schema.pg")),
            Files.readString(cb.resolve("seed.jsonl")))
        .queryDir("pharma", cb.resolve("queries"))
        .apply();
    open =
        OmnigraphServer.start(
            ServerOptions.local(root, Map.of()).withUnauthenticated(true),
            new PrintStream(new ByteArrayOutputStream()));
    http = new Http(open.listenAddress());
  }

  @AfterAll
  static void stop() {
    if (open != null) {
      open.close();
    }
  }

  @Test
  void openModeServesEveryStoredReadButNotTheGraphList() throws Exception {
    int reads = 0;
    for (StoredQuery q : open.cluster().graph("pharma").orElseThrow().queries().all()) {
      if (q.query().isMutation()) {
        continue;
      }
      reads++;
      com.fasterxml.jackson.databind.node.ObjectNode params = Http.JSON.createObjectNode();
      for (JsonNode p :
          io.omnigraph.compiler.query.descriptor.OperationDescriptor.params(q.query())) {
        switch (p.path("kind").asText()) {
          case "int", "bigint" -> params.put(p.path("name").asText(), 3);
          case "float" -> params.put(p.path("name").asText(), 0.5);
          case "bool" -> params.put(p.path("name").asText(), true);
          case "datetime" -> params.put(p.path("name").asText(), "2020-01-01T00:00:00Z");
          case "date" -> params.put(p.path("name").asText(), "2020-01-01");
          default -> params.put(p.path("name").asText(), "x");
        }
      }
      Http.Res r =
          http.post(
              "/graphs/pharma/queries/" + q.name(),
              null,
              Http.JSON.createObjectNode().set("params", params).toString());
      assertThat(r.status()).as(q.name() + " " + r.body()).isIn(200, 400);
      if (r.status() == 400) {
        assertThat(r.json().path("error").asText()).as(q.name()).contains("embedding");
      } else {
        assertThat(r.json().path("query_name").asText()).isEqualTo(q.name());
      }
    }
    assertThat(reads).isGreaterThan(3);
    assertThat(http.get("/graphs", null).status()).isEqualTo(403);
    JsonNode doc = http.get("/openapi.json", null).json();
    assertThat(doc.path("components").has("securitySchemes")).isFalse();
    assertThat(doc.toString()).doesNotContain("\"security\"").doesNotContain("\"401\"");
    assertThat(doc.path("components").path("schemas").has("Error")).isTrue();
  }

  @Test
  void openModeWritesBranchesAndRefusesSchemaApply() throws Exception {
    Http.Res created = http.post("/graphs/pharma/branches", null, "{\"name\":\"feature\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    assertThat(created.json().path("from").asText()).isEqualTo("main");
    Http.Res again = http.post("/graphs/pharma/branches", null, "{\"name\":\"feature\"}");
    assertThat(again.status()).isEqualTo(409);
    Http.Res bad = http.post("/graphs/pharma/branches", null, "{\"name\":\"__x\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(http.get("/graphs/pharma/branches", null).json().path("branches").toString())
        .contains("feature");
    Http.Res del = http.delete("/graphs/pharma/branches/feature", null);
    assertThat(del.status()).isEqualTo(200);
    assertThat(http.delete("/graphs/pharma/branches/feature", null).status()).isEqualTo(404);
    Http.Res apply = http.post("/graphs/pharma/schema/apply", null, "{\"schema_source\":\"\"}");
    assertThat(apply.status()).isEqualTo(409);
    assertThat(apply.json().path("error").asText()).contains("omnigraph cluster apply");
    Http.Res wrongType = http.post("/graphs/pharma/branches", null, "{\"name\":5}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.json().path("error").asText()).contains("name");
  }

  @Test
  void loadThatForksABranch() throws Exception {
    String firstLine =
        Files.readString(Fixtures.cookbooks().resolve("pharma-intel/seed.jsonl"))
            .lines()
            .findFirst()
            .orElseThrow();
    String body =
        Http.JSON
            .createObjectNode()
            .put("branch", "staging")
            .put("from", "main")
            .put("mode", "merge")
            .put("data", firstLine + "\n")
            .toString();
    Http.Res r = http.post("/graphs/pharma/load", null, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().path("branch_created").asBoolean()).isTrue();
    assertThat(r.json().path("base_branch").asText()).isEqualTo("main");
    assertThat(r.json().path("uri").asText()).endsWith("graphs/pharma.omni");
    Http.Res badLine = http.post("/graphs/pharma/load", null, "{\"data\":\"{nope\\n\"}");
    assertThat(badLine.status()).isEqualTo(400);
    Http.Res badMode =
        http.post("/graphs/pharma/load", null, "{\"data\":\"\",\"mode\":\"upsert\"}");
    assertThat(badMode.status()).isEqualTo(400);
    assertThat(
            http.get("/graphs/pharma/commits?branch=staging", null).json().path("commits").size())
        .isGreaterThan(0);
  }

  @Test
  void defaultDenyMakesEveryInvokeA404AndAdmissionLimitsWrites() throws Exception {
    Map<String, String> env =
        Map.of(
            "OMNIGRAPH_SERVER_BEARER_TOKEN", "tok-single-default",
            "OMNIGRAPH_PER_ACTOR_BYTES_MAX", "10");
    ServerOptions o =
        ServerMain.parse(new String[] {"--cluster", root, "--bind", "127.0.0.1:0"}, env);
    try (OmnigraphServer s =
        OmnigraphServer.start(o, new PrintStream(new ByteArrayOutputStream()))) {
      Http h = new Http(s.listenAddress());
      String name =
          s.cluster().graph("pharma").orElseThrow().queries().all().iterator().next().name();
      Http.Res r = h.post("/graphs/pharma/queries/" + name, "tok-single-default", "{}");
      assertThat(r.status()).isEqualTo(404);
      assertThat(h.get("/graphs/pharma/queries", "tok-single-default").status()).isEqualTo(200);
      assertThat(new io.omnigraph.server.http.Admission(1, 10).enter("a", 11 - 1)).isNotNull();
      var admission = new io.omnigraph.server.http.Admission(1, 100);
      var t = admission.enter("a", 5);
      try {
        admission.enter("a", 5);
        throw new AssertionError("second in-flight request admitted");
      } catch (io.omnigraph.server.http.ApiError e) {
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.headers()).containsEntry("Retry-After", "60");
        assertThat(e.body().path("code").asText()).isEqualTo("too_many_requests");
      }
      t.close();
      admission.enter("a", 5).close();
    }
  }

  @Test
  void storedAndInlineMutationsMergeAndExport() throws Exception {
    Http.Res b = http.post("/graphs/pharma/branches", null, "{\"name\":\"review\"}");
    assertThat(b.status()).as(b.body()).isEqualTo(200);
    String params =
        "{\"params\":{\"slug\":\"co-http\",\"name\":\"HTTP Co\"},\"branch\":\"review\"}";
    Http.Res m = http.post("/graphs/pharma/queries/add_company", null, params);
    assertThat(m.status()).as(m.body()).isEqualTo(200);
    assertThat(m.json().path("affected_nodes").asInt()).isEqualTo(1);
    assertThat(m.json().path("branch").asText()).isEqualTo("review");
    assertThat(m.json().path("actor_id").asText()).isEqualTo("anonymous");
    Http.Res snapshotWrite =
        http.post("/graphs/pharma/queries/add_company", null, "{\"snapshot\":\"1\"}");
    assertThat(snapshotWrite.status()).isEqualTo(400);
    Http.Res asRead =
        http.post(
            "/graphs/pharma/query",
            null,
            Http.JSON
                .createObjectNode()
                .put(
                    "query",
                    "query q() { match { $c: Company { slug: \"co-http\" } } return { $c.name } }")
                .put("branch", "review")
                .toString());
    assertThat(asRead.json().path("row_count").asInt()).isEqualTo(1);
    String head =
        http.get("/graphs/pharma/commits?branch=review", null)
            .json()
            .path("commits")
            .get(0)
            .path("graph_commit_id")
            .asText();
    String inline =
        Http.JSON
            .createObjectNode()
            .put("query", "query m() { insert Company { slug: \"co-two\", name: \"Two\" } }")
            .put("branch", "review")
            .toString();
    var stale =
        http.req("/graphs/pharma/mutate/if-graph-commit", null)
            .header("Content-Type", "application/json")
            .header("Omnigraph-If-Graph-Commit", "01JNOTTHEHEADAAAAAAAAAAAAA")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(inline))
            .build();
    Http.Res lost = http.send(stale);
    assertThat(lost.status()).as(lost.body()).isEqualTo(412);
    assertThat(lost.json().has("precondition_failure")).isTrue();
    assertThat(lost.json().has("code")).isFalse();
    var fresh =
        http.req("/graphs/pharma/mutate/if-graph-commit", null)
            .header("Content-Type", "application/json")
            .header("Omnigraph-If-Graph-Commit", head)
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(inline))
            .build();
    assertThat(http.send(fresh).status()).isEqualTo(200);
    Http.Res readAsMutation =
        http.post(
            "/graphs/pharma/mutate",
            null,
            Http.JSON
                .createObjectNode()
                .put("query", "query q() { match { $c: Company } return { $c.slug } }")
                .toString());
    assertThat(readAsMutation.status()).isEqualTo(400);
    assertThat(readAsMutation.json().path("error").asText()).contains("/query");
    Http.Res merged =
        http.post(
            "/graphs/pharma/branches/merge",
            null,
            "{\"source\":\"review\",\"delete_branch\":true}");
    assertThat(merged.status()).as(merged.body()).isEqualTo(200);
    assertThat(merged.json().path("target").asText()).isEqualTo("main");
    assertThat(merged.json().path("branch_deleted").asBoolean()).isTrue();
    Http.Res export = http.post("/graphs/pharma/export", null, "{\"type_names\":[\"Company\"]}");
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
    assertThat(export.body()).contains("co-http").contains("co-two");
    for (String line : export.body().split("\n")) {
      assertThat(Http.JSON.readTree(line).path("type").asText()).isEqualTo("Company");
    }
    assertThat(http.post("/graphs/pharma/export", null, "{\"type_names\":[\"Nope\"]}").status())
        .isEqualTo(400);
    assertThat(http.post("/graphs/pharma/export", null, "{\"branch\":\"gone\"}").status())
        .isEqualTo(404);
  }
}
