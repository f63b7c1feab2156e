package io.omnigraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Existence oracles (a denied actor gets the same answer for real and fake commit / snapshot ids)
 * and the conditional write routes (04 §3) over a real server: the industry-intel graph with a
 * policy where {@code act-main} reads only the protected {@code main}, {@code act-writer} reads,
 * changes and invokes everywhere, and {@code act-none} is in no group.
 */
class ProbingAndConditionalTest {
  static final String MAIN = "tok-main-0123456789";
  static final String WRITER = "tok-writer-0123456789";
  static final String NONE = "tok-none-0123456789";
  static final String FAKE = "01JZZZZZZZZZZZZZZZZZZZZZZZ";
  static final String POLICY =
      """
      version: 1
      groups:
        mainreaders: ["act-main"]
        writers: ["act-writer"]
      protected_branches: [main]
      rules:
        - id: main-read
          allow:
            actors: { group: mainreaders }
            actions: [read]
            branch_scope: protected
        - id: writer-all
          allow:
            actors: { group: writers }
            actions: [read, change]
            branch_scope: any
        - id: writer-branches
          allow:
            actors: { group: writers }
            actions: [branch_create, invoke_query]
      """;

  @TempDir static Path dir;
  static OmnigraphServer server;
  static Http http;
  static String secretCommit;
  static String mainCommit;

  @BeforeAll
  static void boot() throws Exception {
    server = serveWithSecretBranch(dir, POLICY);
    http = new Http(server.listenAddress());
    secretCommit = head("secret");
    mainCommit = head("main");
  }

  /**
   * The industry-intel cluster under {@code policy}, served with tokens for act-main, act-writer
   * and act-none, and a branch {@code secret} holding one stored-mutation commit by act-writer.
   */
  static OmnigraphServer serveWithSecretBranch(Path dir, String policy) throws Exception {
    TestCluster c =
        TestCluster.industryIntel(dir).policy("p", policy, List.of("graph.spike")).apply();
    OmnigraphServer s =
        c.serve(
            "{\"act-main\":\""
                + MAIN
                + "\",\"act-writer\":\""
                + WRITER
                + "\",\"act-none\":\""
                + NONE
                + "\"}");
    Http h = new Http(s.listenAddress());
    assertThat(h.post("/graphs/spike/branches", WRITER, "{\"name\":\"secret\"}").status())
        .isEqualTo(200);
    Http.Res m =
        h.post(
            "/graphs/spike/queries/add_company",
            WRITER,
            "{\"params\":{\"slug\":\"co-secret\",\"name\":\"Secret\"},\"branch\":\"secret\"}");
    assertThat(m.status()).as(m.body()).isEqualTo(200);
    return s;
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String head(String branch) throws Exception {
    Http.Res r = http.get("/graphs/spike/commits?branch=" + branch, WRITER);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("commits").get(0).path("graph_commit_id").asText();
  }

  /** The body with the probed id blanked, so answers for two ids can be compared. */
  static String shape(Http.Res r, String id) {
    return r.status() + " " + r.body().replace(id, "<id>");
  }

  @Test
  void commitGetIsNoOracleForDeniedActors() throws Exception {
    for (String token : new String[] {MAIN, NONE}) {
      Http.Res real = http.get("/graphs/spike/commits/" + secretCommit, token);
      Http.Res fake = http.get("/graphs/spike/commits/" + FAKE, token);
      assertThat(real.status()).isEqualTo(404);
      assertThat(shape(real, secretCommit)).isEqualTo(shape(fake, FAKE));
    }
    Http.Res own = http.get("/graphs/spike/commits/" + mainCommit, MAIN);
    assertThat(own.status()).as(own.body()).isEqualTo(200);
    assertThat(own.json().path("graph_branch").asText()).isEqualTo("main");
    Http.Res writer = http.get("/graphs/spike/commits/" + secretCommit, WRITER);
    assertThat(writer.status()).isEqualTo(200);
    assertThat(writer.json().path("graph_branch").asText()).isEqualTo("secret");
  }

  @Test
  void snapshotReadsAuthorizeTheSnapshotsBranchAndAreNoOracle() throws Exception {
    String q = "query q() { match { $c: Company { slug: \"co-secret\" } } return { $c.name } }";
    for (String token : new String[] {MAIN, NONE}) {
      Http.Res real = http.post("/graphs/spike/query", token, body(q, secretCommit));
      Http.Res fake = http.post("/graphs/spike/query", token, body(q, FAKE));
      assertThat(real.status()).as(real.body()).isEqualTo(404);
      assertThat(real.body()).doesNotContain("Secret");
      assertThat(shape(real, secretCommit)).isEqualTo(shape(fake, FAKE));
      Http.Res stored =
          http.post(
              "/graphs/spike/queries/get_pattern",
              token,
              "{\"params\":{\"slug\":\"x\"},\"snapshot\":\"" + secretCommit + "\"}");
      assertThat(stored.status()).isEqualTo(404);
    }
    Http.Res allowed = http.post("/graphs/spike/query", WRITER, body(q, secretCommit));
    assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
    assertThat(allowed.json().path("row_count").asInt()).isEqualTo(1);
    Http.Res mainSnap = http.post("/graphs/spike/query", MAIN, body(q, mainCommit));
    assertThat(mainSnap.status()).as(mainSnap.body()).isEqualTo(200);
    assertThat(mainSnap.json().path("row_count").asInt()).isZero();
  }

  static String body(String query, String snapshot) {
    return Http.JSON.createObjectNode().put("query", query).put("snapshot", snapshot).toString();
  }

  static Http.Res conditional(String path, String header, String json) throws Exception {
    HttpRequest.Builder b =
        http.req(path, WRITER)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (header != null) {
      b.header("Omnigraph-If-Graph-Commit", header);
    }
    return http.send(b.build());
  }

  static String addCompany(String slug) {
    return "{\"params\":{\"slug\":\"" + slug + "\",\"name\":\"N\"},\"branch\":\"cond\"}";
  }

  static int companies(String slug) throws Exception {
    String q = "query q() { match { $c: Company { slug: \"" + slug + "\" } } return { $c.name } }";
    Http.Res r =
        http.post(
            "/graphs/spike/query",
            WRITER,
            Http.JSON.createObjectNode().put("query", q).put("branch", "cond").toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().path("row_count").asInt();
  }

  @Test
  void conditionalStoredMutationRunsOnlyOnTheExpectedHead() throws Exception {
    assertThat(http.post("/graphs/spike/branches", WRITER, "{\"name\":\"cond\"}").status())
        .isEqualTo(200);
    String path = "/graphs/spike/queries/add_company/if-graph-commit";
    String before = head("cond");
    Http.Res lost = conditional(path, FAKE, addCompany("co-lost"));
    assertThat(lost.status()).as(lost.body()).isEqualTo(412);
    JsonNode pf = lost.json().path("precondition_failure");
    assertThat(pf.path("expected").asText()).isEqualTo(FAKE);
    assertThat(pf.path("actual").asText()).isEqualTo(before);
    assertThat(lost.json().has("code")).isFalse();
    assertThat(head("cond")).isEqualTo(before);
    assertThat(companies("co-lost")).isZero();

    Http.Res won = conditional(path, before, addCompany("co-won"));
    assertThat(won.status()).as(won.body()).isEqualTo(200);
    assertThat(won.json().path("affected_nodes").asInt()).isEqualTo(1);
    assertThat(companies("co-won")).isEqualTo(1);
    String after = head("cond");
    assertThat(after).isNotEqualTo(before);

    Http.Res stale = conditional(path, before, addCompany("co-stale"));
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.json().path("precondition_failure").path("actual").asText()).isEqualTo(after);
    assertThat(companies("co-stale")).isZero();

    Http.Res read =
        conditional(
            "/graphs/spike/queries/get_pattern/if-graph-commit",
            after,
            "{\"params\":{\"slug\":\"x\"}}");
    assertThat(read.status()).isEqualTo(400);
    assertThat(read.json().path("error").asText()).contains("read");
    Http.Res missing = conditional(path, null, addCompany("co-missing"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("error").asText()).contains("Omnigraph-If-Graph-Commit");
    assertThat(companies("co-missing")).isZero();
  }

  @Test
  void malformedConditionHeadersAre400OnBothConditionalRoutes() throws Exception {
    String c = mainCommit;
    String inline =
        Http.JSON
            .createObjectNode()
            .put("query", "query m() { insert Company { slug: \"co-bad\", name: \"B\" } }")
            .put("branch", "main")
            .toString();
    for (String bad :
        new String[] {"*", c + ", " + c, "\"" + c + "\"", "W/\"" + c + "\"", "w/" + c, " "}) {
      for (String path :
          new String[] {
            "/graphs/spike/mutate/if-graph-commit",
            "/graphs/spike/queries/add_company/if-graph-commit"
          }) {
        String json =
            path.contains("queries") ? "{\"params\":{\"slug\":\"co-bad\",\"name\":\"B\"}}" : inline;
        Http.Res r = conditional(path, bad, json);
        assertThat(r.status()).as(bad + " " + path + " " + r.body()).isEqualTo(400);
        assertThat(r.json().path("code").asText()).isEqualTo("bad_request");
      }
    }
    Http.Res noHeader = conditional("/graphs/spike/mutate/if-graph-commit", null, inline);
    assertThat(noHeader.status()).isEqualTo(400);
    assertThat(head("main")).isEqualTo(mainCommit);
  }

  @Test
  void ordinaryRoutesRejectTheConditionHeader() throws Exception {
    Http.Res mutate =
        conditional(
            "/graphs/spike/mutate",
            mainCommit,
            Http.JSON
                .createObjectNode()
                .put("query", "query m() { insert Company { slug: \"co-o\", name: \"O\" } }")
                .toString());
    assertThat(mutate.status()).as(mutate.body()).isEqualTo(400);
    assertThat(mutate.json().path("error").asText()).contains("Omnigraph-If-Graph-Commit");
    Http.Res invoke =
        conditional(
            "/graphs/spike/queries/add_company",
            mainCommit,
            "{\"params\":{\"slug\":\"co-o\",\"name\":\"O\"}}");
    assertThat(invoke.status()).isEqualTo(400);
    Http.Res read =
        conditional(
            "/graphs/spike/query",
            mainCommit,
            body("query q() { match { $c: Company } return { $c.slug } }", mainCommit));
    assertThat(read.status()).isEqualTo(400);
    assertThat(head("main")).isEqualTo(mainCommit);
  }

  @Test
  void forkingLoadDecidesChangeBeforeLookingAtTheBranch() throws Exception {
    String data = "{\"type\":\"Company\",\"data\":{\"slug\":\"co-l\",\"name\":\"L\"}}";
    for (String token : new String[] {MAIN, NONE}) {
      Http.Res existing = load(token, "secret", data);
      Http.Res absent = load(token, "no-such-branch", data);
      assertThat(existing.status()).isEqualTo(403);
      assertThat(shape(existing, "secret")).isEqualTo(shape(absent, "no-such-branch"));
    }
  }

  static Http.Res load(String token, String branch, String data) throws Exception {
    return http.post(
        "/graphs/spike/load",
        token,
        Http.JSON
            .createObjectNode()
            .put("branch", branch)
            .put("from", "main")
            .put("data", data)
            .toString());
  }
}
