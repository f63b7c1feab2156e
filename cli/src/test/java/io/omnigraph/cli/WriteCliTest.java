package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cli.config.OperatorConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mutate, branch merge, export and the operator actor through the real CLI. */
class WriteCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      """
      node Person { slug: String @key
        name: String
        age: I32?
        @range(age, 0..150) }
      edge Knows: Person -> Person
      """;
  private static final String QUERIES =
      """
      query add($slug: String, $name: String) { insert Person { slug: $slug, name: $name } }
      query set_age($slug: String, $age: I32) {
        update Person set { age: $age } where slug = $slug
      }
      query ages() { match { $p: Person } return { $p.slug, $p.age } order { $p.slug } }
      """;

  @TempDir Path dir;
  private String uri;
  private Path queries;

  private static CliRunner.Run run(int expected, String... args) {
    CliRunner.Run r = CliRunner.run(args);
    assertThat(r.exitCode())
        .as(String.join(" ", args) + "\nout: " + r.out() + "\nerr: " + r.err())
        .isEqualTo(expected);
    return r;
  }

  /** {@code omnigraph mutate <uri> --query q.gq --name <name> <rest…>}, expecting {@code exit}. */
  private CliRunner.Run mutate(int exit, String name, String... rest) {
    List<String> args =
        new ArrayList<>(List.of("mutate", uri, "--query", queries.toString(), "--name", name));
    args.addAll(List.of(rest));
    return run(exit, args.toArray(String[]::new));
  }

  private static JsonNode json(CliRunner.Run r) throws Exception {
    return JSON.readTree(r.out());
  }

  @BeforeEach
  void init() {
    System.setProperty(OperatorConfig.HOME_PROPERTY, dir.resolve("home").toString());
    uri = dir.resolve("g").toString();
    Path schema = CliRunner.write(dir, "s.pg", SCHEMA);
    queries = CliRunner.write(dir, "q.gq", QUERIES);
    run(0, "init", "--schema", schema.toString(), uri);
    Path seed =
        CliRunner.write(
            dir,
            "seed.jsonl",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada\",\"age\":36}}\n");
    run(0, "load", uri, "--quiet", "--data", seed.toString(), "--mode", "merge");
  }

  @AfterEach
  void clear() {
    System.clearProperty(OperatorConfig.HOME_PROPERTY);
  }

  private String age(String branch, String slug) throws Exception {
    JsonNode rows =
        json(run(
                0,
                "query",
                uri,
                "--query",
                queries.toString(),
                "--name",
                "ages",
                "--branch",
                branch,
                "--json"))
            .path("rows");
    for (JsonNode r : rows) {
      if (r.path("slug").asText().equals(slug)) {
        return r.path("age").asText();
      }
    }
    return null;
  }

  @Test
  void mutateInlineAndStoredConditionalAndFailures() throws Exception {
    JsonNode r =
        json(
            run(
                0,
                "mutate",
                uri,
                "-e",
                "query q($s: String) { insert Person { slug: $s, name: \"B\" } }",
                "--params",
                "{\"s\":\"bob\"}",
                "--as",
                "act-cli",
                "--json"));
    assertThat(r.path("affected_nodes").asInt()).isEqualTo(1);
    assertThat(r.path("actor_id").asText()).isEqualTo("act-cli");
    String head = r.path("commit").path("graph_commit_id").asText();
    assertThat(r.path("commit").path("actor_id").asText()).isEqualTo("act-cli");

    CliRunner.Run human =
        mutate(0, "set_age", "--params", "{\"slug\":\"bob\",\"age\":20}", "--if-commit", head);
    assertThat(human.out()).startsWith("mutated set_age on branch main: 1 node, 0 edges affected");
    assertThat(age("main", "bob")).isEqualTo("20");

    CliRunner.Run stale =
        mutate(4, "set_age", "--params", "{\"slug\":\"bob\",\"age\":21}", "--if-commit", head);
    assertThat(stale.err()).contains("precondition_failure");
    assertThat(age("main", "bob")).isEqualTo("20");

    CliRunner.Run range = mutate(1, "set_age", "--params", "{\"slug\":\"bob\",\"age\":200}");
    assertThat(range.err()).contains("mutation failed (range_violation)").contains("statement 1");
    CliRunner.Run read = mutate(1, "ages");
    assertThat(read.err()).contains("is a read");
  }

  @Test
  void branchMergeOutcomesConflictsAndDeleteBranch() throws Exception {
    run(0, "branch", "create", uri, "review", "--quiet");
    run(
        0,
        "mutate",
        uri,
        "--branch",
        "review",
        "--query",
        queries.toString(),
        "--name",
        "set_age",
        "--params",
        "{\"slug\":\"ada\",\"age\":50}");
    assertThat(age("main", "ada")).isEqualTo("36");
    JsonNode ff = json(run(0, "branch", "merge", uri, "review", "--quiet", "--json"));
    assertThat(ff.path("outcome").asText()).isEqualTo("fast_forward");
    assertThat(age("main", "ada")).isEqualTo("50");

    run(
        0,
        "mutate",
        uri,
        "--branch",
        "review",
        "--query",
        queries.toString(),
        "--name",
        "set_age",
        "--params",
        "{\"slug\":\"ada\",\"age\":60}");
    mutate(0, "set_age", "--params", "{\"slug\":\"ada\",\"age\":61}");
    CliRunner.Run conflict =
        run(1, "branch", "merge", uri, "review", "--into", "main", "--quiet", "--json");
    assertThat(conflict.err()).contains("DivergentUpdate");
    assertThat(json(conflict).path("merge_conflicts").get(0).path("kind").asText())
        .isEqualTo("DivergentUpdate");
    assertThat(age("main", "ada")).isEqualTo("61");

    run(0, "branch", "create", uri, "child", "--from", "review", "--quiet");
    mutate(
        0, "set_age", "--params", "{\"slug\":\"ada\",\"age\":60}"); // now both sides agree on ada
    CliRunner.Run merged = run(0, "branch", "merge", uri, "review", "--delete-branch");
    assertThat(merged.out()).contains("merged review into main: merged");
    assertThat(merged.err()).contains("warning: branch review was merged but not deleted");
    assertThat(run(0, "branch", "list", uri).out()).contains("review");
  }

  @Test
  void exportRoundTripsThroughLoad() throws Exception {
    mutate(0, "add", "--params", "{\"slug\":\"bob\",\"name\":\"Bob\"}");
    CliRunner.Run exported = run(0, "export", uri);
    assertThat(exported.out().lines()).hasSize(2);
    Path file = CliRunner.write(dir, "export.jsonl", exported.out());
    String copy = dir.resolve("copy").toString();
    run(0, "init", "--schema", dir.resolve("s.pg").toString(), copy);
    run(0, "load", copy, "--quiet", "--data", file.toString(), "--mode", "append");
    // same entities; row order within a type is the table's (a load may store them differently)
    assertThat(run(0, "export", copy).out().lines().sorted().toList())
        .isEqualTo(exported.out().lines().sorted().toList());
    assertThat(run(0, "export", uri, "--type", "Knows").out()).isEmpty();
    assertThat(run(1, "export", uri, "--type", "Nope").err()).contains("unknown type 'Nope'");
  }

  @Test
  void operatorActorIsTheDefaultForDirectWrites() throws Exception {
    CliRunner.write(
        java.nio.file.Files.createDirectories(dir.resolve("home")),
        "config.yaml",
        "operator:\n  actor: act-op\nfuture_section: 1\n");
    CliRunner.Run r = mutate(0, "add", "--params", "{\"slug\":\"cy\",\"name\":\"Cy\"}", "--json");
    assertThat(json(r).path("commit").path("actor_id").asText()).isEqualTo("act-op");
    assertThat(r.err()).contains("unknown key 'future_section' ignored");
    JsonNode list = json(run(0, "commit", "list", uri, "--json"));
    assertThat(list.toString()).contains("act-op");

    CliRunner.write(dir.resolve("home"), "config.yaml", "operator:\n  actor: a\n  actor: b\n");
    CliRunner.Run dup = mutate(1, "add", "--params", "{\"slug\":\"dd\",\"name\":\"D\"}");
    assertThat(dup.err()).contains("operator config").contains("actor");
  }
}
