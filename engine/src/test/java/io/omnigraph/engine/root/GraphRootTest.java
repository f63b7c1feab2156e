package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.engine.exec.ExecOptions;
import io.omnigraph.engine.exec.QueryExecutionException;
import io.omnigraph.engine.exec.QueryExecutor;
import io.omnigraph.engine.exec.ReadTarget;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.InMemoryGraph;
import io.omnigraph.engine.graph.NodeTable;
import io.omnigraph.engine.load.InMemoryCommit;
import io.omnigraph.engine.load.LoadException;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init → load → snapshot → query on a local graph root, checked against the in-memory engine. */
class GraphRootTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      """
      node Person { slug: String @key
        age: I32?
        tags: [String]?
        emb: Vector(3)?
        born: Date?
        seen: DateTime?
        score: F32?
        big: U64?
        ok: Bool?
        f64: F64?
        u32: U32?
        blob: Blob?
        langs: [I32]? }
      node Company { slug: String @key }
      edge WorksAt: Person -> Company { since: Date? }
      """;

  @TempDir Path dir;

  private static CompiledSchema compile(String name, String text) {
    var r = SchemaCompiler.compile(name, text);
    assertThat(r.errors()).isEmpty();
    return r.value();
  }

  private static InputStream jsonl(String... lines) {
    return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void cookbookSeedRoundTripsThroughLanceAndQueriesAgree() throws IOException {
    for (Path seed : Fixtures.files("seed.jsonl")) {
      Path cookbook = seed.getParent();
      Path schemaFile = cookbook.resolve("schema.pg");
      CompiledSchema schema = compile(schemaFile.toString(), Files.readString(schemaFile));
      String uri = dir.resolve(cookbook.getFileName().toString()).toString();
      Manifest genesis = GraphRoot.init(uri, schema, "test", Map.of());
      assertThat(genesis.version()).isEqualTo(1);
      assertThat(genesis.commit().parentCommitId()).isNull();

      LoadResult loaded;
      try (GraphRoot root = GraphRoot.open(uri, Map.of());
          InputStream in = Files.newInputStream(seed)) {
        loaded = root.load(in, LoadMode.MERGE, "main", "test");
      }
      assertThat(loaded.commit().graphManifestVersion()).isEqualTo(2);
      assertThat(loaded.commit().parentCommitId()).isEqualTo(genesis.commit().graphCommitId());

      Catalog catalog = schema.catalog();
      InMemoryGraph expected =
          InMemoryCommit.apply(
              InMemoryGraph.builder(catalog).build(),
              loaded.batch(),
              loaded.commit().graphCommitId());
      try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
        RootSnapshot snap = root.snapshot("main");
        assertThat(snap.commitId()).isEqualTo(loaded.commit().graphCommitId());
        assertSameGraph(snap, expected);
        int compared = compareQueries(cookbook, catalog, snap, expected);
        assertThat(compared).as(cookbook.toString()).isGreaterThanOrEqualTo(3);
      }
    }
  }

  /** Runs every stored read without parameters on both graphs; results (or errors) must agree. */
  private static int compareQueries(
      Path cookbook, Catalog catalog, GraphSnapshot stored, GraphSnapshot expected) {
    int nonEmpty = 0;
    for (Path f : Fixtures.files(".gq")) {
      if (!f.startsWith(cookbook)) {
        continue;
      }
      var file = QueryCompiler.compile(catalog, new SourceText(f.toString(), Fixtures.read(f)));
      assertThat(file.ok()).isTrue();
      for (CompiledQuery q : file.value().queries()) {
        if (q.isMutation() || !q.params().isEmpty()) {
          continue;
        }
        String a = run(stored, q);
        String b = run(expected, q);
        assertThat(a).as(q.name()).isEqualTo(b);
        nonEmpty += a.contains("\"row_count\":0") ? 0 : 1;
      }
    }
    return nonEmpty;
  }

  private static String run(GraphSnapshot g, CompiledQuery q) {
    try {
      ObjectNode params = JSON.createObjectNode();
      return QueryExecutor.execute(g, q, params, ExecOptions.defaults())
          .toJson(q.name(), ReadTarget.branch("main"), g.commitId())
          .toString();
    } catch (QueryExecutionException e) {
      return "error " + e.code();
    }
  }

  static void assertSameGraph(GraphSnapshot actual, GraphSnapshot expected) {
    Catalog c = expected.catalog();
    for (NodeType t : c.nodes().values()) {
      assertThat(rows(actual.nodes(t.name())))
          .as(t.name())
          .isEqualTo(rows(expected.nodes(t.name())));
    }
    for (EdgeType e : c.edges().values()) {
      assertThat(rows(actual.edges(e.name()), actual))
          .as(e.name())
          .isEqualTo(rows(expected.edges(e.name()), expected));
    }
  }

  private static Map<String, List<Object>> rows(NodeTable t) {
    Map<String, List<Object>> m = new TreeMap<>();
    for (int r = 0; r < t.size(); r++) {
      List<Object> vals = new ArrayList<>();
      for (String p : t.properties()) {
        vals.add(comparable(t.value(r, p)));
      }
      m.put(t.id(r), vals);
    }
    return m;
  }

  private static Map<String, List<Object>> rows(EdgeTable t, GraphSnapshot g) {
    Map<String, List<Object>> m = new TreeMap<>();
    NodeTable from = g.nodes(t.type().from());
    NodeTable to = g.nodes(t.type().to());
    for (int r = 0; r < t.size(); r++) {
      List<Object> vals = new ArrayList<>();
      vals.add(from.id(t.src(r)));
      vals.add(to.id(t.dst(r)));
      for (String p : t.properties()) {
        vals.add(comparable(t.value(r, p)));
      }
      m.put(t.id(r), vals);
    }
    return m;
  }

  private static Object comparable(Object v) {
    if (v instanceof float[] f) {
      return Arrays.toString(f);
    }
    if (v instanceof byte[] b) {
      return Arrays.toString(b);
    }
    return v;
  }

  @Test
  void everyPropertyTypeRoundTripsAndEachLoadIsOneCommit() throws IOException {
    String uri = dir.resolve("g").toString();
    GraphRoot.init(uri, compile("s.pg", SCHEMA), null, Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      LoadResult first =
          root.load(
              jsonl(
                  """
                  {"type":"Person","data":{"slug":"ada","age":36,"tags":["x","y"],\
                  "emb":[1,2.5,3],"born":"1815-12-10","seen":"2024-01-02T03:04:05.678Z",\
                  "score":0.5,"big":"9007199254740993","ok":true,"f64":1e300,"u32":4294967295,\
                  "blob":"base64:aGk=","langs":[1,2,3]}}""",
                  "{\"type\":\"Person\",\"data\":{\"slug\":\"bob\"}}",
                  "{\"type\":\"Company\",\"data\":{\"slug\":\"acme\"}}",
                  """
                  {"edge":"WorksAt","from":"ada","to":"acme","data":{"since":"2020-01-01"}}"""),
              LoadMode.APPEND,
              "main",
              null);
      assertThat(first.commit().graphManifestVersion()).isEqualTo(2);
      InMemoryGraph expected =
          InMemoryCommit.apply(InMemoryGraph.builder(root.catalog()).build(), first.batch(), "x");
      assertSameGraph(root.snapshot("main"), expected);

      // append of an existing id fails validation: nothing is written, no manifest is published
      assertThatThrownBy(
              () ->
                  root.load(
                      jsonl("{\"type\":\"Person\",\"data\":{\"slug\":\"ada\"}}"),
                      LoadMode.APPEND,
                      "main",
                      null))
          .isInstanceOf(LoadException.class);
      assertThatThrownBy(
              () -> root.load(jsonl("{\"type\":\"Nope\"}"), LoadMode.MERGE, "main", null))
          .isInstanceOf(LoadException.class);
      assertThat(root.manifest().version()).isEqualTo(2);

      // merge updates in place; overwrite replaces the touched type only
      LoadResult merged =
          root.load(
              jsonl("{\"type\":\"Person\",\"data\":{\"slug\":\"bob\",\"age\":7}}"),
              LoadMode.MERGE,
              "main",
              "me");
      assertThat(merged.commit().parentCommitId()).isEqualTo(first.commit().graphCommitId());
      assertThat(root.snapshot("main").nodes("Person").size()).isEqualTo(2);
      assertThat(root.snapshot("main").nodes("Person").value(1, "age")).isEqualTo(7L);
      assertThatThrownBy(
              () ->
                  root.load(
                      jsonl("{\"type\":\"Company\",\"data\":{\"slug\":\"initech\"}}"),
                      LoadMode.OVERWRITE,
                      "main",
                      null))
          .isInstanceOfSatisfying(
              LoadException.class, e -> assertThat(e.code()).isEqualTo("dangling_edge"));
      LoadResult replaced =
          root.load(
              jsonl("{\"edge\":\"WorksAt\",\"from\":\"bob\",\"to\":\"acme\"}"),
              LoadMode.OVERWRITE,
              "main",
              null);
      assertThat(replaced.commit().graphManifestVersion()).isEqualTo(4);
    }
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      Manifest m = root.manifest();
      assertThat(m.version()).isEqualTo(4);
      RootSnapshot snap = root.snapshot("main");
      assertThat(snap.nodes("Company").size()).isEqualTo(1);
      assertThat(snap.nodes("Person").value(1, "age")).isEqualTo(7L);
      assertThat(snap.edges("WorksAt").size()).isEqualTo(1);
      assertThat(snap.nodes("Person").id(snap.edges("WorksAt").src(0))).isEqualTo("bob");
      assertThat(io.omnigraph.storage.ObjectStores.open(uri).list("__recovery/")).isEmpty();
    }
  }

  @Test
  void initRefusesAnInitializedRootAndWritesTheGenesisManifest() throws IOException {
    String uri = dir.resolve("g").toString();
    Manifest m = GraphRoot.init(uri, compile("s.pg", SCHEMA), "alice", Map.of());
    assertThatThrownBy(() -> GraphRoot.init(uri, compile("s.pg", SCHEMA), null, Map.of()))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.ALREADY_INITIALIZED));
    JsonNode stored =
        JSON.readTree(dir.resolve("g/__manifest/v/00000000000000000001.json").toFile());
    assertThat(stored.path("internal_schema_version").asInt()).isEqualTo(6);
    assertThat(stored.path("commit").path("actor_id").asText()).isEqualTo("alice");
    assertThat(
            stored
                .path("branches")
                .path("main")
                .path("tables")
                .path("node:Person")
                .path("path")
                .asText())
        .isEqualTo("nodes/0000000000000001-0000000000000001");
    assertThat(Files.exists(dir.resolve("g/__init_claim.json"))).isFalse();
    assertThat(Files.exists(dir.resolve("g/_schema.pg"))).isTrue();
    assertThat(m.branch("main").tables()).hasSize(3);
  }

  @Test
  void forceClearsLeftoversOfAnUnpublishedInitButNeverAGraph() throws IOException {
    String uri = dir.resolve("g").toString();
    Files.createDirectories(dir.resolve("g"));
    Files.writeString(dir.resolve("g/_schema.pg"), "leftover");
    Files.createDirectories(dir.resolve("g/nodes/0000000000000001-0000000000000001"));
    Files.writeString(dir.resolve("g/nodes/0000000000000001-0000000000000001/x"), "junk");
    assertThatThrownBy(() -> GraphRoot.init(uri, compile("s.pg", SCHEMA), null, Map.of()))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.ALREADY_INITIALIZED));
    GraphRoot.init(uri, compile("s.pg", SCHEMA), null, Map.of(), true);
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      assertThat(root.snapshot("main").nodes("Person").size()).isZero();
    }
    assertThatThrownBy(() -> GraphRoot.init(uri, compile("s.pg", SCHEMA), null, Map.of(), true))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.ALREADY_INITIALIZED));
  }

  @Test
  void initRefusesClusterManagedPathsAndHeldClaims() throws IOException {
    Files.createDirectories(dir.resolve("c/__cluster"));
    Files.writeString(dir.resolve("c/__cluster/state.json"), "{}");
    String managed = dir.resolve("c/graphs/people.omni").toString();
    assertThatThrownBy(() -> GraphRoot.init(managed, compile("s.pg", SCHEMA), null, Map.of()))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.CLUSTER_MANAGED));
    Files.createDirectories(dir.resolve("h"));
    Files.writeString(dir.resolve("h/__init_claim.json"), "{}");
    String held = dir.resolve("h").toString();
    assertThatThrownBy(() -> GraphRoot.init(held, compile("s.pg", SCHEMA), null, Map.of()))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.INITIALIZATION_CLAIMED));
  }
}
