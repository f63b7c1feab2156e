package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cli.config.OperatorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deprecated spellings of 08 §3 run their successor with one stderr warning line, and stay out
 * of {@code --help}; {@code -v}, {@code --version} and {@code version} agree.
 */
class DeprecatedSpellingsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      """
      node Person { slug: String @key
        name: String }
      """;
  private static final String QUERIES =
      """
      query names() { match { $p: Person } return { $p.slug, $p.name } order { $p.slug } }
      """;
  private static final String ADA =
      "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada\"}}\n";

  @TempDir Path dir;
  private String uri;
  private Path schema;
  private Path queries;

  @BeforeEach
  void init() {
    System.setProperty(OperatorConfig.HOME_PROPERTY, dir.resolve("home").toString());
    uri = dir.resolve("g").toString();
    schema = CliRunner.write(dir, "s.pg", SCHEMA);
    queries = CliRunner.write(dir, "q.gq", QUERIES);
    run(0, "init", "--schema", schema.toString(), uri);
  }

  @AfterEach
  void clear() {
    System.clearProperty(OperatorConfig.HOME_PROPERTY);
  }

  private static CliRunner.Run run(int expected, String... args) {
    CliRunner.Run r = CliRunner.run(args);
    assertThat(r.exitCode())
        .as(String.join(" ", args) + "\nout: " + r.out() + "\nerr: " + r.err())
        .isEqualTo(expected);
    return r;
  }

  private static void warnsOnce(CliRunner.Run r, String old, String successor) {
    String line =
        "warning: `omnigraph " + old + "` is deprecated; use `omnigraph " + successor + "`";
    assertThat(r.err()).contains(line + "\n");
    assertThat(r.err().split("warning:", -1)).hasSize(2);
  }

  private JsonNode rows(String verb) throws Exception {
    CliRunner.Run r = run(0, verb, uri, "--query", queries.toString(), "--json");
    if (verb.equals("read")) {
      warnsOnce(r, "read", "query");
    } else {
      assertThat(r.err()).doesNotContain("warning");
    }
    return JSON.readTree(r.out()).path("rows");
  }

  @Test
  void readIsQueryAndChangeIsMutate() throws Exception {
    CliRunner.Run change =
        run(0, "change", uri, "-e", "query add() { insert Person { slug: \"bo\", name: \"Bo\" } }");
    warnsOnce(change, "change", "mutate");
    assertThat(change.out()).startsWith("mutated add on branch main: 1 node, 0 edges affected");
    run(0, "mutate", uri, "-e", "query add2() { insert Person { slug: \"cy\", name: \"Cy\" } }");
    JsonNode viaRead = rows("read");
    assertThat(viaRead).isEqualTo(rows("query"));
    assertThat(viaRead.toString()).contains("\"bo\"").contains("\"cy\"");
  }

  @Test
  void checkAndQueryLintAndQueryCheckAreLint() {
    CliRunner.Run lint =
        run(0, "lint", "--schema", schema.toString(), "--query", queries.toString());
    assertThat(lint.err()).doesNotContain("warning:");
    for (String[] old : new String[][] {{"check"}, {"query", "lint"}, {"query", "check"}}) {
      String[] args = new String[old.length + 4];
      System.arraycopy(old, 0, args, 0, old.length);
      System.arraycopy(
          new String[] {"--schema", schema.toString(), "--query", queries.toString()},
          0,
          args,
          old.length,
          4);
      CliRunner.Run r = run(0, args);
      warnsOnce(r, String.join(" ", old), "lint");
      assertThat(r.out()).isEqualTo(lint.out());
    }
    // a broken file fails the same way under the old spelling
    Path bad = CliRunner.write(dir, "bad.gq", "query x() { match { $p: Nope } return { $p } }");
    assertThat(run(1, "check", "--schema", schema.toString(), "--query", bad.toString()).out())
        .contains("T");
  }

  @Test
  void ingestIsLoadWithMergeFromMainDefaults() throws Exception {
    Path seed = CliRunner.write(dir, "seed.jsonl", ADA);
    CliRunner.Run first = run(0, "ingest", uri, "--data", seed.toString(), "--json");
    assertThat(first.err())
        .startsWith(
            "warning: `omnigraph ingest` is a deprecated loader command; use `omnigraph load --mode"
                + " merge` (ingest defaults to --from main --mode merge)\n");
    JsonNode j = JSON.readTree(first.out());
    assertThat(j.path("mode").asText()).isEqualTo("merge");
    assertThat(j.path("branch").asText()).isEqualTo("main");
    // merge: the same batch again upserts instead of failing as an append would
    run(0, "ingest", uri, "--data", seed.toString(), "--quiet");
    run(1, "load", uri, "--data", seed.toString(), "--mode", "append", "--quiet");
    // a missing --branch is created from main, as the old loader did
    Path bo =
        CliRunner.write(
            dir, "bo.jsonl", "{\"type\":\"Person\",\"data\":{\"slug\":\"bo\",\"name\":\"Bo\"}}\n");
    JsonNode feature =
        JSON.readTree(
            run(0, "ingest", uri, "--data", bo.toString(), "--branch", "feature", "--json").out());
    assertThat(feature.path("branch_created").asBoolean()).isTrue();
    assertThat(feature.path("base_branch").asText()).isEqualTo("main");
    JsonNode rows =
        JSON.readTree(
                run(0, "query", uri, "--query", queries.toString(), "--branch", "feature", "--json")
                    .out())
            .path("rows");
    assertThat(rows.toString()).contains("\"ada\"").contains("\"bo\"");
    // an explicit mode wins over the old default
    assertThat(
            JSON.readTree(
                    run(0, "ingest", uri, "--data", bo.toString(), "--mode", "overwrite", "--json")
                        .out())
                .path("mode")
                .asText())
        .isEqualTo("overwrite");
  }

  @Test
  void deprecatedSpellingsAreHiddenAndVersionSpellingsAgree() {
    String help = run(0, "--help").out();
    assertThat(help)
        .doesNotContainPattern("(?m)^  (ingest|read|change|check)\\b")
        .doesNotContain("mutate, change")
        .doesNotContain("lint, check")
        .contains("\n  queries ");
    String version = run(0, "version").out();
    assertThat(version).containsPattern("^omnigraph \\S+\ninternal-schema 6\n$");
    assertThat(run(0, "-v").out()).isEqualTo(version);
    assertThat(run(0, "--version").out()).isEqualTo(version);
  }
}
