package io.omnigraph.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.Catalog;
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
  void appendOfTheSameBatchTwiceConflictsOnTheFirstRepeatedLine() throws IOException {
    Catalog catalog = LoadTesting.catalog(GeneratedBatch.SCHEMA);
    GeneratedBatch first = new GeneratedBatch(2_000, 100, 2, 1);
    StagedBatch b =
        LoadTesting.reader(LoadTesting.empty(catalog), LoadMode.APPEND).build().read(first);
    assertThat(b.totalEntities()).isEqualTo(first.lines());
  }
}
