package io.omnigraph.cli;

import static io.omnigraph.cli.CliRunner.fails;
import static io.omnigraph.cli.CliRunner.ok;
import static io.omnigraph.cli.CliRunner.quickstart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** branch create/list/delete and --branch/--from on load, query, snapshot, commit list. */
class BranchCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALL =
      "query all() { match { $p: Person } return { $p.slug, $p.name } order { $p.slug } }";

  @TempDir Path dir;

  private static JsonNode json(CliRunner.Run r) throws Exception {
    return JSON.readTree(r.out());
  }

  @Test
  void branchesThroughTheCli() throws Exception {
    String uri = dir.resolve("graph").toString();
    ok("init", "--schema", quickstart("people.pg").toString(), uri);
    Path base =
        CliRunner.write(
            dir,
            "base.jsonl",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada\"}}\n");
    Path more =
        CliRunner.write(
            dir,
            "more.jsonl",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"bob\",\"name\":\"Bob\"}}\n");
    ok("load", uri, "--quiet", "--data", base.toString(), "--mode", "merge");

    // create: --uri form and two-positional form; echo on stderr
    CliRunner.Run created = ok("branch", "create", "--uri", uri, "review", "--json");
    assertThat(created.err()).contains("omnigraph branch create → " + uri + " (direct, local)");
    assertThat(json(created).path("name").asText()).isEqualTo("review");
    assertThat(json(created).path("from").asText()).isEqualTo("main");
    ok("branch", "create", uri, "--from", "review", "review2", "--quiet");
    assertThat(json(ok("branch", "list", uri, "--json")).path("branches").toString())
        .isEqualTo("[\"main\",\"review\",\"review2\"]");
    assertThat(ok("branch", "list", "--uri", uri).out()).isEqualTo("main\nreview\nreview2\n");
    assertThat(fails("branch", "create", uri, "main").err()).contains("reserved");
    assertThat(fails("branch", "create", uri, "review/x").err()).contains("path-prefix-disjoint");
    assertThat(fails("branch", "create", uri, "review").err()).contains("already exists");

    // load on review: main unchanged, review sees main's data + its own
    ok("load", uri, "--quiet", "--data", more.toString(), "--mode", "merge", "--branch", "review");
    assertThat(ok("query", uri, "-e", ALL).out()).endsWith("(1 row)\n");
    assertThat(ok("query", uri, "-e", ALL, "--branch", "review").out())
        .contains("ada")
        .contains("bob")
        .endsWith("(2 rows)\n");
    JsonNode read = json(ok("query", uri, "-e", ALL, "--branch", "review", "--json"));
    assertThat(read.path("rows")).hasSize(2);
    assertThat(ok("query", uri, "-e", ALL, "--branch", "review2").out()).endsWith("(1 row)\n");

    // snapshot and commit list on the branch
    JsonNode snap = json(ok("snapshot", uri, "--branch", "review", "--json"));
    assertThat(snap.path("graph_branch").asText()).isEqualTo("review");
    assertThat(snap.toString()).contains("\"native_dataset_branch\":\"review\"");
    JsonNode commits = json(ok("commit", "list", uri, "--branch", "review", "--json"));
    assertThat(commits.path("commits")).hasSize(3); // own load + main's load + genesis
    assertThat(commits.path("commits").get(0).path("graph_branch").asText()).isEqualTo("review");
    assertThat(json(ok("commit", "list", uri, "--json")).path("commits")).hasSize(2);

    // load --from forks a missing branch
    JsonNode forked =
        json(
            ok(
                "load",
                uri,
                "--quiet",
                "--data",
                more.toString(),
                "--mode",
                "merge",
                "--branch",
                "feat",
                "--from",
                "main",
                "--json"));
    assertThat(forked.path("branch_created").asBoolean()).isTrue();
    assertThat(forked.path("base_branch").asText()).isEqualTo("main");
    assertThat(ok("query", uri, "-e", ALL, "--branch", "feat").out()).endsWith("(2 rows)\n");

    // delete refusals and a successful delete
    assertThat(fails("branch", "delete", uri, "main").err()).contains("cannot be deleted");
    assertThat(fails("branch", "delete", uri, "nope").err()).contains("branch not found");
    assertThat(fails("branch", "delete", uri, "review").err()).contains("descendants");
    assertThat(fails("branch", "delete", "s3://bucket/g", "review").err()).contains("--yes");
    ok("branch", "delete", uri, "review2", "--quiet");
    JsonNode deleted = json(ok("branch", "delete", "--uri", uri, "review", "--quiet", "--json"));
    assertThat(deleted.path("name").asText()).isEqualTo("review");
    assertThat(ok("branch", "list", uri).out()).isEqualTo("feat\nmain\n");
    assertThat(fails("query", uri, "-e", ALL, "--branch", "review").err())
        .contains("branch not found");
    assertThat(ok("query", uri, "-e", ALL).out()).endsWith("(1 row)\n");
  }
}
