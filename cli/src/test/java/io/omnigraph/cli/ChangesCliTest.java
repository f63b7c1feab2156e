package io.omnigraph.cli;

import static io.omnigraph.cli.CliRunner.ok;
import static io.omnigraph.cli.CliRunner.quickstart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code commit changes} and {@code changes poll} through the real CLI on a local graph. */
class ChangesCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private String uri;
  private String id1;
  private String id2;

  private String load(String name, String jsonl) throws Exception {
    Path f = CliRunner.write(dir, name, jsonl);
    JsonNode out =
        JSON.readTree(
            ok("load", uri, "--quiet", "--data", f.toString(), "--mode", "merge", "--json").out());
    return out.path("commit").path("graph_commit_id").asText();
  }

  @BeforeEach
  void graph() throws Exception {
    uri = dir.resolve("graph").toString();
    ok("init", "--schema", quickstart("people.pg").toString(), uri);
    id1 =
        load(
            "first.jsonl",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada\"}}\n"
                + "{\"type\":\"Company\",\"data\":{\"slug\":\"acme\",\"name\":\"Acme\"}}\n"
                + "{\"edge\":\"WorksAt\",\"from\":\"ada\",\"to\":\"acme\"}\n");
    id2 =
        load(
            "second.jsonl",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada L.\"}}\n"
                + "{\"type\":\"Person\",\"data\":{\"slug\":\"bob\",\"name\":\"Bob\"}}\n");
  }

  @Test
  void commitChangesPrintsOneLinePerChangeAndPaginates() throws Exception {
    String human = ok("commit", "changes", uri, id2).out();
    assertThat(human.lines().toList())
        .containsExactly(
            "update  node Person  ada  name: Ada -> Ada L.", "insert  node Person  bob");
    assertThat(ok("commit", "changes", "--uri", uri, id1).out().lines().toList())
        .hasSize(3)
        .last()
        .asString()
        .startsWith("insert  edge WorksAt  ")
        .endsWith("  ada -> acme");

    JsonNode all = JSON.readTree(ok("commit", "changes", uri, id2, "--limit", "1", "--json").out());
    assertThat(all.path("changes")).hasSize(2); // auto-paginated
    assertThat(all.has("next_page_token")).isFalse();
    assertThat(all.path("cause").path("graph_commit_id").asText()).isEqualTo(id2);
    assertThat(all.path("changes").get(0).path("before").path("data").path("name").asText())
        .isEqualTo("Ada");

    JsonNode onlyInserts =
        JSON.readTree(ok("commit", "changes", uri, id2, "--op", "insert", "--json").out());
    assertThat(onlyInserts.path("changes")).hasSize(1);
    assertThat(onlyInserts.path("changes").get(0).path("id").asText()).isEqualTo("bob");

    // an explicit page token prints that page only
    String first =
        JSON.readTree(
                ok(
                        "commit",
                        "changes",
                        uri,
                        id2,
                        "--limit",
                        "1",
                        "--page-token",
                        tokenAfterFirst(id2),
                        "--json")
                    .out())
            .path("changes")
            .get(0)
            .path("id")
            .asText();
    assertThat(first).isEqualTo("bob");
  }

  private String tokenAfterFirst(String id) {
    try (var root = io.omnigraph.engine.root.GraphRoot.open(uri, java.util.Map.of())) {
      return root.commitChanges(id, io.omnigraph.engine.root.ChangeFilter.ALL, 1, null)
          .nextPageToken();
    }
  }

  @Test
  void refusalsAndBadInputExitOne() {
    JsonNode list;
    String genesis;
    try {
      list = JSON.readTree(ok("commit", "list", uri, "--json").out());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    genesis = list.path("commits").get(2).path("graph_commit_id").asText();
    CliRunner.Run g = CliRunner.run("commit", "changes", uri, genesis);
    assertThat(g.exitCode()).isEqualTo(1);
    assertThat(g.err()).contains("parentless_commit");
    CliRunner.Run k = CliRunner.run("commit", "changes", uri, id2, "--kind", "vertex");
    assertThat(k.exitCode()).isEqualTo(1);
    assertThat(k.err()).contains("kind 'vertex'");
    CliRunner.Run c = CliRunner.run("changes", "poll", uri, "--cursor", "nonsense");
    assertThat(c.exitCode()).isEqualTo(1);
    assertThat(c.err()).contains("change cursor rejected: ");
    CliRunner.Run both = CliRunner.run("changes", "poll", uri, "--cursor", "x", "--start", "now");
    assertThat(both.exitCode()).isEqualTo(2);
  }

  @Test
  void pollDeliversBlocksAndResumesFromTheCursor() throws Exception {
    JsonNode all = JSON.readTree(ok("changes", "poll", uri, "--json").out());
    assertThat(all.path("blocks")).hasSize(2);
    assertThat(all.path("blocks").get(0).path("cause").path("graph_commit_id").asText())
        .isEqualTo(id1);
    assertThat(all.path("blocks").get(1).path("changes")).hasSize(2);
    assertThat(all.path("caught_up").asBoolean()).isTrue();
    String cursor = all.path("cursor").asText();

    // small pages are read through; a block split across pages is joined again
    JsonNode paged = JSON.readTree(ok("changes", "poll", uri, "--limit", "1", "--json").out());
    assertThat(paged.path("blocks")).isEqualTo(all.path("blocks"));
    assertThat(paged.path("cursor").asText()).isEqualTo(cursor);

    String id3 =
        load("third.jsonl", "{\"type\":\"Person\",\"data\":{\"slug\":\"cy\",\"name\":\"Cy\"}}\n");
    String human = ok("changes", "poll", "--uri", uri, "--cursor", cursor).out();
    assertThat(human.lines().toList()).hasSize(4);
    assertThat(human.lines().toList().get(0)).startsWith("commit " + id3 + "  main  ");
    assertThat(human.lines().toList().get(1)).isEqualTo("  insert  node Person  cy");
    assertThat(human).contains("cursor: ").endsWith("caught up\n");

    JsonNode after =
        JSON.readTree(ok("changes", "poll", uri, "--start", "after:" + id2, "--json").out());
    assertThat(after.path("blocks")).hasSize(1);
    JsonNode now = JSON.readTree(ok("changes", "poll", uri, "--start", "now", "--json").out());
    assertThat(now.path("blocks")).isEmpty();
  }

  @Test
  void baselineWritesTheStateAndAResumeCursor() throws Exception {
    Path out = dir.resolve("base.jsonl");
    JsonNode r =
        JSON.readTree(
            ok("changes", "baseline", uri, "--type", "Person", "--out", out.toString(), "--json")
                .out());
    assertThat(r.path("entities").asLong()).isEqualTo(2);
    assertThat(r.path("snapshot_commit_id").asText()).isEqualTo(id2);
    var lines = Files.readAllLines(out);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).contains("\"type\":\"Person\"");
    assertThat(JSON.readTree(lines.get(2)).path("baseline").path("resume_cursor").asText())
        .isEqualTo(r.path("resume_cursor").asText());
    assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.endsWith(".partial"));
    String id3 =
        load("third.jsonl", "{\"type\":\"Person\",\"data\":{\"slug\":\"cy\",\"name\":\"Cy\"}}\n");
    JsonNode poll =
        JSON.readTree(
            ok("changes", "poll", uri, "--cursor", r.path("resume_cursor").asText(), "--json")
                .out());
    assertThat(poll.path("blocks")).hasSize(1);
    assertThat(poll.path("blocks").get(0).path("cause").path("graph_commit_id").asText())
        .isEqualTo(id3);
    String human = ok("changes", "baseline", "--uri", uri, "--out", out.toString()).out();
    assertThat(human).startsWith("baseline: 5 entities at " + id3 + " -> ");
    CliRunner.Run bad =
        CliRunner.run("changes", "baseline", uri, "--type", "Nope", "--out", out.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("--type 'Nope'");
  }
}
