package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.WriteFixture.mutate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Export in the load envelope, and export → load round trips (fixture graph, every cookbook). */
class ExportTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Stream<Path> cookbooks() {
    return Fixtures.files("seed.jsonl").stream().map(Path::getParent);
  }

  private static List<JsonNode> lines(byte[] bytes) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String l : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      if (!l.isBlank()) {
        out.add(JSON.readTree(l));
      }
    }
    return out;
  }

  @Test
  void exportWritesTheLoadEnvelopeNodesFirstAndFiltersTypes() throws IOException {
    String uri = WriteFixture.init(dir);
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(root.export(out, "main", null)).isEqualTo(5);
      List<JsonNode> lines = lines(out.toByteArray());
      assertThat(lines).hasSize(5);
      assertThat(lines.subList(0, 3)).allMatch(l -> l.path("type").asText().equals("Person"));
      JsonNode ada = lines.get(0);
      assertThat(ada.path("data").path("id").asText()).isEqualTo("ada");
      assertThat(ada.path("data").path("age").asInt()).isEqualTo(36);
      assertThat(ada.path("data").has("status")).isFalse(); // nulls left out
      JsonNode knows = lines.get(3);
      assertThat(knows.path("edge").asText()).isEqualTo("Knows");
      assertThat(knows.path("from").asText()).isEqualTo("ada");
      assertThat(knows.path("to").asText()).isEqualTo("bob");
      assertThat(knows.path("data").path("since").asText()).isEqualTo("2020-01-02");

      ByteArrayOutputStream edges = new ByteArrayOutputStream();
      assertThat(root.export(edges, "main", List.of("knows"))).isEqualTo(2);
      assertThatThrownBy(() -> root.export(new ByteArrayOutputStream(), "main", List.of("Nope")))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> assertThat(e.kind()).isEqualTo(RootException.Kind.UNKNOWN_TYPE));
    }
  }

  @Test
  void roundTripReproducesGeneratedIdsAndBranchState() throws IOException {
    String uri = WriteFixture.init(dir);
    byte[] exported;
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.createBranch("review", null);
      mutate(root, "add_note", "{\"text\":\"a\",\"by\":\"ada\"}", "review");
      mutate(root, "set_status", "{\"slug\":\"bob\",\"status\":\"active\"}", "review");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      root.export(out, "review", List.of());
      exported = out.toByteArray();
      assertSameEntities(root.snapshot("review"), reload(WriteFixture.schema(), exported));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cookbooks")
  void everyCookbookRoundTrips(Path cookbook) throws IOException {
    CompiledSchema schema =
        SchemaCompiler.compile("schema.pg", Files.readString(cookbook.resolve("schema.pg")))
            .value();
    String uri = dir.resolve("a").toString();
    GraphRoot.init(uri, schema, null, Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of());
        InputStream seed = Files.newInputStream(cookbook.resolve("seed.jsonl"))) {
      root.load(seed, LoadMode.MERGE, "main", null);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long n = root.export(out, "main", null);
      assertThat(n).isPositive();
      assertSameEntities(root.snapshot("main"), reload(schema, out.toByteArray()));
    }
  }

  private RootSnapshot reload(CompiledSchema schema, byte[] jsonl) throws IOException {
    String uri = dir.resolve("copy").toString();
    GraphRoot.init(uri, schema, null, Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.load(new ByteArrayInputStream(jsonl), LoadMode.APPEND, "main", null);
      return root.snapshot("main");
    }
  }

  private static void assertSameEntities(RootSnapshot a, RootSnapshot b) {
    for (String type : a.catalog().nodes().keySet()) {
      assertRows(EntityRows.nodes(a, type), EntityRows.nodes(b, type));
    }
    for (EdgeType e : a.catalog().edges().values()) {
      assertRows(EntityRows.edges(a, e), EntityRows.edges(b, e));
    }
  }

  private static void assertRows(EntityRows a, EntityRows b) {
    assertThat(b.rows().keySet()).as(a.type()).isEqualTo(a.rows().keySet());
    a.rows()
        .forEach(
            (id, row) ->
                assertThat(EntityRows.same(row, b.rows().get(id)))
                    .as(a.type() + " " + id)
                    .isTrue());
  }
}
