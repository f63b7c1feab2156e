package io.omnigraph.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.engine.graph.GraphSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every cookbook's seed.jsonl loads with merge into an empty graph of its schema. */
class CookbookSeedTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> seeds() {
    return Fixtures.files("seed.jsonl").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("seeds")
  void seedLoadsCleanlyWithTheCountsOfTheFile(Path seed) throws IOException {
    Path schema = seed.resolveSibling("schema.pg");
    Catalog catalog = LoadTesting.catalog(Files.readString(schema));
    StagedBatch batch;
    try (InputStream in = Files.newInputStream(seed)) {
      batch = LoadTesting.reader(LoadTesting.empty(catalog), LoadMode.MERGE).build().read(in);
    }
    Map<String, Long> nodes = new TreeMap<>();
    Map<String, Long> edges = new TreeMap<>();
    countFromJsonl(seed, catalog, nodes, edges);
    assertThat(nodes).isNotEmpty();
    assertThat(batch.nodeCounts()).isEqualTo(asCounts(nodes));
    assertThat(batch.edgeCounts()).isEqualTo(asCounts(edges));
    long total = nodes.values().stream().mapToLong(Long::longValue).sum();
    total += edges.values().stream().mapToLong(Long::longValue).sum();
    assertThat(batch.totalEntities()).isEqualTo(total);
    assertThat(batch.summaryJson().get("total_entities").asLong()).isEqualTo(total);
    GraphSnapshot graph = InMemoryCommit.apply(LoadTesting.empty(catalog), batch, null);
    nodes.forEach((type, n) -> assertThat((long) graph.nodes(type).size()).as(type).isEqualTo(n));
    edges.forEach((type, n) -> assertThat((long) graph.edges(type).size()).as(type).isEqualTo(n));
  }

  /** Records per type, straight from the file (each seed record has a distinct id). */
  private static void countFromJsonl(
      Path seed, Catalog catalog, Map<String, Long> nodes, Map<String, Long> edges)
      throws IOException {
    for (String line : Files.readAllLines(seed)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode r = JSON.readTree(line);
      if (r.has("type")) {
        nodes.merge(r.get("type").asText(), 1L, Long::sum);
      } else {
        edges.merge(catalog.edge(r.get("edge").asText()).orElseThrow().name(), 1L, Long::sum);
      }
    }
  }

  private static List<TypeCount> asCounts(Map<String, Long> counts) {
    return counts.entrySet().stream().map(e -> new TypeCount(e.getKey(), e.getValue())).toList();
  }
}
