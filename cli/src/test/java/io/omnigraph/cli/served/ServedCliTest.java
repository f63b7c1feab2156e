package io.omnigraph.cli.served;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CLI's served mode against a real server (quickstart cluster, two graphs, bearer tokens and
 * policy): every served data verb prints what the embedded verb prints on the same graph; stored
 * queries; writes record the token's actor; errors and addressing rules.
 */
class ServedCliTest extends ServedCliBase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ALL =
      "query all() { match { $p: Person } return { $p.slug, $p.name, $p.title } order { $p.slug } }";

  @BeforeAll
  static void boot() throws Exception {
    fx = ServedFixture.start(shared.resolve("cluster"), List.of("people", "team"));
    url = fx.url();
    people = fx.storage("people");
  }

  /** Sets the CLI environment; token variables not named are blank (= unset). */
  static void env(Map<String, String> vars) {
    Map<String, String> m = new HashMap<>();
    for (String k :
        List.of(
            "OMNIGRAPH_BEARER_TOKEN",
            "OMNIGRAPH_PROFILE",
            "OMNIGRAPH_TOKEN_MAIN",
            "OMNIGRAPH_TOKEN_OTHER",
            "OMNIGRAPH_HOME")) {
      m.put(k, "");
    }
    m.putAll(vars);
    CliEnv.setOverrides(m);
  }

  static CliRunner.Run ok(String... args) {
    CliRunner.Run r = CliRunner.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    return r;
  }

  static CliRunner.Run fails(int code, String... args) {
    CliRunner.Run r = CliRunner.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isEqualTo(code);
    assertThat(r.err()).doesNotContain("\tat io.").doesNotContain("Exception");
    return r;
  }

  static JsonNode json(CliRunner.Run r) throws Exception {
    return JSON.readTree(r.out());
  }

  static String[] served(String... args) {
    String[] out = new String[args.length + 4];
    System.arraycopy(args, 0, out, 0, args.length);
    out[args.length] = "--server";
    out[args.length + 1] = url;
    out[args.length + 2] = "--graph";
    out[args.length + 3] = "people";
    return out;
  }

  @Test
  void readsPrintWhatTheEmbeddedVerbsPrint() throws Exception {
    for (String fmt : List.of("table", "kv", "csv", "jsonl", "json")) {
      assertThat(ok(served("query", "-e", ALL, "--format", fmt)).out())
          .as(fmt)
          .isEqualTo(ok("query", people, "-e", ALL, "--format", fmt).out());
    }
    assertThat(ok(served("query", "-e", ALL)).out()).contains("Ada Lovelace").contains("rows)");
    for (String[] verb :
        List.of(
            new String[] {"snapshot"},
            new String[] {"snapshot", "--json"},
            new String[] {"commit", "list"},
            new String[] {"commit", "list", "--json"},
            new String[] {"branch", "list"},
            new String[] {"branch", "list", "--json"},
            new String[] {"schema", "show"},
            new String[] {"export"},
            new String[] {"export", "--type", "Company"})) {
      String[] embedded = append(verb, "--uri", people);
      assertThat(ok(served(verb)).out())
          .as(String.join(" ", verb))
          .isEqualTo(ok(embedded).out())
          .isNotBlank();
    }
    String head =
        json(ok("commit", "list", people, "--json"))
            .path("commits")
            .path(0)
            .path("graph_commit_id")
            .asText();
    assertThat(ok(served("commit", "show", head)).out())
        .isEqualTo(ok("commit", "show", people, head).out())
        .contains("commit      " + head);
    assertThat(ok(served("commit", "show", head, "--json")).out())
        .isEqualTo(ok("commit", "show", people, head, "--json").out());
    JsonNode servedSchema = json(ok(served("schema", "show", "--json")));
    JsonNode embeddedSchema = json(ok("schema", "show", people, "--json"));
    assertThat(servedSchema.path("uri").asText()).isEqualTo(url + "/graphs/people");
    assertThat(servedSchema.path("schema_digest")).isEqualTo(embeddedSchema.path("schema_digest"));
    assertThat(servedSchema.path("source")).isEqualTo(embeddedSchema.path("source"));
  }

  static String[] append(String[] a, String... more) {
    String[] out = new String[a.length + more.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(more, 0, out, a.length, more.length);
    return out;
  }

  @Test
  void storedQueriesRunByNameAndMustBeReads() throws Exception {
    String q = ServedFixture.quickstart("queries/people.gq").toString();
    String params = "{\"slug\":\"ada\"}";
    CliRunner.Run stored = ok(served("query", "find_person", "--params", params, "--json"));
    assertThat(stored.out())
        .isEqualTo(
            ok("query", people, "--query", q, "--name", "find_person", "--params", params, "--json")
                .out());
    assertThat(json(stored).path("rows").path(0).path("name").asText()).isEqualTo("Ada Lovelace");
    assertThat(ok(served("query", "colleagues", "--params", params)).out()).contains("rows)");
    CliRunner.Run mutation =
        fails(1, served("query", "add_person", "--params", "{\"slug\":\"x\",\"name\":\"X\"}"));
    assertThat(mutation.err()).contains("bad_request").contains("mutation");
    CliRunner.Run unknown = fails(1, served("query", "no_such_query"));
    assertThat(unknown.err()).contains("not_found").contains("no_such_query");
    assertThat(fails(2, served("query")).err()).contains("stored query NAME");
    assertThat(fails(2, "query", "--store", people, "find_person").err()).contains("served graph");
  }

  @Test
  void mutationsRecordTheTokensActorAndHonourIfCommit() throws Exception {
    CliRunner.Run adhoc =
        ok(
            served(
                "mutate",
                "-e",
                "query m() { insert Person { slug: \"m1\", name: \"Mona\" } }",
                "--branch",
                "main",
                "--json"));
    JsonNode a = json(adhoc);
    assertThat(a.path("uri").asText()).isEqualTo(url + "/graphs/people");
    assertThat(a.path("actor_id").asText()).isEqualTo("act-editor");
    assertThat(a.path("commit").path("actor_id").asText()).isEqualTo("act-editor");
    assertThat(a.path("affected_nodes").asInt()).isEqualTo(1);
    CliRunner.Run stored =
        ok(served("mutate", "add_person", "--params", "{\"slug\":\"m2\",\"name\":\"Max\"}"));
    assertThat(stored.out())
        .startsWith("mutated add_person on branch main: 1 node, 0 edges affected (commit ");
    String head =
        json(ok(served("commit", "list", "--json")))
            .path("commits")
            .path(0)
            .path("graph_commit_id")
            .asText();
    CliRunner.Run lost =
        fails(
            4,
            served(
                "mutate",
                "set_level",
                "--params",
                "{\"slug\":\"m2\",\"level\":\"senior\"}",
                "--if-commit",
                "01AAAAAAAAAAAAAAAAAAAAAAAA"));
    assertThat(lost.err()).contains("precondition_failure");
    ok(
        served(
            "mutate",
            "set_level",
            "--params",
            "{\"slug\":\"m2\",\"level\":\"senior\"}",
            "--if-commit",
            head));
    assertThat(fails(2, served("mutate", "add_person", "--as", "act-x")).err())
        .contains("--as is not accepted on served writes");
    assertThat(fails(1, served("mutate", "find_person", "--params", "{\"slug\":\"ada\"}")).err())
        .contains("bad_request");
    env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-reader"));
    assertThat(
            fails(
                    1,
                    served(
                        "mutate", "-e", "query m() { insert Person { slug: \"r\", name: \"R\" } }"))
                .err())
        .contains("forbidden");
  }

  @Test
  void loadAndBranchesThroughTheServer() throws Exception {
    Path batch =
        CliRunner.write(
            dir, "b.jsonl", "{\"type\":\"Person\",\"data\":{\"slug\":\"lo\",\"name\":\"Lo\"}}\n");
    CliRunner.Run load =
        ok(
            served(
                "load",
                "--data",
                batch.toString(),
                "--mode",
                "merge",
                "--branch",
                "feat",
                "--from",
                "main"));
    assertThat(load.err()).contains("omnigraph load → " + url + "/graphs/people (served)");
    assertThat(load.out())
        .isEqualTo(
            "loaded "
                + url
                + "/graphs/people on branch feat with merge: 1 entities across 1 node types and 0"
                + " edge types\nbranch feat created from main\n");
    JsonNode lj =
        json(
            ok(
                served(
                    "load",
                    "--data",
                    batch.toString(),
                    "--mode",
                    "merge",
                    "--branch",
                    "feat",
                    "--json",
                    "--quiet")));
    assertThat(lj.path("actor_id").asText()).isEqualTo("act-editor");
    assertThat(lj.path("uri").asText()).isEqualTo(url + "/graphs/people");
    assertThat(lj.path("branch_created").asBoolean()).isFalse();
    assertThat(fails(1, served("load", "--data", batch.toString(), "--mode", "overwrite")).err())
        .contains("pass --yes");
    assertThat(
            fails(2, served("load", "--data", batch.toString(), "--mode", "merge", "--as", "x"))
                .err())
        .contains("--as");

    JsonNode created = json(ok(served("branch", "create", "side", "--json", "--quiet")));
    assertThat(created.path("name").asText()).isEqualTo("side");
    assertThat(created.path("actor_id").asText()).isEqualTo("act-editor");
    assertThat(created.path("graph_manifest_version").asLong()).isPositive();
    assertThat(ok(served("branch", "list")).out()).contains("side\n").contains("feat\n");
    CliRunner.Run merged = ok(served("branch", "merge", "feat", "--into", "main", "--quiet"));
    assertThat(merged.out()).startsWith("merged feat into main: ");
    assertThat(fails(1, served("branch", "delete", "side")).err()).contains("pass --yes");
    CliRunner.Run del = ok(served("branch", "delete", "side", "--yes", "--json"));
    assertThat(json(del).path("name").asText()).isEqualTo("side");
    assertThat(ok(served("branch", "list")).out()).doesNotContain("side");
    assertThat(fails(1, served("branch", "delete", "side", "--yes")).err()).contains("not_found");
    assertThat(fails(2, served("branch", "create", people, "x")).err()).contains("exclusive");
  }

  @Test
  void graphsListAndGraphSelection() throws Exception {
    env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-admin"));
    JsonNode graphs = json(ok("graphs", "list", "--server", url, "--json")).path("graphs");
    assertThat(graphs.size()).isEqualTo(2);
    StringBuilder human = new StringBuilder();
    graphs.forEach(
        g ->
            human
                .append(g.path("graph_id").asText())
                .append('\t')
                .append(g.path("uri").asText())
                .append('\n'));
    assertThat(ok("graphs", "list", "--server", url).out())
        .isEqualTo(human.toString())
        .startsWith("people\t")
        .contains("\nteam\t");
    assertThat(fails(2, "graphs", "list", "--server", url, "--graph", "people").err())
        .contains("--graph does not apply");
    CliRunner.Run several = fails(2, "snapshot", "--server", url);
    assertThat(several.err()).contains("several graphs").contains("people, team");
    env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-reader"));
    assertThat(fails(1, "graphs", "list", "--server", url).err()).contains("forbidden");
    CliRunner.Run bare = fails(1, "snapshot", "--server", url);
    assertThat(bare.err()).contains("not_found").contains("pass --graph <id>");
    assertThat(fails(1, "snapshot", "--server", url, "--graph", "nope").err())
        .contains("not_found");
    assertThat(ok("snapshot", "--server", url + "/graphs/team").out()).startsWith("branch main");
    assertThat(fails(2, "snapshot", "--server", url + "/graphs/team", "--graph", "people").err())
        .contains("single-graph address");
  }

  @Test
  void errorsAndAddressingRules() {
    CliRunner.Run down = fails(1, "snapshot", "--server", "http://127.0.0.1:1", "--graph", "g");
    assertThat(down.err()).contains("cannot reach the omnigraph server at http://127.0.0.1:1");
    assertThat(fails(2, "snapshot", "http://example.com/graphs/g").err())
        .contains(ScopeOptions.REMOTE_POSITIONAL);
    assertThat(fails(2, "snapshot", people, "--server", url).err()).contains("exclusive");
    assertThat(fails(2, "snapshot", people, "--graph", "people").err()).contains("--graph");
    assertThat(fails(2, "optimize", "--server", url).err())
        .contains(
            "optimize is a direct (storage-native) command; --server addresses a served graph and"
                + " does not apply. Pass a storage URI, or --cluster <dir> --graph <id>.");
    assertThat(fails(2, "branch", "list", "--graph", "people").err()).contains("--server");
    env(Map.of());
    assertThat(fails(1, served("snapshot")).err())
        .contains("unauthorized")
        .contains("omnigraph login");
  }

  @Test
  void configServersProfilesDefaultsAndTokenOrder() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(
        home.resolve("config.yaml"),
        "servers:\n  main: { url: "
            + url
            + ", default_graph: people }\n"
            + "profiles:\n  ed: { server: main, default_graph: team }\n"
            + "  brain: { cluster: /tmp/nowhere }\n");
    String m = "query m() { insert Person { slug: \"t1\", name: \"T\" } }";
    env(
        Map.of(
            "OMNIGRAPH_TOKEN_MAIN", "tok-editor",
            "OMNIGRAPH_BEARER_TOKEN", "tok-admin"));
    ok("login", "main", "--token", "tok-reader");
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("credentials"))))
        .isEqualTo("rw-------");
    // 1. OMNIGRAPH_TOKEN_MAIN wins over the credentials file and the bearer fallback
    assertThat(json(ok("mutate", "--server", "main", "-e", m, "--json")).path("actor_id").asText())
        .isEqualTo("act-editor");
    // 2. then [main] of the credentials file (reader: may read, may not write)
    env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-editor"));
    ok("snapshot", "--server", "main");
    assertThat(fails(1, "mutate", "--server", "main", "-e", m).err()).contains("forbidden");
    // 3. then OMNIGRAPH_BEARER_TOKEN
    ok("logout", "main");
    assertThat(ok("logout", "main").out()).contains("no token stored");
    assertThat(json(ok("mutate", "--server", "main", "-e", m, "--json")).path("actor_id").asText())
        .isEqualTo("act-editor");
    // a keyed token never goes to another server (an unmatched URL gets only the bearer token)
    ServedFixture other = ServedFixture.start(dir.resolve("other"), List.of("solo"));
    try {
      env(Map.of("OMNIGRAPH_TOKEN_MAIN", "tok-editor"));
      assertThat(fails(1, "snapshot", "--server", other.url(), "--graph", "solo").err())
          .contains("unauthorized");
      assertThat(ok("snapshot", "--server", url + "/graphs/people").out())
          .startsWith("branch main");
      // a single graph behind GET /graphs is selected without --graph
      env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-admin"));
      ok("graphs", "list", "--server", other.url());
      // admin may list graphs but not read them: the 403 comes from /graphs/solo/snapshot
      assertThat(fails(1, "snapshot", "--server", other.url()).err())
          .contains("forbidden")
          .doesNotContain("not_found");
    } finally {
      other.close();
    }
    // profiles and defaults
    env(Map.of("OMNIGRAPH_TOKEN_MAIN", "tok-editor"));
    String viaDefaultGraph = ok("commit", "list", "--server", "main", "--json").out();
    assertThat(viaDefaultGraph).isEqualTo(ok("commit", "list", "--uri", people, "--json").out());
    assertThat(ok("commit", "list", "--profile", "ed", "--json").out())
        .isEqualTo(ok("commit", "list", "--uri", fx.storage("team"), "--json").out());
    env(Map.of("OMNIGRAPH_TOKEN_MAIN", "tok-editor", "OMNIGRAPH_PROFILE", "ed"));
    assertThat(ok("branch", "list").out())
        .isEqualTo(ok("branch", "list", fx.storage("team")).out());
    assertThat(fails(2, "snapshot", "--profile", "brain").err()).contains("bound to cluster");
    assertThat(fails(2, "snapshot", "--profile", "nope").err()).contains("unknown profile");
    assertThat(fails(2, "snapshot", "--server", "nope").err()).contains("unknown server 'nope'");
    Files.writeString(
        home.resolve("config.yaml"),
        "servers:\n  main: { url: "
            + url
            + " }\ndefaults: { server: main, default_graph: people }\n");
    env(Map.of("OMNIGRAPH_TOKEN_MAIN", "tok-editor"));
    assertThat(ok("snapshot", "--json").out()).isEqualTo(ok("snapshot", people, "--json").out());
  }

  @Test
  void mergeConflictsSchemaApplyAndDirectVerbs() throws Exception {
    ok(served("branch", "create", "conflicting", "--quiet"));
    String upd = "query u() { update Person set { title: \"%s\" } where slug = \"grace\" }";
    ok(served("mutate", "--branch", "conflicting", "-e", String.format(upd, "On branch")));
    ok(served("mutate", "-e", String.format(upd, "On main")));
    CliRunner.Run merge = fails(1, served("branch", "merge", "conflicting", "--json", "--quiet"));
    JsonNode conflicts = json(merge);
    assertThat(conflicts.path("uri").asText()).isEqualTo(url + "/graphs/people");
    assertThat(conflicts.path("merge_conflicts").size()).isPositive();
    assertThat(merge.err()).contains("conflict: ");

    Path pg = ServedFixture.quickstart("people.pg");
    CliRunner.Run apply = fails(1, served("schema", "apply", "--schema", pg.toString()));
    assertThat(apply.err())
        .contains("conflict: server-side schema apply is disabled for cluster-backed serving");
    env(Map.of("OMNIGRAPH_BEARER_TOKEN", "tok-reader"));
    assertThat(fails(1, served("schema", "apply", "--schema", pg.toString())).err())
        .contains("forbidden: policy denied action 'schema_apply'")
        .contains("act-reader");
    assertThat(fails(2, served("schema", "apply", "--schema", pg.toString(), "--as", "x")).err())
        .contains("--as is not accepted on served writes");
    for (String[] direct :
        List.of(
            new String[] {"init", "--schema", pg.toString(), "--server", url},
            new String[] {"schema", "plan", "--schema", pg.toString(), "--server", url},
            new String[] {
              "lint", "--schema", pg.toString(), "--query", pg.toString(), "--server", url
            },
            new String[] {"cleanup", "--keep", "1", "--server", url},
            new String[] {"repair", "--server", url})) {
      assertThat(fails(2, direct).err())
          .as(String.join(" ", direct))
          .contains("is a direct (storage-native) command; --server addresses a served graph");
    }
  }

  @Test
  void defaultsOutputAppliesBelowFormatFlags() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(home.resolve("config.yaml"), "defaults: { output: csv }\n");
    assertThat(ok(served("query", "-e", ALL)).out()).startsWith("slug,name,title\r\n");
    assertThat(ok(served("query", "-e", ALL, "--format", "kv")).out()).startsWith("slug:");
    Files.writeString(home.resolve("config.yaml"), "defaults: { table_max_column_width: 5 }\n");
    String cut = ok(served("query", "-e", ALL)).out();
    assertThat(cut)
        .isEqualTo(ok("query", people, "-e", ALL).out())
        .contains("\nada    Ada …  Prin…\n");
    Files.writeString(
        home.resolve("config.yaml"),
        "defaults: { table_max_column_width: 5, table_cell_layout: wrap }\n");
    assertThat(ok(served("query", "-e", ALL)).out())
        .contains("\nada    Ada L  Princ\n       ovela  ipal\n       ce     Engin\n");
    Files.writeString(home.resolve("config.yaml"), "defaults: { output: xml }\n");
    assertThat(fails(1, served("query", "-e", ALL)).err())
        .contains("defaults.output must be one of");
  }

  @Test
  void aliasesInvokeStoredReadsWithTheServersToken() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(
        home.resolve("config.yaml"),
        "servers:\n  main: { url: "
            + url
            + " }\n"
            + "aliases:\n"
            + "  who: { server: main, graph: people, query: find_person, args: [slug], format: kv }\n"
            + "  add: { server: main, graph: people, query: add_person, args: [slug, name] }\n");
    env(Map.of("OMNIGRAPH_TOKEN_MAIN", "tok-reader"));
    CliRunner.Run kv = ok("alias", "who", "ada");
    assertThat(kv.out()).startsWith("slug:").contains("Ada Lovelace").endsWith("(1 row)\n");
    assertThat(ok("alias", "who", "ada", "--json").out())
        .isEqualTo(
            ok(served("query", "find_person", "--params", "{\"slug\":\"ada\"}", "--json")).out());
    assertThat(ok("alias", "who", "ada", "--params", "{\"slug\":\"grace\"}").out())
        .contains("Grace Hopper")
        .doesNotContain("Ada");
    assertThat(fails(1, "alias", "add", "z", "Zed").err())
        .contains("bad_request")
        .contains("mutation");
    assertThat(fails(2, "alias", "who", "a", "b").err()).contains("at most 1 argument");
    assertThat(fails(2, "alias", "nope").err())
        .contains("unknown alias 'nope'")
        .contains("add, who");
  }
}
