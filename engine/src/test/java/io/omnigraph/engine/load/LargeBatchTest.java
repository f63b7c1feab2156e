package io.omnigraph.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.GraphSnapshot;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A generated batch of about 200,000 lines stages as one batch (no entity ceiling). */
class LargeBatchTest {
  @Test
  void twoHundredThousandLinesStageWithExactCounts() throws IOException {
    Catalog catalog = LoadTesting.catalog(GeneratedBatch.SCHEMA);
    GeneratedBatch input = new GeneratedBatch(20_000, 1_000, 8, 42);
    StagedBatch b =
        LoadTesting.reader(LoadTesting.empty(catalog), LoadMode.MERGE).build().read(input);
    assertThat(b.lines()).isEqualTo(input.lines()).isEqualTo(201_000);
    assertThat(b.nodeCounts())
        .containsExactly(new TypeCount("Company", 1_000), new TypeCount("Person", 20_000));
    assertThat(b.edgeCounts())
        .containsExactly(new TypeCount("Knows", 160_000), new TypeCount("WorksAt", 20_000));
    assertThat(b.totalEntities()).isEqualTo(201_000);
    StagedEdges worksAt = b.edges("WorksAt").orElseThrow();
    assertThat(worksAt.src(19_999)).isEqualTo("p19999");
    assertThat(worksAt.dst(0)).startsWith("c");
    StagedEdges knows = b.edges("Knows").orElseThrow();
    assertThat(knows.id(0)).isLessThan(knows.id(159_999));
  }

  @Test
  void reloadingABatchIntoTheGraphItBuilt() throws IOException {
    Catalog catalog = LoadTesting.catalog(GeneratedBatch.SCHEMA);
    GraphBatchReader.Builder first =
        LoadTesting.reader(LoadTesting.empty(catalog), LoadMode.APPEND);
    StagedBatch b = first.build().read(new GeneratedBatch(2_000, 100, 2, 1));
    GraphSnapshot g = InMemoryCommit.apply(LoadTesting.empty(catalog), b, "c1");
    assertThat(g.nodes("Person").size()).isEqualTo(2_000);
    assertThat(g.edges("Knows").size()).isEqualTo(4_000);
    assertThat(g.commitId()).isEqualTo("c1");

    LoadException again =
        catchThrowableOfType(
            LoadException.class,
            () ->
                LoadTesting.reader(g, LoadMode.APPEND)
                    .build()
                    .read(new GeneratedBatch(2_000, 100, 2, 1)));
    assertThat(again.code()).isEqualTo("key_conflict");
    assertThat(again.line()).isEqualTo(1);

    // merge re-sends every WorksAt edge with a fresh generated id: a second edge per person
    LoadException twice =
        catchThrowableOfType(
            LoadException.class,
            () ->
                LoadTesting.reader(g, LoadMode.MERGE)
                    .build()
                    .read(new GeneratedBatch(2_000, 100, 2, 1)));
    assertThat(twice.code()).isEqualTo("cardinality_violation");
    assertThat(twice.line()).isEqualTo(6_001);
    assertThat(twice.getMessage()).contains("Person \"p0\" more than 1 WorksAt edge(s)");

    StagedBatch replaced =
        LoadTesting.reader(g, LoadMode.OVERWRITE)
            .build()
            .read(new GeneratedBatch(2_000, 100, 2, 1));
    assertThat(replaced.replacedEdgeTypes()).containsExactly("Knows", "WorksAt");
    GraphSnapshot g3 = InMemoryCommit.apply(g, replaced, "c3");
    assertThat(g3.edges("Knows").size()).isEqualTo(4_000);
    assertThat(g3.edges("WorksAt").size()).isEqualTo(2_000);
  }
}
