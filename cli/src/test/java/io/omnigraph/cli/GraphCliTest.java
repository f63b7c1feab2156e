package io.omnigraph.cli;

import static io.omnigraph.cli.CliRunner.quickstart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init → load → query through the real CLI on a local graph root (quickstart schema). */
class GraphCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DATA =
      String.join(
          "\n",
          "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada\",\"level\":\"senior\"}}",
          "{\"type\":\"Person\",\"data\":{\"slug\":\"grace\",\"name\":\"Grace\"}}",
          "{\"type\":\"Person\",\"data\":{\"slug\":\"linus\",\"name\":\"Linus\"}}",
          "{\"type\":\"Company\",\"data\":{\"slug\":\"acme\",\"name\":\"Acme\",\"founded\":1990}}",
          "{\"edge\":\"WorksAt\",\"from\":\"ada\",\"to\":\"acme\"}",
          "{\"edge\":\"WorksAt\",\"from\":\"grace\",\"to\":\"acme\"}",
          "{\"edge\":\"Knows\",\"from\":\"ada\",\"to\":\"grace\"}",
          "");

  @TempDir Path dir;

  @Test
  void initLoadQueryEndToEnd() throws Exception {
    String uri = dir.resolve("graph").toString();
    Path schema = quickstart("people.pg");
    Path data = CliRunner.write(dir, "people.jsonl", DATA);

    CliRunner.Run init = CliRunner.run("init", "--schema", schema.toString(), uri);
    assertThat(init.exitCode()).as(init.err()).isZero();
    assertThat(init.out()).startsWith("initialized " + uri);

    CliRunner.Run again = CliRunner.run("init", "--schema", schema.toString(), uri);
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("AlreadyInitialized");

    CliRunner.Run load =
        CliRunner.run("load", uri, "--data", data.toString(), "--mode", "merge", "--json");
    assertThat(load.exitCode()).as(load.err()).isZero();
    assertThat(load.err()).contains("omnigraph load → " + uri + " (direct, local)");
    JsonNode out = JSON.readTree(load.out());
    assertThat(out.path("branch").asText()).isEqualTo("main");
    assertThat(out.path("mode").asText()).isEqualTo("merge");
    assertThat(out.path("total_entities").asInt()).isEqualTo(7);
    assertThat(out.path("nodes").toString())
        .isEqualTo(
            "[{\"name\":\"Company\",\"entities_loaded\":1},"
                + "{\"name\":\"Person\",\"entities_loaded\":3}]");
    JsonNode commit = out.path("commit");
    assertThat(commit.path("graph_manifest_version").asInt()).isEqualTo(2);
    assertThat(commit.path("graph_branch").asText()).isEqualTo("main");
    assertThat(commit.path("parent_commit_id").isTextual()).isTrue();
    assertThat(commit.path("merged_parent_commit_id").isNull()).isTrue();
    assertThat(commit.path("created_at").asLong()).isGreaterThan(1_700_000_000_000_000L);

    CliRunner.Run bad =
        CliRunner.run(
            "load",
            uri,
            "--quiet",
            "--data",
            CliRunner.write(
                    dir,
                    "bad.jsonl",
                    "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"A\"}}")
                .toString(),
            "--mode",
            "append");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).startsWith("error: load failed (key_conflict)").doesNotContain("→");

    Path update =
        CliRunner.write(
            dir,
            "update.jsonl",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada L.\"}}\n");
    CliRunner.Run human =
        CliRunner.run("load", uri, "--quiet", "--data", update.toString(), "--mode", "merge");
    assertThat(human.exitCode()).as(human.err()).isZero();
    assertThat(human.out().strip())
        .isEqualTo(
            "loaded "
                + uri
                + " on branch main with merge: 1 entities across 1 node types and 0 edge types");

    CliRunner.Run q =
        CliRunner.run(
            "query",
            uri,
            "--query",
            quickstart("queries/people.gq").toString(),
            "--name",
            "colleagues",
            "--params",
            "{\"slug\":\"ada\"}",
            "--json");
    assertThat(q.exitCode()).as(q.err()).isZero();
    JsonNode r = JSON.readTree(q.out());
    assertThat(r.path("query_name").asText()).isEqualTo("colleagues");
    assertThat(r.path("row_count").asInt()).isEqualTo(1);
    assertThat(r.path("rows").get(0).path("company").asText()).isEqualTo("Acme");
    assertThat(r.path("graph_commit_id").asText())
        .isNotEqualTo(commit.path("graph_commit_id").asText()); // the second load's commit

    CliRunner.Run table =
        CliRunner.run(
            "query",
            uri,
            "-e",
            "query all() { match { $p: Person } return { $p.slug } order { $p.slug } }");
    assertThat(table.exitCode()).as(table.err()).isZero();
    assertThat(table.out()).isEqualTo("slug\nada\ngrace\nlinus\n(3 rows)\n");

    CliRunner.Run branch =
        CliRunner.run(
            "load", uri, "--data", data.toString(), "--mode", "merge", "--branch", "feature");
    assertThat(branch.exitCode()).isEqualTo(1);
    assertThat(branch.err()).contains("branch not found: feature");
  }

  @Test
  void overwriteOfANonLocalGraphNeedsYes() {
    CliRunner.Run r =
        CliRunner.run(
            "load", "s3://bucket/graph", "--data", "x.jsonl", "--mode", "overwrite", "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains("refusing destructive `load --mode overwrite` against non-local target");
  }
}
