package io.omnigraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change routes over a real server (04 §7, 06 §6) on the industry-intel graph: {@code act-main}
 * reads only the protected {@code main}, {@code act-writer} reads, changes and exports everywhere,
 * {@code act-none} is in no group.
 */
class ChangeRoutesTest {
  static final String MAIN = ProbingAndConditionalTest.MAIN;
  static final String WRITER = ProbingAndConditionalTest.WRITER;
  static final String NONE = ProbingAndConditionalTest.NONE;
  static final String FAKE = ProbingAndConditionalTest.FAKE;
  // the probing test's policy, with export for act-writer (baselines)
  static final String POLICY =
      ProbingAndConditionalTest.POLICY.replace(
          "actions: [read, change]", "actions: [read, change, export]");

  @TempDir static Path dir;
  static OmnigraphServer server;
  static Http http;
  static String secretCommit;
  static String seedCommit;
  static String genesis;

  @BeforeAll
  static void boot() throws Exception {
    server = ProbingAndConditionalTest.serveWithSecretBranch(dir, POLICY);
    http = new Http(server.listenAddress());
    JsonNode secret = http.get("/graphs/spike/commits?branch=secret", WRITER).json();
    secretCommit = secret.path("commits").get(0).path("graph_commit_id").asText();
    JsonNode main = http.get("/graphs/spike/commits?branch=main", WRITER).json().path("commits");
    seedCommit = main.get(0).path("graph_commit_id").asText();
    genesis = main.get(main.size() - 1).path("graph_commit_id").asText();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void anAllowedReaderPagesThroughACommitsChanges() throws Exception {
    String base = "/graphs/spike/commits/" + seedCommit + "/changes";
    Http.Res all = http.get(base, MAIN);
    assertThat(all.status()).as(all.body()).isEqualTo(200);
    JsonNode whole = all.json();
    assertThat(whole.path("cause").path("graph_commit_id").asText()).isEqualTo(seedCommit);
    assertThat(whole.path("changes").size()).isGreaterThan(10);
    assertThat(whole.path("changes").get(0).path("kind").asText()).isEqualTo("node");
    assertThat(whole.has("next_page_token")).isFalse();

    List<JsonNode> paged = new ArrayList<>();
    String token = null;
    do {
      Http.Res p =
          http.get(base + "?limit=7" + (token == null ? "" : "&page_token=" + enc(token)), MAIN);
      assertThat(p.status()).as(p.body()).isEqualTo(200);
      p.json().path("changes").forEach(paged::add);
      token = p.json().path("next_page_token").asText(null);
    } while (token != null);
    List<JsonNode> expected = new ArrayList<>();
    whole.path("changes").forEach(expected::add);
    assertThat(paged).isEqualTo(expected);

    Http.Res edges = http.get(base + "?kind=edge&op=insert", MAIN);
    assertThat(edges.status()).isEqualTo(200);
    assertThat(edges.json().path("changes"))
        .isNotEmpty()
        .allMatch(c -> c.path("kind").asText().equals("edge"));
  }

  @Test
  void aDeniedCommitAnswersLikeAnUnknownOne() throws Exception {
    for (String token : new String[] {MAIN, NONE}) {
      Http.Res real = http.get("/graphs/spike/commits/" + secretCommit + "/changes", token);
      Http.Res fake = http.get("/graphs/spike/commits/" + FAKE + "/changes", token);
      assertThat(real.status()).isEqualTo(404);
      assertThat(ProbingAndConditionalTest.shape(real, secretCommit))
          .isEqualTo(ProbingAndConditionalTest.shape(fake, FAKE));
    }
    Http.Res writer = http.get("/graphs/spike/commits/" + secretCommit + "/changes", WRITER);
    assertThat(writer.status()).as(writer.body()).isEqualTo(200);
    assertThat(writer.json().path("changes").get(0).path("id").asText()).isEqualTo("co-secret");
    assertThat(writer.json().path("cause").path("authored_branch").asText()).isEqualTo("secret");
  }

  @Test
  void genesisIsA409RefusalAndBadInputA400() throws Exception {
    Http.Res g = http.get("/graphs/spike/commits/" + genesis + "/changes", MAIN);
    assertThat(g.status()).isEqualTo(409);
    assertThat(g.json().path("code").asText()).isEqualTo("conflict");
    assertThat(g.json().path("change_diff_refusal").path("reason").asText())
        .isEqualTo("parentless_commit");
    assertThat(g.json().path("change_diff_refusal").path("graph_commit_id").asText())
        .isEqualTo(genesis);
    Http.Res limit = http.get("/graphs/spike/commits/" + seedCommit + "/changes?limit=9999", MAIN);
    assertThat(limit.status()).isEqualTo(400);
    Http.Res kind = http.get("/graphs/spike/commits/" + seedCommit + "/changes?kind=vertex", MAIN);
    assertThat(kind.status()).isEqualTo(400);
    assertThat(kind.json().path("error").asText()).contains("kind 'vertex'");
  }

  @Test
  void theFeedPollsABranchAndResumesFromItsCursor() throws Exception {
    Http.Res first = http.get("/graphs/spike/changes?branch=secret&start=beginning", WRITER);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    JsonNode blocks = first.json().path("blocks");
    assertThat(blocks.size()).isGreaterThanOrEqualTo(2);
    assertThat(blocks.get(blocks.size() - 1).path("cause").path("graph_commit_id").asText())
        .isEqualTo(secretCommit);
    assertThat(first.json().path("caught_up").asBoolean()).isTrue();
    String cursor = first.json().path("cursor").asText();

    Http.Res again = http.get("/graphs/spike/changes?cursor=" + enc(cursor), WRITER);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().path("blocks")).isEmpty();
    assertThat(again.json().path("caught_up").asBoolean()).isTrue();

    // the cursor names branch secret: act-main may not read it
    assertThat(http.get("/graphs/spike/changes?cursor=" + enc(cursor), MAIN).status())
        .isEqualTo(403);
    assertThat(http.get("/graphs/spike/changes?branch=secret&start=now", MAIN).status())
        .isEqualTo(403);
    Http.Res now = http.get("/graphs/spike/changes?start=now", MAIN);
    assertThat(now.status()).isEqualTo(200);
    assertThat(now.json().path("blocks")).isEmpty();
  }

  @Test
  void aBadCursorIs400() throws Exception {
    Http.Res r = http.get("/graphs/spike/changes?branch=main&cursor=bm90LWEtY3Vyc29y", MAIN);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("code").asText()).isEqualTo("bad_request");
    assertThat(r.json().path("error").asText()).startsWith("change cursor rejected: ");
    Http.Res both = http.get("/graphs/spike/changes?start=now&cursor=abc", MAIN);
    assertThat(both.status()).isEqualTo(400);
    Http.Res none = http.get("/graphs/spike/changes", MAIN);
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().path("error").asText()).contains("exactly one of");
  }

  @Test
  void aBaselineStreamsTheBranchAndEndsWithTheResumeCursor() throws Exception {
    Http.Res r =
        http.post(
            "/graphs/spike/changes/baseline",
            WRITER,
            "{\"branch\":\"secret\",\"type\":[\"Company\"]}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<String> lines = r.body().lines().toList();
    assertThat(lines.size()).isGreaterThan(1);
    assertThat(lines.subList(0, lines.size() - 1))
        .allMatch(l -> l.contains("\"type\":\"Company\""));
    assertThat(r.body()).contains("co-secret");
    JsonNode last = Http.JSON.readTree(lines.getLast()).path("baseline");
    assertThat(last.path("snapshot_commit_id").asText()).isEqualTo(secretCommit);
    Http.Res poll =
        http.get(
            "/graphs/spike/changes?cursor=" + enc(last.path("resume_cursor").asText()), WRITER);
    assertThat(poll.status()).as(poll.body()).isEqualTo(200);
    assertThat(poll.json().path("blocks")).isEmpty();
    // export permission is required (act-main only reads)
    assertThat(http.post("/graphs/spike/changes/baseline", MAIN, "{}").status()).isEqualTo(403);
    assertThat(
            http.post("/graphs/spike/changes/baseline", WRITER, "{\"type\":[\"Nope\"]}").status())
        .isEqualTo(400);
  }
}
