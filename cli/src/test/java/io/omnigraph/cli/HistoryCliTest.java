package io.omnigraph.cli;

import static io.omnigraph.cli.CliRunner.ok;
import static io.omnigraph.cli.CliRunner.quickstart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** commit list/show, snapshot and query --snapshot through the real CLI on a local graph. */
class HistoryCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALL =
      "query all() { match { $p: Person } return { $p.slug, $p.name } order { $p.slug } }";

  @TempDir Path dir;

  @Test
  void historySnapshotsAndTimeTravel() throws Exception {
    String uri = dir.resolve("graph").toString();
    ok("init", "--schema", quickstart("people.pg").toString(), uri);
    Path first =
        CliRunner.write(
            dir,
            "first.jsonl",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada\"}}\n"
                + "{\"type\":\"Company\",\"data\":{\"slug\":\"acme\",\"name\":\"Acme\"}}\n"
                + "{\"edge\":\"WorksAt\",\"from\":\"ada\",\"to\":\"acme\"}\n");
    Path second =
        CliRunner.write(
            dir,
            "second.jsonl",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada L.\"}}\n"
                + "{\"type\":\"Person\",\"data\":{\"slug\":\"bob\",\"name\":\"Bob\"}}\n");
    JsonNode c1 =
        JSON.readTree(
                ok(
                        "load",
                        uri,
                        "--quiet",
                        "--data",
                        first.toString(),
                        "--mode",
                        "merge",
                        "--as",
                        "act-a",
                        "--json")
                    .out())
            .path("commit");
    JsonNode c2 =
        JSON.readTree(
                ok("load", uri, "--quiet", "--data", second.toString(), "--mode", "merge", "--json")
                    .out())
            .path("commit");
    String id1 = c1.path("graph_commit_id").asText();
    String id2 = c2.path("graph_commit_id").asText();

    // commit list: JSON newest first, human one line each
    JsonNode list = JSON.readTree(ok("commit", "list", uri, "--json").out());
    assertThat(list.path("commits")).hasSize(3);
    assertThat(list.path("commits").get(0)).isEqualTo(c2);
    assertThat(list.path("commits").get(1)).isEqualTo(c1);
    assertThat(list.path("commits").get(2).path("graph_manifest_version").asInt()).isEqualTo(1);
    String[] lines = ok("commit", "list", uri).out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[1])
        .matches(
            id1
                + "  v2  \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z  act-a  "
                + c1.path("parent_commit_id").asText());
    assertThat(lines[2]).contains("  v1  ").endsWith("  -");
    assertThat(ok("commit", "list", "--uri", uri, "--branch", "main").out())
        .isEqualTo(ok("commit", "list", uri).out());

    // commit show: --uri form and two-positional form
    assertThat(JSON.readTree(ok("commit", "show", "--uri", uri, id1, "--json").out()))
        .isEqualTo(c1);
    assertThat(ok("commit", "show", uri, id1).out())
        .contains("commit      " + id1)
        .contains("manifest    v2")
        .contains("actor       act-a");
    CliRunner.Run unknown = CliRunner.run("commit", "show", "--uri", uri, "01NOPE");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("commit not found: 01NOPE").contains(id2);
    assertThat(CliRunner.run("commit", "show", "--uri", uri, uri, id1).exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("commit", "show", id1).exitCode()).isEqualTo(2);

    // snapshot
    JsonNode snap = JSON.readTree(ok("snapshot", uri, "--json").out());
    assertThat(snap.path("graph_branch").asText()).isEqualTo("main");
    assertThat(snap.path("graph_manifest_version").asInt()).isEqualTo(3);
    assertThat(snap.path("internal_schema_version").asInt()).isEqualTo(6);
    StringBuilder counts = new StringBuilder();
    for (JsonNode d : snap.path("datasets")) {
      counts
          .append(d.path("entity_kind").asText())
          .append(':')
          .append(d.path("type_name").asText())
          .append('=')
          .append(d.path("entity_count").asLong())
          .append(' ');
      assertThat(d.path("dataset_path").asText())
          .matches("(nodes|edges)/[0-9a-f]{16}-[0-9a-f]{16}");
      assertThat(d.path("published_dataset_version").asLong()).isPositive();
      assertThat(d.has("native_dataset_branch")).isTrue();
    }
    assertThat(counts.toString().strip())
        .isEqualTo("node:Company=1 node:Person=2 edge:Knows=0 edge:WorksAt=1");
    String human = ok("snapshot", uri).out();
    assertThat(human)
        .startsWith("branch main at manifest v3 (internal schema 6, head " + id2 + ")");
    assertThat(human).contains("node  Person").contains("  2\n");
    JsonNode older = JSON.readTree(ok("snapshot", uri, "--snapshot", id1, "--json").out());
    assertThat(older.path("graph_manifest_version").asInt()).isEqualTo(2);

    // time travel: the first load's commit sees the older rows
    JsonNode now = JSON.readTree(ok("query", uri, "-e", ALL, "--json").out());
    assertThat(now.path("row_count").asInt()).isEqualTo(2);
    JsonNode then = JSON.readTree(ok("query", uri, "-e", ALL, "--snapshot", id1, "--json").out());
    assertThat(then.path("row_count").asInt()).isEqualTo(1);
    assertThat(then.path("rows").get(0).path("name").asText()).isEqualTo("Ada");
    assertThat(then.path("graph_commit_id").asText()).isEqualTo(id1);
    assertThat(then.path("target").path("snapshot").asText()).isEqualTo(id1);
    assertThat(ok("query", uri, "-e", ALL, "--snapshot", "2").out())
        .isEqualTo("slug  name\nada   Ada\n(1 row)\n");
    assertThat(ok("query", uri, "-e", ALL, "--snapshot", "1").out()).endsWith("(0 rows)\n");

    CliRunner.Run missing = CliRunner.run("query", uri, "-e", ALL, "--snapshot", "7");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err())
        .contains("manifest version 7 does not exist")
        .contains("manifest versions 1–3 exist");
    CliRunner.Run both =
        CliRunner.run("query", uri, "-e", ALL, "--snapshot", "2", "--branch", "main");
    assertThat(both.exitCode()).isEqualTo(2);
  }
}
