package io.omnigraph.cli.served;

import static io.omnigraph.cli.served.ServedCliTest.append;
import static io.omnigraph.cli.served.ServedCliTest.env;
import static io.omnigraph.cli.served.ServedCliTest.fails;
import static io.omnigraph.cli.served.ServedCliTest.json;
import static io.omnigraph.cli.served.ServedCliTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliRunner;
import io.omnigraph.engine.root.ChangeFilter;
import io.omnigraph.engine.root.GraphRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The served change feed ({@code commit changes}, {@code changes poll|baseline} with {@code
 * --server}) against a real server on port 0: the same human and JSON output as the embedded verbs
 * on the graph's storage, paging, filters, refusals, the policy's 404 and the feed gap.
 */
class ServedChangesCliTest extends ServedCliBase {
  static String team;
  static List<String> commits;

  @BeforeAll
  static void boot() throws Exception {
    fx = ServedFixture.start(shared.resolve("cluster"), List.of("people", "team"));
    url = fx.url();
    people = fx.storage("people");
    team = fx.storage("team");
    CliEnv.setOverrides(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-editor"));
    try {
      load(
          "people",
          "{\"type\":\"Person\",\"data\":{\"slug\":\"ch1\",\"name\":\"Che\"}}\n"
              + "{\"type\":\"Person\",\"data\":{\"slug\":\"ch2\",\"name\":\"Chi\"}}\n"
              + "{\"type\":\"Company\",\"data\":{\"slug\":\"chco\",\"name\":\"ChCo\"}}\n"
              + "{\"edge\":\"WorksAt\",\"from\":\"ch1\",\"to\":\"chco\"}\n");
      load(
          "people",
          "{\"type\":\"Person\",\"data\":{\"slug\":\"ch1\",\"name\":\"Che L.\"}}\n"
              + "{\"type\":\"Person\",\"data\":{\"slug\":\"ch3\",\"name\":\"Cho\"}}\n");
      commits = new ArrayList<>();
      ServedCliTest.JSON
          .readTree(CliRunner.run("commit", "list", people, "--json").out())
          .path("commits")
          .forEach(c -> commits.add(c.path("graph_commit_id").asText()));
    } finally {
      CliEnv.setOverrides(Map.of());
    }
  }

  /** A served load (the server writes; the embedded side reads the same storage afterwards). */
  static void load(String graph, String jsonl) throws Exception {
    Path f = Files.createTempFile(shared, "batch", ".jsonl");
    Files.writeString(f, jsonl);
    CliRunner.Run r =
        CliRunner.run(
            "load",
            "--server",
            url,
            "--graph",
            graph,
            "--data",
            f.toString(),
            "--mode",
            "merge",
            "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
  }

  static String[] on(String graph, String... args) {
    return append(args, "--server", url, "--graph", graph);
  }

  /** Runs {@code args} served on {@code graph} and embedded on its storage; same exit, out, err. */
  static CliRunner.Run same(String graph, String storage, String... args) {
    CliRunner.Run served = CliRunner.run(on(graph, args));
    CliRunner.Run embedded = CliRunner.run(append(args, "--uri", storage));
    String what = String.join(" ", args) + "\n" + served.err() + "\n" + embedded.err();
    assertThat(served.exitCode()).as(what).isZero().isEqualTo(embedded.exitCode());
    assertThat(served.out()).as(what).isEqualTo(embedded.out()).isNotBlank();
    assertThat(served.err()).as(what).isEqualTo(embedded.err());
    return served;
  }

  @Test
  void commitChangesPrintWhatTheEmbeddedVerbPrints() throws Exception {
    String update = commits.get(0);
    String insert = commits.get(1);
    assertThat(same("people", people, "commit", "changes", update).out().lines().toList())
        .containsExactly(
            "update  node Person  ch1  name: Che -> Che L.", "insert  node Person  ch3");
    assertThat(same("people", people, "commit", "changes", insert).out())
        .contains("insert  edge WorksAt  ")
        .contains("  ch1 -> chco");
    JsonNode all = json(same("people", people, "commit", "changes", insert, "--json"));
    assertThat(all.path("changes")).hasSize(4);
    assertThat(all.path("cause").path("graph_commit_id").asText()).isEqualTo(insert);
    JsonNode paged =
        json(same("people", people, "commit", "changes", insert, "--limit", "1", "--json"));
    assertThat(paged).isEqualTo(all);
    same("people", people, "commit", "changes", insert, "--limit", "3");
    JsonNode filtered =
        json(
            same(
                "people", people, "commit", "changes", insert, "--kind", "node", "--type", "Person",
                "--type", "Company", "--op", "insert", "--limit", "2", "--json"));
    assertThat(filtered.path("changes")).hasSize(3);
    assertThat(
            json(same("people", people, "commit", "changes", update, "--op", "update", "--json"))
                .path("changes"))
        .hasSize(1);

    String token = firstPageToken(insert);
    CliRunner.Run page =
        same("people", people, "commit", "changes", insert, "--limit", "1", "--page-token", token);
    assertThat(page.out().lines()).hasSize(1);
    assertThat(page.err()).startsWith("next page: --page-token ");
    JsonNode pj =
        json(
            same(
                "people",
                people,
                "commit",
                "changes",
                insert,
                "--limit",
                "1",
                "--page-token",
                token,
                "--json"));
    assertThat(pj.path("next_page_token").asText()).isNotBlank();
  }

  private static String firstPageToken(String id) {
    try (GraphRoot root = GraphRoot.open(people, Map.of())) {
      return root.commitChanges(id, ChangeFilter.ALL, 1, null).nextPageToken();
    }
  }

  @Test
  void refusalsDeniedActorsAndAddressing() {
    String genesis = commits.get(commits.size() - 1);
    CliRunner.Run served = fails(1, on("people", "commit", "changes", genesis));
    CliRunner.Run embedded = fails(1, "commit", "changes", people, genesis);
    assertThat(embedded.err()).startsWith("error: parentless_commit: ").contains(genesis);
    assertThat(served.err()).isEqualTo(embedded.err().replace("error: ", "error: conflict: "));

    String unknown = "01AAAAAAAAAAAAAAAAAAAAAAAA";
    String missing = fails(1, on("people", "commit", "changes", unknown)).err();
    assertThat(missing).contains("not_found").contains(unknown);
    env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-admin"));
    String denied = fails(1, on("people", "commit", "changes", commits.get(0))).err();
    assertThat(denied).isEqualTo(missing.replace(unknown, commits.get(0)));
    env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-editor"));

    assertThat(
            fails(1, on("people", "commit", "changes", commits.get(0), "--kind", "vertex")).err())
        .isEqualTo(fails(1, "commit", "changes", people, commits.get(0), "--kind", "vertex").err())
        .contains("kind 'vertex'");
    assertThat(fails(1, on("people", "changes", "poll", "--cursor", "nonsense")).err())
        .startsWith("error: bad_request: change cursor rejected: ");
    assertThat(fails(1, on("people", "changes", "poll", "--branch", "nope")).err())
        .contains("not_found");
    assertThat(fails(2, "commit", "changes", people, commits.get(0), "--server", url).err())
        .contains("exclusive");
    assertThat(fails(2, "changes", "poll", people, "--server", url).err()).contains("exclusive");
    assertThat(fails(2, on("people", "changes", "poll", "--cursor", "x", "--start", "now")).err())
        .isNotBlank();
    for (String[] verb :
        List.of(
            new String[] {"commit", "changes", commits.get(0)},
            new String[] {"changes", "poll"},
            new String[] {"changes", "baseline", "--out", dir.resolve("x").toString()})) {
      assertThat(fails(2, on("people", append(verb, "--as", "act-x"))).err()).contains("--as");
    }
    assertThat(fails(2, "changes", "poll", "--graph", "people").err()).contains("--server");
    assertThat(fails(2, "changes", "poll", "http://example.com/graphs/people").err())
        .contains(ScopeOptions.REMOTE_POSITIONAL);
  }

  @Test
  void pollPrintsWhatTheEmbeddedVerbPrintsAndResumes() throws Exception {
    JsonNode all = json(same("people", people, "changes", "poll", "--json"));
    assertThat(all.path("blocks").size()).isGreaterThanOrEqualTo(3);
    assertThat(all.path("caught_up").asBoolean()).isTrue();
    same("people", people, "changes", "poll");
    JsonNode paged = json(same("people", people, "changes", "poll", "--limit", "1", "--json"));
    assertThat(paged).isEqualTo(all);
    same("people", people, "changes", "poll", "--limit", "2");
    same("people", people, "changes", "poll", "--kind", "edge", "--json");
    same("people", people, "changes", "poll", "--op", "update", "--type", "Person");
    same("people", people, "changes", "poll", "--start", "after:" + commits.get(1), "--json");
    String cursor = all.path("cursor").asText();
    assertThat(
            json(same("people", people, "changes", "poll", "--start", "now", "--json"))
                .path("blocks"))
        .isEmpty();

    // another graph, so this test's write does not change what the others compare
    JsonNode start = json(ok(on("team", "changes", "poll", "--start", "now", "--json")));
    load("team", "{\"type\":\"Person\",\"data\":{\"slug\":\"tp\",\"name\":\"Tip\"}}\n");
    CliRunner.Run resumed =
        same("team", team, "changes", "poll", "--cursor", start.path("cursor").asText());
    List<String> lines = resumed.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).startsWith("commit ").contains("  main  ").contains("act-editor");
    assertThat(lines.get(1)).isEqualTo("  insert  node Person  tp");
    assertThat(resumed.out()).endsWith("caught up\n");
    assertThat(
            json(same("people", people, "changes", "poll", "--cursor", cursor, "--json"))
                .path("blocks"))
        .isEmpty();
  }

  @Test
  void baselineWritesTheSameFileAndSummary() throws Exception {
    for (List<String> filter : List.of(List.<String>of(), List.of("--type", "Person"))) {
      Path s = dir.resolve("served.jsonl");
      Path e = dir.resolve("embedded.jsonl");
      String[] base = append(new String[] {"changes", "baseline"}, filter.toArray(String[]::new));
      CliRunner.Run sj = ok(on("people", append(base, "--out", s.toString(), "--json")));
      CliRunner.Run ej = ok(append(base, "--uri", people, "--out", e.toString(), "--json"));
      assertThat(Files.readString(s)).isEqualTo(Files.readString(e)).contains("\"baseline\"");
      ObjectNode sjs = (ObjectNode) json(sj);
      ObjectNode ejs = (ObjectNode) json(ej);
      assertThat(sjs.remove("out").asText()).isEqualTo(s.toString());
      assertThat(ejs.remove("out").asText()).isEqualTo(e.toString());
      assertThat(sjs).isEqualTo(ejs);
      assertThat(sjs.path("entities").asLong())
          .isEqualTo(Files.readAllLines(s).size() - 1)
          .isPositive();
      String sh = ok(on("people", append(base, "--out", s.toString()))).out();
      String eh = ok(append(base, "--uri", people, "--out", e.toString())).out();
      assertThat(sh.replace(s.toString(), "F")).isEqualTo(eh.replace(e.toString(), "F"));
      assertThat(sh).startsWith("baseline: ").contains("resume with: omnigraph changes poll");
    }
    Path bad = dir.resolve("bad.jsonl");
    assertThat(
            fails(1, on("people", "changes", "baseline", "--type", "Nope", "--out", bad.toString()))
                .err())
        .contains("'Nope'");
    env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-reader"));
    assertThat(fails(1, on("people", "changes", "baseline", "--out", bad.toString())).err())
        .contains("forbidden");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.endsWith(".partial") || n.equals("bad.jsonl"));
    }
  }

  @Test
  void aCursorOlderThanCleanupIsAGapOnBothSides() throws Exception {
    String cursor =
        json(ok(on("team", "changes", "poll", "--start", "now", "--json"))).path("cursor").asText();
    load("team", "{\"type\":\"Person\",\"data\":{\"slug\":\"g1\",\"name\":\"G1\"}}\n");
    load("team", "{\"type\":\"Person\",\"data\":{\"slug\":\"g2\",\"name\":\"G2\"}}\n");
    ok("cleanup", team, "--keep", "1", "--confirm");
    String served = fails(1, on("team", "changes", "poll", "--cursor", cursor)).err();
    String embedded = fails(1, "changes", "poll", team, "--cursor", cursor).err();
    assertThat(embedded).contains("change_feed_gap").contains("take a new baseline");
    assertThat(served).isEqualTo(embedded);
  }
}
