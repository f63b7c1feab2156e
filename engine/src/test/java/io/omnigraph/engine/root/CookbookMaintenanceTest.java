package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.engine.load.LoadMode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cookbook: init, load its seed, optimize (every declared index of a table with rows is built
 * or reported pending), cleanup --keep 1 — and the graph reads the same before and after.
 */
class CookbookMaintenanceTest {
  @TempDir Path dir;

  static Stream<Path> cookbooks() throws Exception {
    try (Stream<Path> s = Files.list(Fixtures.cookbooks())) {
      return s
          .filter(
              p -> Files.exists(p.resolve("schema.pg")) && Files.exists(p.resolve("seed.jsonl")))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cookbooks")
  void optimizeAndCleanupKeepEveryRow(Path cookbook) throws Exception {
    String uri = dir.resolve("g").toString();
    var schema =
        SchemaCompiler.compile("schema.pg", Files.readString(cookbook.resolve("schema.pg")))
            .value();
    GraphRoot.init(uri, schema, null, Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      try (InputStream in = Files.newInputStream(cookbook.resolve("seed.jsonl"))) {
        root.load(in, LoadMode.MERGE, "main", "seed");
      }
      SnapshotInfo before = root.snapshotInfo("main");

      OptimizeReport r = root.optimize();
      assertThat(r.datasets()).allMatch(d -> d.error() == null && d.skipped() == null);
      assertThat(r.commit()).isNotNull();
      for (OptimizeReport.Row d : r.datasets()) {
        List<String> built = MaintenanceFixture.indexesAt(root, d.typeKey());
        long rows =
            before.datasets().stream()
                .filter(x -> (x.entityKind() + ":" + x.typeName()).equals(d.typeKey()))
                .findFirst()
                .orElseThrow()
                .entityCount();
        // every declared index is either built or reported pending with a reason
        List<PendingIndex> pending = new java.util.ArrayList<>();
        for (IndexReconciler.Wanted w :
            IndexReconciler.wanted(root.catalog(), d.typeKey(), pending).values()) {
          if (rows > 0) {
            assertThat(built).as(d.typeKey()).contains(w.name());
          }
        }
      }
      assertThat(root.optimize().commit()).isNull();

      CleanupReport c = root.cleanup(new RetentionPolicy(1, null), true);
      assertThat(c.failed()).isEmpty();
      SnapshotInfo after = root.snapshotInfo("main");
      assertThat(after.datasets())
          .extracting(SnapshotInfo.Dataset::entityCount)
          .isEqualTo(before.datasets().stream().map(SnapshotInfo.Dataset::entityCount).toList());
      root.snapshot("main"); // every table still materialises
    }
  }
}
