package io.omnigraph.cli.queries;

import static io.omnigraph.cli.queries.AppliedCookbooks.json;
import static io.omnigraph.cli.queries.AppliedCookbooks.ok;
import static io.omnigraph.cli.queries.AppliedCookbooks.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliRunner;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.server.api.StoredQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code queries list|validate} over clusters applied from the cookbooks: the applied registry is
 * read from the ledger and catalog (never the config), compared with what the server would serve,
 * and validated against the schema the graph holds.
 */
class QueriesCliTest {
  /** Extra stored queries with MCP metadata and every parameter shape (list, vector, optional). */
  static final String MCP_QUERIES =
      """
      query chunks_near($v: Vector(3072), $limit_hint: I64?) @description("Chunks nearest to a vector") @instruction("Pass a 3072-dimension embedding") {
          match { $c: Chunk }
          return { $c.text, $c.chunk_index }
          order { nearest($c.embedding, $v) }
          limit 5
      }

      query tag_element($slug: String, $tags: [String]) @description("Replace an element's categories") {
          update Element set { category: $tags } where slug = $slug
      }
      """;

  @TempDir Path tmp;

  @AfterEach
  void resetEnv() {
    CliEnv.setOverrides(Map.of());
  }

  @Test
  void listMatchesTheServedCatalogForBothCookbooks() throws Exception {
    Path spike = tmp.resolve("spike");
    CliRunner.copyTree(
        io.omnigraph.compiler.testing.Fixtures.cookbooks().resolve("industry-intel"), spike);
    Files.writeString(spike.resolve("queries/zz_mcp.gq"), MCP_QUERIES);
    AppliedCookbooks.importAndApply(spike);
    Path pharma = AppliedCookbooks.apply("pharma-intel", tmp.resolve("pharma"), null);
    for (Path dir : List.of(spike, pharma)) {
      JsonNode listed = json(ok("queries", "list", "--cluster", dir.toString(), "--json"));
      assertThat(listed.path("storage_root").asText()).isEqualTo(dir.toString());
      TreeSet<String> names = new TreeSet<>();
      listed.path("queries").forEach(q -> names.add(q.path("name").asText()));
      assertThat(names).isEqualTo(AppliedCookbooks.declaredNames(dir.resolve("queries")));
      assertSameAsServedCatalog(dir, listed.path("queries"));
    }
  }

  @Test
  void humanListShowsKindTypedParamsMcpAndMetadata() throws Exception {
    Path spike = tmp.resolve("spike");
    CliRunner.copyTree(
        io.omnigraph.compiler.testing.Fixtures.cookbooks().resolve("industry-intel"), spike);
    Files.writeString(spike.resolve("queries/zz_mcp.gq"), MCP_QUERIES);
    AppliedCookbooks.importAndApply(spike);
    // the config changes after the apply: list must keep showing the applied registry
    Files.delete(spike.resolve("queries/zz_mcp.gq"));
    String out = ok("queries", "list", "--cluster", spike.toString()).out();
    assertThat(out)
        .contains(
            "read     chunks_near($v: Vector(3072), $limit_hint: I64?)  [mcp: chunks_near]\n"
                + "    description: Chunks nearest to a vector\n"
                + "    instruction: Pass a 3072-dimension embedding\n")
        .contains(
            "mutation tag_element($slug: String, $tags: [String])  [mcp: tag_element]\n"
                + "    description: Replace an element's categories\n")
        .contains("read     related_chunks($q: String)  [mcp: related_chunks]\n");
    JsonNode tag =
        entry(json(ok("queries", "list", "--cluster", spike.toString(), "--json")), "tag_element");
    assertThat(tag.path("params").get(1).toString())
        .isEqualTo(
            "{\"name\":\"tags\",\"kind\":\"list\",\"item_kind\":\"string\",\"nullable\":false}");
    assertThat(tag.has("instruction")).isFalse();
    assertThat(ok("queries", "validate", "--cluster", spike.toString()).out())
        .isEqualTo("queries valid: graph 'spike', 75 stored queries\n");
  }

  @Test
  void severalGraphsNeedGraphAndUnknownIdsListCandidates() throws Exception {
    Path dir = tmp.resolve("both");
    CliRunner.copyTree(
        io.omnigraph.compiler.testing.Fixtures.cookbooks().resolve("industry-intel"),
        dir.resolve("spike"));
    CliRunner.copyTree(
        io.omnigraph.compiler.testing.Fixtures.cookbooks().resolve("pharma-intel"),
        dir.resolve("pharma"));
    Files.writeString(
        dir.resolve("cluster.yaml"),
        """
        version: 1
        metadata:
          name: both
        graphs:
          spike:
            schema: spike/schema.pg
            queries: spike/queries/
          pharma:
            schema: pharma/schema.pg
            queries: pharma/queries/
        """);
    AppliedCookbooks.importAndApply(dir);
    for (String verb : List.of("list", "validate")) {
      CliRunner.Run ambiguous = run(1, "queries", verb, "--cluster", dir.toString());
      assertThat(ambiguous.err())
          .contains("graph_not_applied")
          .contains("several applied graphs")
          .contains("pharma, spike");
      assertThat(run(1, "queries", verb, "--cluster", dir.toString(), "--graph", "nope").err())
          .contains("graph_not_applied: graph 'nope' is not in the applied revision")
          .contains("pharma, spike");
    }
    JsonNode p =
        json(ok("queries", "list", "--cluster", dir.toString(), "--graph", "pharma", "--json"));
    assertThat(p.path("graph").asText()).isEqualTo("pharma");
    TreeSet<String> names = new TreeSet<>();
    p.path("queries").forEach(q -> names.add(q.path("name").asText()));
    assertThat(names).isEqualTo(AppliedCookbooks.declaredNames(dir.resolve("pharma/queries")));
    JsonNode v =
        json(ok("queries", "validate", "--cluster", dir.toString(), "--graph", "spike", "--json"));
    assertThat(v.path("ok").asBoolean()).isTrue();
    assertThat(v.path("query_count").asInt()).isEqualTo(73);
    assertThat(v.path("live_schema_digest").asText()).isEqualTo(v.path("schema_digest").asText());
    assertThat(v.path("diagnostics")).isEmpty();
  }

  @Test
  void aSchemaChangedBehindTheControlPlaneBreaksAStoredQuery() throws Exception {
    Path dir = AppliedCookbooks.apply("pharma-intel", tmp.resolve("pharma"), null);
    // someone migrates the graph by hand (the engine's own schema apply), dropping a property
    // that stored queries read; the ledger still records the old schema digest
    String schema = Files.readString(dir.resolve("schema.pg"));
    String without = schema.replace("    moa_summary: String?\n", "");
    assertThat(without).isNotEqualTo(schema);
    try (GraphRoot g = GraphRoot.open(dir.resolve("graphs/pharma.omni").toString(), Map.of())) {
      g.applySchema(SchemaCompiler.compile("rogue.pg", without).value(), true, "rogue");
    }

    CliRunner.Run text = run(1, "queries", "validate", "--cluster", dir.toString());
    assertThat(text.out()).contains("warning[schema_mismatch]").endsWith(" errors\n");
    Pattern line =
        Pattern.compile(
            "(?m)^__cluster/resources/query/pharma/(\\w+)/[0-9a-f]{64}\\.gq:(\\d+):(\\d+):"
                + " error\\[T\\d+\\]: .*  \\(query (\\w+)\\)$");
    Matcher m = line.matcher(text.out());
    List<String> broken = new ArrayList<>();
    while (m.find()) {
      assertThat(m.group(1)).as("the query's own catalog key").isEqualTo(m.group(4));
      broken.add(m.group(4));
      // the position points at the dropped property in the stored file (same bytes as the source)
      String src = sourceDeclaring(dir.resolve("queries"), m.group(4));
      String at = src.lines().toList().get(Integer.parseInt(m.group(2)) - 1);
      assertThat(at.substring(Integer.parseInt(m.group(3)) - 1))
          .as(m.group())
          .contains("moa_summary");
    }
    // exactly the queries that read the dropped property
    assertThat(new TreeSet<>(broken))
        .containsExactly(
            "compounds_by_mechanism",
            "get_compound",
            "program_competitors",
            "program_compound",
            "signal_compound");

    JsonNode v = json(run(1, "queries", "validate", "--cluster", dir.toString(), "--json"));
    assertThat(v.path("ok").asBoolean()).isFalse();
    assertThat(v.path("live_schema_digest").asText())
        .isNotEqualTo(v.path("schema_digest").asText());
    JsonNode first = errors(v).get(0);
    assertThat(first.path("code").asText()).matches("T\\d+");
    assertThat(first.path("line").asInt()).isPositive();
    assertThat(first.path("file").asText())
        .startsWith("__cluster/resources/query/pharma/" + first.path("query").asText() + "/");
    assertThat(first.path("query").asText()).isIn(broken);
    // list still reads the applied registry
    assertThat(ok("queries", "list", "--cluster", dir.toString()).out())
        .contains("get_compound($slug: String)");
  }

  @Test
  void aLostCatalogPayloadIsAnErrorAndListSkipsIt() throws Exception {
    Path dir = AppliedCookbooks.apply("pharma-intel", tmp.resolve("pharma"), null);
    Path blobDir = dir.resolve("__cluster/resources/query/pharma/get_compound");
    try (Stream<Path> s = Files.list(blobDir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    JsonNode v = json(run(1, "queries", "validate", "--cluster", dir.toString(), "--json"));
    JsonNode e = errors(v).get(0);
    assertThat(e.path("code").asText()).isEqualTo("catalog_payload_missing");
    assertThat(e.path("query").asText()).isEqualTo("get_compound");
    assertThat(e.path("message").asText()).contains("cluster refresh");
    CliRunner.Run list = ok("queries", "list", "--cluster", dir.toString());
    assertThat(list.err()).contains("stored query 'get_compound' is not listed");
    assertThat(list.out()).doesNotContain("get_compound(").contains("compounds_all()");
  }

  @Test
  void namedClusterAndClusterProfilesFromOperatorConfig() throws Exception {
    Path dir = AppliedCookbooks.apply("pharma-intel", tmp.resolve("pharma"), null);
    Path home = Files.createDirectories(tmp.resolve("home"));
    CliRunner.write(
        home,
        "config.yaml",
        "servers:\n  prod: { url: http://127.0.0.1:9 }\n"
            + "clusters:\n  brain: { root: "
            + dir
            + " }\n"
            + "profiles:\n  brain-admin: { cluster: brain, default_graph: pharma }\n"
            + "  staging: { server: prod }\n");
    CliEnv.setOverrides(Map.of("OMNIGRAPH_HOME", home.toString()));
    assertThat(ok("queries", "list", "--cluster", "brain").out()).contains("compounds_all()");
    assertThat(ok("queries", "validate", "--profile", "brain-admin").out())
        .startsWith("queries valid: graph 'pharma'");
    assertThat(run(1, "queries", "list", "--profile", "brain-admin", "--graph", "nope").err())
        .contains("graph_not_applied");
    assertThat(run(2, "queries", "list", "--profile", "staging").err())
        .contains("profile 'staging' addresses a server");
    CliEnv.setOverrides(
        Map.of("OMNIGRAPH_HOME", home.toString(), "OMNIGRAPH_PROFILE", "brain-admin"));
    assertThat(json(ok("queries", "list", "--json")).path("graph").asText()).isEqualTo("pharma");
  }

  @Test
  void aVanishedGraphRootIsAnObservationError() throws Exception {
    Path dir = AppliedCookbooks.apply("pharma-intel", tmp.resolve("pharma"), null);
    try (Stream<Path> s = Files.walk(dir.resolve("graphs/pharma.omni"))) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    JsonNode v = json(run(1, "queries", "validate", "--cluster", dir.toString(), "--json"));
    assertThat(v.path("diagnostics")).hasSize(1);
    assertThat(v.path("diagnostics").get(0).path("code").asText())
        .isEqualTo("graph_observation_error");
    assertThat(v.path("diagnostics").get(0).path("message").asText()).contains("pharma.omni");
    assertThat(v.path("live_schema_digest").isNull()).isTrue();
  }

  @Test
  void noClusterOrNoStateSaysSo() {
    assertThat(run(1, "queries", "validate", "--cluster", tmp.resolve("none").toString()).err())
        .contains("cluster_state_missing");
    assertThat(run(2, "queries", "list").err()).contains("pass --cluster");
  }

  private static List<JsonNode> errors(JsonNode v) {
    List<JsonNode> out = new ArrayList<>();
    v.path("diagnostics")
        .forEach(
            d -> {
              if (d.path("severity").asText().equals("error")) {
                out.add(d);
              }
            });
    assertThat(out).isNotEmpty();
    return out;
  }

  private static JsonNode entry(JsonNode listed, String name) {
    return find(listed.path("queries"), name);
  }

  private static JsonNode find(JsonNode list, String name) {
    for (JsonNode q : list) {
      if (q.path("name").asText().equals(name)) {
        return q;
      }
    }
    throw new AssertionError("not listed: " + name);
  }

  private static String sourceDeclaring(Path queries, String name) throws Exception {
    try (Stream<Path> s = Files.list(queries)) {
      for (Path f : s.toList()) {
        String text = Files.readString(f);
        if (text.contains("query " + name + "(")) {
          return text;
        }
      }
    }
    throw new AssertionError("no file declares " + name);
  }

  /**
   * Each listed entry equals the catalog entry the server builds ({@code GET /queries}) from the
   * compiled source file, plus {@code mcp_expose: true}.
   */
  private static void assertSameAsServedCatalog(Path dir, JsonNode listed) throws Exception {
    CompiledSchema schema =
        SchemaCompiler.compile("schema.pg", Files.readString(dir.resolve("schema.pg"))).value();
    int seen = 0;
    try (Stream<Path> s = Files.list(dir.resolve("queries"))) {
      for (Path f : s.toList()) {
        var compiled =
            QueryCompiler.compile(
                    schema.catalog(), new SourceText(f.toString(), Files.readString(f)))
                .value();
        for (CompiledQuery q : compiled.queries()) {
          JsonNode mine = find(listed, q.name());
          var served = new StoredQuery(q.name(), q).catalogEntry();
          served.put("mcp_expose", true);
          assertThat(mine).as(q.name()).isEqualTo(served);
          seen++;
        }
      }
    }
    assertThat(seen).isEqualTo(listed.size());
  }
}
