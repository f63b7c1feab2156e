package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.load.GraphBatchReader;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.load.StagedBatch;
import io.omnigraph.engine.load.StagedNodes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lance.Dataset;

/** Interrupted writes: unpublished Lance versions are detected and rolled back before a load. */
class RecoveryTest {
  private static final String SCHEMA = "node Person { slug: String @key\n age: I64? }\n";

  @TempDir Path dir;

  private static InputStream jsonl(String line) {
    return new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8));
  }

  private static String person(String slug) {
    return "{\"type\":\"Person\",\"data\":{\"slug\":\"" + slug + "\"}}";
  }

  @Test
  void orphanedWritesAreRefusedThenRolledBackFromTheirIntent() throws IOException {
    String uri = dir.resolve("g").toString();
    CompiledSchema schema = SchemaCompiler.compile("s.pg", SCHEMA).value();
    GraphRoot.init(uri, schema, null, Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.load(jsonl(person("ada")), LoadMode.APPEND, "main", null);
      TablePin pin = root.manifest().branch("main").tables().get("node:Person");
      String tableUri = root.store().datasetUri(pin.path());

      // a write that never got published (crash between the Lance write and the manifest)
      orphanWrite(root, tableUri, pin.version(), "zed");
      assertThat(root.snapshot("main").nodes("Person").rowOf("zed")).isEqualTo(-1);
      assertThatThrownBy(() -> root.load(jsonl(person("bob")), LoadMode.MERGE, "main", null))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> assertThat(e.kind()).isEqualTo(RootException.Kind.READ_SET_CONFLICT));

      // with its write intent left behind, the next load rolls it back and succeeds
      root.store()
          .put(
              RootLayout.recoveryKey("01ARZ3NDEKTSV4RRFFQ69G5FAV"),
              "{\"write_id\":\"01ARZ3NDEKTSV4RRFFQ69G5FAV\",\"graph_branch\":\"main\","
                  + "\"created_at\":0,\"tables\":{\"node:Person\":{\"path\":\""
                  + pin.path()
                  + "\",\"base_version\":"
                  + pin.version()
                  + "}}}");
      root.load(jsonl(person("bob")), LoadMode.MERGE, "main", null);
      RootSnapshot snap = root.snapshot("main");
      assertThat(snap.nodes("Person").size()).isEqualTo(2);
      assertThat(snap.nodes("Person").rowOf("zed")).isEqualTo(-1);
      assertThat(root.store().objects().list(RootLayout.RECOVERY)).isEmpty();

      // overwrite keeps the auto-cleanup hook stripped
      root.load(jsonl(person("cy")), LoadMode.OVERWRITE, "main", null);
      TablePin after = root.manifest().branch("main").tables().get("node:Person");
      try (RootAllocator a = new RootAllocator();
          Dataset ds = new LanceTables(a, Map.of()).open(tableUri, after.version())) {
        assertThat(ds.getConfig().keySet()).noneMatch(k -> k.startsWith("lance.auto_cleanup"));
        assertThat(ds.countRows()).isEqualTo(1);
      }
    }
  }

  private static void orphanWrite(GraphRoot root, String tableUri, long version, String slug)
      throws IOException {
    StagedBatch b =
        GraphBatchReader.forSnapshot(root.snapshot("main"))
            .mode(LoadMode.MERGE)
            .build()
            .read(jsonl(person(slug)));
    StagedNodes rows = b.nodes("Person").orElseThrow();
    try (RootAllocator a = new RootAllocator();
        RowsReader r = RowsReader.of(a, rows)) {
      new LanceTables(a, Map.of()).mergeInsert(new LanceTables.Loc(tableUri, null), r, false);
    }
  }
}
