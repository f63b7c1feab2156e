package io.omnigraph.engine.lance;

import static io.omnigraph.engine.lance.LanceRows.expected;
import static io.omnigraph.engine.lance.LanceRows.nodeSchema;
import static io.omnigraph.engine.lance.LanceRows.nodes;
import static io.omnigraph.engine.lance.LanceRows.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.storage.S3Settings;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lance.Branch;
import org.lance.Dataset;
import org.lance.JniLoader;
import org.lance.ReadOptions;
import org.lance.Ref;
import org.lance.Session;
import org.lance.SourcedTransaction;
import org.lance.Tag;
import org.lance.Version;
import org.lance.WriteParams.WriteMode;
import org.lance.cleanup.CleanupPolicy;
import org.lance.cleanup.RemovalStats;
import org.lance.compaction.CompactionOptions;
import org.lance.index.DistanceType;
import org.lance.index.Index;
import org.lance.index.IndexOptions;
import org.lance.index.IndexParams;
import org.lance.index.IndexType;
import org.lance.index.OptimizeOptions;
import org.lance.index.scalar.BTreeIndexParams;
import org.lance.index.scalar.InvertedIndexParams;
import org.lance.index.vector.HnswBuildParams;
import org.lance.index.vector.IvfBuildParams;
import org.lance.index.vector.PQBuildParams;
import org.lance.index.vector.SQBuildParams;
import org.lance.index.vector.VectorIndexParams;
import org.lance.ipc.ColumnOrdering;
import org.lance.ipc.FullTextQuery;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.Query;
import org.lance.ipc.ScanOptions;
import org.lance.merge.MergeInsertParams;
import org.lance.merge.MergeInsertResult;
import org.lance.operation.UpdateConfig;
import org.lance.operation.UpdateMap;
import org.lance.schema.ColumnAlteration;
import org.lance.schema.SqlExpressions;

/**
 * Executable facts about the Lance Java API ({@code org.lance:lance-core:4.0.0}, Arrow 18.3.0) that
 * the graph engine relies on. Each test is one numbered fact of {@code docs/lance-notes.md}; the
 * assertions are the observed behaviour. Costs were measured once (docs/lance-notes.md, fact 10);
 * benchmarks belong in the bench module, never in this suite.
 */
class LanceFactsTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  static {
    JniLoader.ensureLoaded();
  }

  private static final String[] AUTO_CLEANUP_KEYS = {
    "lance.auto_cleanup.interval", "lance.auto_cleanup.older_than"
  };

  private static RootAllocator rootAllocator;

  @TempDir Path dir;
  private BufferAllocator alloc;

  @BeforeAll
  static void openRoot() {
    rootAllocator = new RootAllocator();
  }

  @AfterAll
  static void closeRoot() {
    rootAllocator.close(); // throws if any child leaked Arrow memory
  }

  @BeforeEach
  void openAllocator(TestInfo info) {
    alloc = rootAllocator.newChildAllocator(info.getDisplayName(), 0, Long.MAX_VALUE);
  }

  @AfterEach
  void checkNoLeaks() throws IOException {
    assertThat(alloc.getAllocatedMemory()).as("Arrow memory still allocated").isZero();
    alloc.close();
    // Native readers close their files asynchronously; give them a moment before calling it a leak.
    long deadline = System.nanoTime() + 2_000_000_000L;
    List<String> open = openFilesUnder(dir);
    while (!open.isEmpty() && System.nanoTime() < deadline) {
      sleep(10);
      open = openFilesUnder(dir);
    }
    assertThat(open).as("file handles left open under the test dir").isEmpty();
    if (System.nanoTime() > deadline - 1_990_000_000L) {
      System.out.printf(
          "native file handles closed %.0f ms after the test%n",
          (System.nanoTime() - deadline + 2e9) / 1e6);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 1: create, append, versions, time travel, empty datasets, errors
  // ---------------------------------------------------------------------------------------------

  @Test
  void fact1_createAppendVersionsAndTimeTravel() throws Exception {
    String uri = uri("people");
    List<String> all = columnNames(nodeSchema());

    try (ArrowReader in = nodes(alloc, 0, 20, 7);
        Dataset created = write(uri, in, WriteMode.CREATE)) {
      assertThat(created.version()).isEqualTo(1);
      assertThat(created.countRows()).isEqualTo(20);
      assertThat(created.getSchema().getFields()).isEqualTo(nodeSchema().getFields());
      assertThat(created.getLanceFileFormatVersion()).isEqualTo("2.0");
      // Every type round-trips exactly, nulls included; a fresh dataset scans in write order.
      assertThat(scan(created, new ScanOptions.Builder().build())).isEqualTo(expected(0, 20, all));
      // Three 7-row batches still make one fragment (one data file) per write.
      assertThat(created.getFragments()).hasSize(1);

      try (ArrowReader more = nodes(alloc, 20, 5, 5);
          Dataset appended = write(uri, more, WriteMode.APPEND)) {
        assertThat(appended.version()).isEqualTo(2);
        assertThat(appended.countRows()).isEqualTo(25);
        assertThat(appended.getFragments()).hasSize(2);
      }
      // A handle is pinned to its version: the create handle still sees version 1.
      assertThat(created.version()).isEqualTo(1);
      assertThat(created.countRows()).isEqualTo(20);
      assertThat(created.latestVersion()).isEqualTo(2);
    }

    try (Dataset latest = open(uri)) {
      assertThat(latest.version()).isEqualTo(2);
      List<Version> versions = latest.listVersions();
      assertThat(versions).extracting(Version::getId).containsExactly(1L, 2L);
      assertThat(versions.get(0).getManifestSummary().getTotalRows()).isEqualTo(20);
      assertThat(versions.get(1).getManifestSummary().getTotalRows()).isEqualTo(25);
      assertThat(versions.get(1).getDataTime()).isAfterOrEqualTo(versions.get(0).getDataTime());
      try (Dataset v1 = latest.checkoutVersion(1)) {
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.countRows()).isEqualTo(20);
      }
      assertThat(latest.readTransaction().orElseThrow().operation().name()).isEqualTo("Append");
      assertThat(opName(latest, 1)).isEqualTo("Overwrite"); // CREATE is recorded as Overwrite
    }
    try (Dataset v1 =
        Dataset.open()
            .allocator(alloc)
            .uri(uri)
            .readOptions(new ReadOptions.Builder().setVersion(1).build())
            .build()) {
      assertThat(v1.version()).isEqualTo(1);
      assertThat(v1.countRows()).isEqualTo(20);
    }

    // An empty dataset from a schema alone (what `init` needs for every declared type).
    String empty = uri("empty");
    try (Dataset e = Dataset.write().allocator(alloc).schema(nodeSchema()).uri(empty).execute()) {
      assertThat(e.version()).isEqualTo(1);
      assertThat(e.countRows()).isZero();
      assertThat(e.getSchema().getFields()).isEqualTo(nodeSchema().getFields());
    }

    // One Session (index + metadata caches) can serve every dataset of a graph.
    try (Session session =
            Session.builder()
                .indexCacheSizeBytes(64L << 20)
                .metadataCacheSizeBytes(16L << 20)
                .build();
        Dataset a = Dataset.open().allocator(alloc).uri(uri).session(session).build();
        Dataset b = Dataset.open().allocator(alloc).uri(empty).session(session).build()) {
      assertThat(a.session().isSameAs(b.session())).isTrue();
      assertThat(a.countRows("age > 3")).isPositive();
      assertThat(session.sizeBytes()).isPositive();
    }

    // Errors: CREATE on an existing dataset, opening a missing one or a missing version.
    try (ArrowReader in = nodes(alloc, 0, 1, 1)) {
      assertThatThrownBy(() -> write(uri, in, WriteMode.CREATE).close())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Dataset already exists");
    }
    assertThatThrownBy(() -> open(uri("missing")).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was not found");
    try (Dataset latest = open(uri)) {
      assertThatThrownBy(() -> latest.checkoutVersion(9).close())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("9.manifest was not found");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 2: append, delete, merge-insert (upsert, insert-if-absent, strict insert), update,
  // overwrite
  // ---------------------------------------------------------------------------------------------

  @Test
  void fact2_writeOperations() throws Exception {
    String uri = uri("people");
    try (ArrowReader in = nodes(alloc, 0, 10, 10)) {
      write(uri, in, WriteMode.CREATE).close(); // v1: n0..n9
    }
    try (ArrowReader in = nodes(alloc, 10, 5, 5)) {
      write(uri, in, WriteMode.APPEND).close(); // v2: n0..n14
    }

    try (Dataset ds = open(uri)) {
      // delete(predicate) is void and moves *this handle* to the new version.
      ds.delete("id IN ('n0', 'n1')");
      assertThat(ds.version()).isEqualTo(3);
      assertThat(ds.countRows()).isEqualTo(13);
      assertThat(ds.readTransaction().orElseThrow().operation().name()).isEqualTo("Delete");
      // A predicate that matches nothing still commits a version.
      ds.delete("id = 'nobody'");
      assertThat(ds.version()).isEqualTo(4);

      // Upsert by id: matched rows replaced, new rows inserted; returns a NEW handle.
      MergeInsertResult up;
      try (ArrowReader src = LanceRows.renamedNodes(alloc, 12, 5, "upd-");
          ArrowArrayStream s = LanceRows.stream(alloc, src)) {
        up = ds.mergeInsert(new MergeInsertParams(List.of("id")).withMatchedUpdateAll(), s);
      }
      try (Dataset after = up.dataset()) {
        assertThat(up.stats().numUpdatedRows()).isEqualTo(3); // n12..n14
        assertThat(up.stats().numInsertedRows()).isEqualTo(2); // n15, n16
        assertThat(up.stats().numDeletedRows()).isZero();
        assertThat(up.stats().numAttempts()).isEqualTo(1);
        assertThat(after.version()).isEqualTo(5);
        assertThat(ds.version()).as("the source handle stays pinned").isEqualTo(4);
        assertThat(after.countRows()).isEqualTo(15);
        assertThat(names(after, "id IN ('n11', 'n12', 'n16')"))
            .containsExactly("name-11", "upd-12", "upd-16");
        assertThat(after.readTransaction().orElseThrow().operation().name()).isEqualTo("Update");
      }
    }

    try (Dataset ds = open(uri)) {
      // Strict insert (WhenMatched.Fail): an existing id fails the whole write, no new version.
      try (ArrowReader src = nodes(alloc, 14, 3, 3);
          ArrowArrayStream s = LanceRows.stream(alloc, src)) {
        assertThatThrownBy(
                () -> ds.mergeInsert(new MergeInsertParams(List.of("id")).withMatchedFail(), s))
            .isInstanceOf(RuntimeException.class)
            .hasMessageContaining("Merge insert failed: found matching row with key values")
            .hasMessageContaining("id = \"n14\"");
      }
      assertThat(ds.latestVersion()).isEqualTo(5);

      // Insert-if-absent (the default WhenMatched.DoNothing): existing rows untouched.
      MergeInsertResult ins;
      try (ArrowReader src = LanceRows.renamedNodes(alloc, 15, 5, "new-");
          ArrowArrayStream s = LanceRows.stream(alloc, src)) {
        ins = ds.mergeInsert(new MergeInsertParams(List.of("id")), s);
      }
      try (Dataset after = ins.dataset()) {
        assertThat(ins.stats().numInsertedRows()).isEqualTo(3); // n17..n19
        assertThat(ins.stats().numUpdatedRows()).isZero();
        assertThat(names(after, "id IN ('n15', 'n17')")).containsExactly("upd-15", "new-17");
        assertThat(after.version()).isEqualTo(6);
      }
    }

    // Duplicate keys inside one merge-insert source are rejected.
    try (Dataset ds = open(uri);
        ArrowReader src = duplicateIds();
        ArrowArrayStream s = LanceRows.stream(alloc, src)) {
      assertThatThrownBy(
              () -> ds.mergeInsert(new MergeInsertParams(List.of("id")).withMatchedUpdateAll(), s))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("Ambiguous merge insert");
    }

    // "UPDATE ... SET age = age + 1000 WHERE age < 5": there is no Dataset.update(...) in Java;
    // read (id, age) with the predicate, compute, and merge-insert just those two columns.
    try (Dataset ds = open(uri)) {
      List<Map<String, Object>> hits =
          scan(
              ds,
              new ScanOptions.Builder().columns(List.of("id", "age")).filter("age < 5").build());
      assertThat(hits).extracting(m -> m.get("id")).containsExactly("n2", "n3", "n4");
      Schema partial =
          new Schema(
              List.of(
                  LanceRows.field("id", new ArrowType.Utf8(), false),
                  LanceRows.field("age", new ArrowType.Int(32, true), true)));
      MergeInsertResult upd;
      try (ArrowReader src =
              new LanceRows.GeneratedReader(
                  alloc,
                  partial,
                  hits.size(),
                  hits.size(),
                  (root, off, n) -> {
                    root.allocateNew();
                    for (int k = 0; k < n; k++) {
                      Map<String, Object> h = hits.get(off + k);
                      ((VarCharVector) root.getVector("id"))
                          .setSafe(k, LanceRows.utf8((String) h.get("id")));
                      ((IntVector) root.getVector("age")).setSafe(k, (Integer) h.get("age") + 1000);
                    }
                    root.setRowCount(n);
                  });
          ArrowArrayStream s = LanceRows.stream(alloc, src)) {
        upd =
            ds.mergeInsert(
                new MergeInsertParams(List.of("id"))
                    .withMatchedUpdateAll()
                    .withNotMatched(MergeInsertParams.WhenNotMatched.DoNothing),
                s);
      }
      try (Dataset after = upd.dataset()) {
        assertThat(upd.stats().numUpdatedRows()).isEqualTo(3);
        assertThat(upd.stats().numInsertedRows()).isZero();
        List<Map<String, Object>> rows =
            scan(
                after,
                new ScanOptions.Builder()
                    .columns(List.of("id", "name", "age", "seen"))
                    .filter("id = 'n3'")
                    .build());
        // Only `age` changed; the columns missing from the source kept their values.
        assertThat(rows)
            .containsExactly(
                Map.of("id", "n3", "name", "name-3", "age", 1003, "seen", row(3).get("seen")));
        assertThat(after.countRows()).isEqualTo(18);
      }
    }

    // Overwrite replaces the rows (new version, older versions intact).
    try (ArrowReader in = nodes(alloc, 100, 3, 3);
        Dataset over = write(uri, in, WriteMode.OVERWRITE)) {
      assertThat(over.version()).isEqualTo(8);
      assertThat(over.countRows()).isEqualTo(3);
      assertThat(over.readTransaction().orElseThrow().operation().name()).isEqualTo("Overwrite");
      try (Dataset before = over.checkoutVersion(7)) {
        assertThat(before.countRows()).isEqualTo(18);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 3: scans (projection, SQL filters, limit/offset, ordering, counts, batches, take)
  // ---------------------------------------------------------------------------------------------

  @Test
  void fact3_scansAndFilters() throws Exception {
    String uri = uri("people");
    for (int f = 0; f < 3; f++) { // 30 rows in 3 fragments
      try (ArrowReader in = nodes(alloc, f * 10, 10, 10)) {
        write(uri, in, f == 0 ? WriteMode.CREATE : WriteMode.APPEND).close();
      }
    }
    try (Dataset ds = open(uri)) {
      Map<String, Predicate<Map<String, Object>>> filters = new java.util.LinkedHashMap<>();
      filters.put("id = 'n3'", r -> r.get("id").equals("n3"));
      filters.put("id IN ('n1', 'n2', 'zz')", r -> List.of("n1", "n2").contains(r.get("id")));
      filters.put("age BETWEEN 3 AND 5", r -> between(r.get("age"), 3, 5));
      filters.put("age >= 3 AND age < 5", r -> between(r.get("age"), 3, 4));
      filters.put("age IN (1, 2, 3)", r -> between(r.get("age"), 1, 3));
      // NULL never satisfies a comparison, also not `!=` or NOT IN.
      filters.put("age != 3", r -> r.get("age") != null && !r.get("age").equals(3));
      filters.put(
          "age NOT IN (1, 2, 3)", r -> r.get("age") != null && !between(r.get("age"), 1, 3));
      filters.put("name IS NULL", r -> r.get("name") == null);
      filters.put(
          "name IS NOT NULL AND age IS NULL", r -> r.get("name") != null && r.get("age") == null);
      filters.put("big > 25000000000", r -> (Long) r.get("big") > 25_000_000_000L);
      filters.put("score = 1.5", r -> r.get("score").equals(1.5));
      filters.put("active", r -> (Boolean) r.get("active"));
      filters.put(
          "NOT active AND age < 10",
          r -> !(Boolean) r.get("active") && between(r.get("age"), 0, 9));
      // Unquoted identifiers resolve case-insensitively; keywords work as column names.
      filters.put("firstName = 'F3'", r -> r.get("firstName").equals("F3"));
      filters.put("`firstName` = 'F3'", r -> r.get("firstName").equals("F3"));
      filters.put("firstname = 'F3'", r -> r.get("firstName").equals("F3"));
      filters.put("`order` = 3", r -> r.get("order").equals(3));
      filters.put("order = 3", r -> r.get("order").equals(3));
      // Date32 / Timestamp(ms, UTC) need typed literals (integers are rejected, see below).
      filters.put("born = DATE '2019-04-17'", r -> r.get("born").equals(LanceRows.BORN_BASE + 3));
      filters.put(
          "seen > TIMESTAMP '2023-11-14 22:13:40'",
          r -> (Long) r.get("seen") > LanceRows.SEEN_BASE + 20_000);
      filters.put(
          "seen = TIMESTAMP '2023-11-14T22:13:23.000Z'",
          r -> r.get("seen").equals(LanceRows.SEEN_BASE + 3_000));
      filters.put(
          "array_has(tags, 't1')",
          r -> r.get("tags") != null && ((List<?>) r.get("tags")).contains("t1"));
      filters.put(
          "array_has_any(tags, ['t1', 't2'])",
          r ->
              r.get("tags") != null
                  && (((List<?>) r.get("tags")).contains("t1")
                      || ((List<?>) r.get("tags")).contains("t2")));
      filters.put("emb IS NULL", r -> r.get("emb") == null);
      filters.put(
          "name LIKE 'name-1%'",
          r -> r.get("name") != null && ((String) r.get("name")).startsWith("name-1"));
      filters.put(
          "starts_with(name, 'name-2')",
          r -> r.get("name") != null && ((String) r.get("name")).startsWith("name-2"));
      filters.put(
          "regexp_like(name, '^name-2[0-9]$')",
          r -> r.get("name") != null && ((String) r.get("name")).matches("name-2[0-9]"));
      filters.put("name = 'it''s'", r -> false); // '' escapes a quote
      Predicate<Map<String, Object>> name1 =
          r -> r.get("name") != null && ((String) r.get("name")).contains("e-1");
      filters.put("contains(name, 'e-1')", name1);
      filters.put("strpos(name, 'e-1') > 0", name1);
      filters.put("name ILIKE 'NAME-1%'", name1);
      filters.put("lower(name) = 'name-1'", r -> "name-1".equals(r.get("name")));
      filters.put(
          "length(name) = 6", r -> r.get("name") != null && ((String) r.get("name")).length() == 6);
      filters.put("id = 'n3' OR id = 'n4'", r -> List.of("n3", "n4").contains(r.get("id")));
      filters.put("age <> 3", r -> r.get("age") != null && !r.get("age").equals(3));
      filters.put("NOT (age = 3)", r -> r.get("age") != null && !r.get("age").equals(3));
      filters.put(
          "array_contains(tags, 't1')",
          r -> r.get("tags") != null && ((List<?>) r.get("tags")).contains("t1"));
      filters.put("array_length(tags) = 2", r -> r.get("tags") != null);
      filters.put(
          "emb[1] = 2.0",
          r -> r.get("emb") != null && ((List<?>) r.get("emb")).get(0).equals(2.0f));
      for (var e : filters.entrySet()) {
        List<String> want =
            IntStream.range(0, 30)
                .mapToObj(LanceRows::row)
                .filter(e.getValue())
                .map(r -> (String) r.get("id"))
                .toList();
        assertThat(ids(ds, e.getKey())).as(e.getKey()).isEqualTo(want);
        assertThat(ds.countRows(e.getKey())).as("countRows " + e.getKey()).isEqualTo(want.size());
      }

      // Rejected filters: untyped literals for Date32/Timestamp, wrong literal type, unknown
      // column.
      assertThatThrownBy(() -> ids(ds, "born = 18003"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("could not convert to literal of type 'Date32'");
      assertThatThrownBy(() -> ids(ds, "seen = 1700000003000"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Timestamp(Millisecond, Some(\"UTC\"))");
      assertThatThrownBy(() -> ids(ds, "age = 'abc'"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("could not convert to literal of type 'Int32'");
      assertThatThrownBy(() -> ds.countRows("nonexistent = 1"))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("No field named nonexistent");
      assertThatThrownBy(() -> scan(ds, new ScanOptions.Builder().columns(List.of("nope")).build()))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("No field named nope");

      // Projection keeps the requested order; ordering by several columns; offset + limit.
      List<Map<String, Object>> page =
          scan(
              ds,
              new ScanOptions.Builder()
                  .columns(List.of("age", "id"))
                  .filter("age < 12")
                  .setColumnOrderings(List.of(ordering("active", false), ordering("age", true)))
                  .offset(1)
                  .limit(4)
                  .build());
      assertThat(page).extracting(m -> List.copyOf(m.keySet())).containsOnly(List.of("age", "id"));
      List<String> ordered =
          IntStream.range(0, 30)
              .mapToObj(LanceRows::row)
              .filter(r -> between(r.get("age"), 0, 11))
              .sorted(
                  Comparator.comparing((Map<String, Object> r) -> !(Boolean) r.get("active"))
                      .thenComparing(r -> (Integer) r.get("age")))
              .map(r -> (String) r.get("id"))
              .toList();
      assertThat(ordered).startsWith("n2", "n4", "n6", "n8", "n10");
      assertThat(page).extracting(m -> m.get("id")).isEqualTo(ordered.subList(1, 5));

      // Batches: batchSize caps every batch; batches never span fragments.
      List<Integer> sizes = new ArrayList<>();
      try (LanceScanner sc = ds.newScan(new ScanOptions.Builder().batchSize(8).build());
          ArrowReader r = sc.scanBatches()) {
        assertThat(sc.schema().getFields()).isEqualTo(nodeSchema().getFields());
        while (r.loadNextBatch()) {
          sizes.add(r.getVectorSchemaRoot().getRowCount());
        }
      }
      assertThat(sizes).containsExactly(8, 2, 8, 2, 8, 2);
      try (LanceScanner sc = ds.newScan(new ScanOptions.Builder().filter("age < 10").build())) {
        assertThat(sc.countRows()).isEqualTo(ds.countRows("age < 10"));
      }
      // Row ids / addresses on request; take() by row offset.
      List<Map<String, Object>> withIds =
          scan(
              ds,
              new ScanOptions.Builder()
                  .columns(List.of("id"))
                  .withRowId(true)
                  .withRowAddress(true)
                  .filter("id = 'n12'")
                  .build());
      assertThat(withIds.get(0)).containsKeys("id", "_rowid", "_rowaddr");
      assertThat(withIds.get(0).get("_rowaddr")).isEqualTo((1L << 32) + 2); // fragment 1, row 2
      try (ArrowReader r = ds.take(List.of(0L, 12L, 29L), List.of("id"))) {
        assertThat(LanceRows.readAll(r))
            .extracting(m -> m.get("id"))
            .containsExactly("n0", "n12", "n29");
      }
      // DataFusion SQL over the dataset (table name `dataset`).
      try (ArrowReader r =
          ds.sql("SELECT active, count(*) AS n FROM dataset GROUP BY active ORDER BY active")
              .intoBatchRecords()) {
        assertThat(LanceRows.readAll(r))
            .containsExactly(Map.of("active", false, "n", 15L), Map.of("active", true, "n", 15L));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 4: schema evolution (drop, add, rename) and older versions
  // ---------------------------------------------------------------------------------------------

  @Test
  void fact4_schemaEvolution() throws Exception {
    String uri = uri("people");
    try (ArrowReader in = nodes(alloc, 0, 10, 10)) {
      write(uri, in, WriteMode.CREATE).close();
    }
    try (Dataset ds = open(uri)) {
      // dropColumns: metadata-only (Project), moves this handle; old versions keep the column.
      ds.dropColumns(List.of("score"));
      assertThat(ds.version()).isEqualTo(2);
      assertThat(columnNames(ds.getSchema())).doesNotContain("score");
      assertThat(ds.readTransaction().orElseThrow().operation().name()).isEqualTo("Project");
      try (Dataset v1 = ds.checkoutVersion(1)) {
        assertThat(scan(v1, byId("n3", "score"))).containsExactly(Map.of("id", "n3", "score", 1.5));
      }

      // addColumns(List<Field>): an all-null nullable column, no data rewrite (Merge).
      ds.addColumns(List.of(LanceRows.field("nick", new ArrowType.Utf8(), true)));
      assertThat(ds.version()).isEqualTo(3);
      assertThat(scan(ds, byId("n3", "nick"))).containsExactly(nullable("id", "n3", "nick", null));
      // addColumns(SqlExpressions): computed or typed-null columns.
      ds.addColumns(
          new SqlExpressions.Builder()
              .withExpression("rank", "CAST(NULL AS BIGINT)")
              .withExpression("age2", "age * 2")
              .build(),
          Optional.empty());
      assertThat(ds.version()).isEqualTo(4);
      assertThat(ds.getSchema().findField("rank").getType()).isEqualTo(new ArrowType.Int(64, true));
      assertThat(scan(ds, byId("n3", "rank", "age2")))
          .containsExactly(nullable("id", "n3", "rank", null, "age2", 6));
      // A non-nullable all-null column is refused.
      assertThatThrownBy(
              () -> ds.addColumns(List.of(LanceRows.field("req", new ArrowType.Utf8(), false))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("All-null columns must be nullable");

      // alterColumns rename (Project); old versions read the old name.
      ds.alterColumns(List.of(new ColumnAlteration.Builder("name").rename("fullName").build()));
      assertThat(ds.version()).isEqualTo(5);
      assertThat(ids(ds, "fullName = 'name-3'")).containsExactly("n3");
      try (Dataset v1 = ds.checkoutVersion(1)) {
        assertThat(ids(v1, "name = 'name-3'")).containsExactly("n3");
      }
      assertThatThrownBy(
              () ->
                  ds.alterColumns(
                      List.of(new ColumnAlteration.Builder("nick").nullable(false).build())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("contains NULL values and cannot be made non-nullable");
      assertThatThrownBy(() -> ds.dropColumns(List.of("nope")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Column nope does not exist");

      // castTo commits a version but (4.0.0) leaves the type unchanged: do not rely on it.
      ds.alterColumns(
          List.of(new ColumnAlteration.Builder("age").castTo(new ArrowType.Int(64, true)).build()));
      assertThat(ds.version()).isEqualTo(6);
      assertThat(ds.getSchema().findField("age").getType()).isEqualTo(new ArrowType.Int(32, true));

      // Re-adding a dropped name creates a new field: the old values do not come back.
      ds.addColumns(
          List.of(
              LanceRows.field(
                  "score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE), true)));
      assertThat(scan(ds, byId("n3", "score")))
          .containsExactly(nullable("id", "n3", "score", null));
      assertThat(ds.version()).isEqualTo(7);
    }

    // A handle opened at an old version keeps reading its schema after evolution.
    try (Dataset v1 = open(uri, 1)) {
      assertThat(columnNames(v1.getSchema())).isEqualTo(columnNames(nodeSchema()));
      assertThat(v1.countRows("score > 1")).isEqualTo(7);
    }
    // Appends must match the current schema exactly (the old one is refused).
    try (ArrowReader in = nodes(alloc, 100, 3, 3)) {
      assertThatThrownBy(() -> write(uri, in, WriteMode.APPEND).close())
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("Append with different schema");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 5: branches and tags; what writing from an older base does
  // ---------------------------------------------------------------------------------------------

  @Test
  void fact5_branchesAndTags() throws Exception {
    String uri = uri("people");
    try (ArrowReader in = nodes(alloc, 0, 6, 6)) {
      write(uri, in, WriteMode.CREATE).close(); // main v1: 6 rows
    }
    try (ArrowReader in = nodes(alloc, 6, 2, 2)) {
      write(uri, in, WriteMode.APPEND).close(); // main v2: 8 rows
    }

    try (Dataset main = open(uri)) {
      // Fork from main v1. The branch lives under <root>/tree/<name>, numbering continues from
      // the fork point (its first version is 1, same number as the parent version).
      try (Dataset feature = main.createBranch("feature", Ref.ofMain(1))) {
        assertThat(feature.uri()).isEqualTo(uri + "/tree/feature");
        assertThat(feature.version()).isEqualTo(1);
        assertThat(feature.countRows()).isEqualTo(6);

        // Handle-based writes on the branch handle go to the branch ...
        MergeInsertResult r;
        try (ArrowReader src = nodes(alloc, 100, 3, 3);
            ArrowArrayStream s = LanceRows.stream(alloc, src)) {
          r = feature.mergeInsert(new MergeInsertParams(List.of("id")).withMatchedUpdateAll(), s);
        }
        try (Dataset f2 = r.dataset()) {
          assertThat(f2.version()).isEqualTo(2);
          assertThat(f2.countRows()).isEqualTo(9);
          f2.delete("id = 'n0'");
          assertThat(f2.version()).isEqualTo(3);
        }
      }
      // ... and so do URI-based writes to the branch path.
      try (ArrowReader in = nodes(alloc, 200, 2, 2);
          Dataset f4 = write(uri + "/tree/feature", in, WriteMode.APPEND)) {
        assertThat(f4.version()).isEqualTo(4);
        assertThat(f4.countRows()).isEqualTo(10);
      }

      // Main advanced independently and does not see branch rows.
      main.checkoutLatest();
      assertThat(main.version()).isEqualTo(2);
      assertThat(main.countRows()).isEqualTo(8);
      assertThat(main.listVersions()).extracting(Version::getId).containsExactly(1L, 2L);

      // Read a branch: checkout(Ref.ofBranch(name[, version])) or open "<root>/tree/<name>".
      try (Dataset head = main.checkout(Ref.ofBranch("feature"))) {
        assertThat(head.version()).isEqualTo(4);
        assertThat(head.listVersions()).extracting(Version::getId).containsExactly(1L, 2L, 3L, 4L);
      }
      try (Dataset at2 = main.checkout(Ref.ofBranch("feature", 2))) {
        assertThat(at2.countRows()).isEqualTo(9);
      }
      try (Dataset byPath = open(uri + "/tree/feature")) {
        assertThat(byPath.version()).isEqualTo(4);
        assertThat(ids(byPath, "id >= 'n2'")).contains("n200", "n201", "n2").doesNotContain("n6");
      }

      // Branches of branches; slash names allowed; list shows the parent and fork version.
      main.createBranch("feature/sub", Ref.ofBranch("feature", 2)).close();
      List<Branch> branches = main.branches().list();
      assertThat(branches)
          .extracting(
              Branch::getName, b -> b.getParentBranch().orElse("main"), Branch::getParentVersion)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("feature", "main", 1L),
              org.assertj.core.groups.Tuple.tuple("feature/sub", "feature", 2L));
      assertThat(Files.exists(dir.resolve("people/_refs/branches/feature%2Fsub.json"))).isTrue();

      // A duplicate name fails with an internal error (check existence first).
      assertThatThrownBy(() -> main.createBranch("feature", Ref.ofMain(2)).close())
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("Clone operation should not enter build_manifest");
      // A branch with descendants cannot be deleted; a leaf can (its directory goes too).
      assertThatThrownBy(() -> main.branches().delete("feature"))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("Branch feature is referenced by");
      main.branches().delete("feature/sub");
      assertThat(Files.exists(dir.resolve("people/tree/feature/sub"))).isFalse();
      main.branches().delete("feature");
      assertThat(main.branches().list()).isEmpty();
      assertThat(Files.exists(dir.resolve("people/tree/feature"))).isFalse();

      // Tags name a (branch, version); checkoutTag reads it.
      main.tags().create("genesis", 1);
      assertThat(main.tags().list())
          .extracting(Tag::getName, Tag::getVersion)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("genesis", 1L));
      try (Dataset g = main.checkoutTag("genesis")) {
        assertThat(g.countRows()).isEqualTo(6);
      }
      main.tags().delete("genesis");
      assertThat(main.tags().list()).isEmpty();
      // Branch and tag operations live in _refs/ and never create a main version.
      assertThat(main.latestVersion()).isEqualTo(2);
    }

    // Without branches there is no fork: a write through a handle pinned at an old version is
    // rebased onto the latest version (no conflict for delete/append), never a divergent history.
    try (Dataset old = open(uri, 1)) {
      old.delete("id = 'n5'");
      assertThat(old.version()).isEqualTo(3);
      assertThat(old.countRows()).as("main's v2 rows are kept").isEqualTo(7);
      // The recorded transaction carries the version it was finally rebased onto.
      assertThat(old.readTransaction().orElseThrow().readVersion()).isEqualTo(2);
    }
    // restore(): makes the checked-out old version the latest, as a new version.
    try (Dataset main = open(uri);
        Dataset v1 = main.checkoutVersion(1)) {
      v1.restore();
      assertThat(v1.version()).isEqualTo(4);
      assertThat(v1.countRows()).isEqualTo(6);
      assertThat(v1.readTransaction().orElseThrow().operation().name()).isEqualTo("Restore");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 6: concurrent writers
  // ---------------------------------------------------------------------------------------------

  @Test
  void fact6_concurrentWriters() throws Exception {
    // Two threads appending at the same instant: both commit (append is always compatible).
    String uri = uri("threads");
    try (ArrowReader in = nodes(alloc, 0, 10, 10)) {
      write(uri, in, WriteMode.CREATE).close();
    }
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Long>> fs = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        int from = 100 + t * 10;
        fs.add(
            pool.submit(
                () -> {
                  try (ArrowReader in = nodes(alloc, from, 10, 10)) {
                    barrier.await();
                    try (Dataset d = write(uri, in, WriteMode.APPEND)) {
                      return d.version();
                    }
                  }
                }));
      }
      List<Long> versions = new ArrayList<>();
      for (Future<Long> f : fs) {
        versions.add(f.get());
      }
      assertThat(versions).containsExactlyInAnyOrder(2L, 3L);
    } finally {
      pool.shutdownNow();
    }
    try (Dataset ds = open(uri)) {
      assertThat(ds.countRows()).isEqualTo(30);
    }

    // The rest uses two handles opened at the same version (deterministic "concurrency").
    // delete vs delete of the same row: both succeed, the second is a no-op rebase.
    String u1 = uri("c1");
    createNodes(u1, 10);
    try (Dataset a = open(u1);
        Dataset b = open(u1)) {
      a.delete("id = 'n1'");
      b.delete("id = 'n1'");
      assertThat(b.version()).isEqualTo(3);
      assertThat(b.countRows()).isEqualTo(9);
    }
    // append (other writer) vs stale delete: rebased, nothing lost.
    String u2 = uri("c2");
    createNodes(u2, 10);
    try (Dataset stale = open(u2)) {
      try (ArrowReader in = nodes(alloc, 100, 2, 2)) {
        write(u2, in, WriteMode.APPEND).close();
      }
      stale.delete("id = 'n2'");
      assertThat(stale.countRows()).isEqualTo(11);
    }
    // upsert vs upsert of the same row: a real conflict. With conflictRetries(0) the loser
    // fails; with retries (default 10) it re-runs against the new version.
    String u3 = uri("c3");
    createNodes(u3, 10);
    try (Dataset a = open(u3);
        Dataset b = open(u3);
        Dataset c = open(u3)) {
      upsertClose(a, 1, 0);
      assertThatThrownBy(() -> upsertClose(b, 1, 0))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("Too many concurrent writers. Attempted 0 retries.");
      MergeInsertResult r = upsert(c, 1, 10);
      try (Dataset after = r.dataset()) {
        assertThat(r.stats().numAttempts()).isEqualTo(2);
        assertThat(r.stats().numUpdatedRows()).isEqualTo(1);
      }
    }
    // upsert vs delete of the same row: conflict as well; the retry sees the row gone (insert).
    String u4 = uri("c4");
    createNodes(u4, 10);
    try (Dataset a = open(u4);
        Dataset b = open(u4)) {
      a.delete("id = 'n1'");
      MergeInsertResult r = upsert(b, 1, 10);
      try (Dataset after = r.dataset()) {
        assertThat(r.stats().numAttempts()).isEqualTo(2);
        assertThat(r.stats().numInsertedRows()).isEqualTo(1);
        assertThat(after.countRows("id = 'n1'")).isEqualTo(1);
      }
    }
    // HAZARD: two strict inserts (WhenMatched.Fail) of the same NEW key from stale handles both
    // commit: Lance does not detect it, the id is now duplicated.
    String u5 = uri("c5");
    createNodes(u5, 10);
    try (Dataset a = open(u5);
        Dataset b = open(u5)) {
      for (Dataset h : List.of(a, b)) {
        try (ArrowReader src = nodes(alloc, 50, 1, 1);
            ArrowArrayStream s = LanceRows.stream(alloc, src)) {
          h.mergeInsert(
                  new MergeInsertParams(List.of("id")).withMatchedFail().withConflictRetries(0), s)
              .dataset()
              .close();
        }
      }
    }
    try (Dataset ds = open(u5)) {
      assertThat(ds.countRows("id = 'n50'")).isEqualTo(2);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 7: compaction, cleanup, auto-cleanup, tags/branches vs cleanup, drop
  // ---------------------------------------------------------------------------------------------

  @Test
  void fact7_compactionAndCleanup() throws Exception {
    String uri = uri("people");
    createNodes(uri, 10);
    for (int i = 1; i <= 5; i++) {
      try (ArrowReader in = nodes(alloc, i * 10, 10, 10)) {
        write(uri, in, WriteMode.APPEND).close();
      }
    }
    try (Dataset ds = open(uri)) {
      ds.delete("age % 2 = 0");
      assertThat(ds.version()).isEqualTo(7);
      assertThat(ds.getFragments()).hasSize(6);
      long rows = ds.countRows();

      // compact(): one call, two versions (ReserveFragments, then Rewrite); same rows.
      ds.compact(CompactionOptions.builder().withTargetRowsPerFragment(1_000_000).build());
      assertThat(ds.version()).isEqualTo(9);
      assertThat(ds.getFragments()).hasSize(1);
      assertThat(ds.countRows()).isEqualTo(rows);
      assertThat(opName(ds, 8)).isEqualTo("ReserveFragments");
      assertThat(opName(ds, 9)).isEqualTo("Rewrite");
      try (Dataset v3 = ds.checkoutVersion(3)) {
        assertThat(v3.countRows()).as("compaction keeps old versions readable").isEqualTo(30);
      }

      // cleanupWithPolicy(beforeVersion): every version < N goes (the latest always stays).
      Dataset stale = ds.checkoutVersion(2);
      try {
        RemovalStats st =
            ds.cleanupWithPolicy(CleanupPolicy.builder().withBeforeVersion(ds.version()).build());
        assertThat(st.getOldVersions()).isEqualTo(8);
        assertThat(st.getDataFilesRemoved()).isEqualTo(6);
        assertThat(st.getBytesRemoved()).isPositive();
        assertThat(ds.listVersions()).extracting(Version::getId).containsExactly(9L);
        // A handle already open on a removed version: metadata answers, data reads fail.
        assertThat(stale.countRows()).isEqualTo(20);
        assertThatThrownBy(() -> scan(stale, new ScanOptions.Builder().build()))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("Not found")
            .hasMessageContaining(".lance");
      } finally {
        stale.close();
      }
      assertThatThrownBy(() -> ds.checkoutVersion(3).close())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3.manifest was not found");
      assertThat(scan(ds, new ScanOptions.Builder().build())).hasSize((int) rows);
    }

    // Tags pin versions: by default cleanup refuses while a tag points at a doomed version;
    // errorIfTaggedOldVersions(false) cleans around it (the tagged version survives).
    String tagged = uri("tagged");
    createNodes(tagged, 5);
    for (int i = 0; i < 3; i++) {
      try (ArrowReader in = nodes(alloc, 100 + i, 1, 1)) {
        write(tagged, in, WriteMode.APPEND).close();
      }
    }
    try (Dataset ds = open(tagged)) {
      ds.tags().create("keep", 2);
      long cutoff = System.currentTimeMillis() + 1_000; // "older than" = before this instant
      assertThatThrownBy(
              () ->
                  ds.cleanupWithPolicy(
                      CleanupPolicy.builder().withBeforeTimestampMillis(cutoff).build()))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("tagged version(s) have been marked for cleanup");
      RemovalStats st =
          ds.cleanupWithPolicy(
              CleanupPolicy.builder()
                  .withBeforeTimestampMillis(cutoff)
                  .withErrorIfTaggedOldVersions(false)
                  .build());
      assertThat(st.getOldVersions()).isEqualTo(2);
      assertThat(ds.listVersions()).extracting(Version::getId).containsExactly(2L, 4L);
    }

    // "keep newest N" is not a policy field: use beforeVersion = latest - N + 1.
    String keep = uri("keep");
    createNodes(keep, 5);
    for (int i = 0; i < 5; i++) {
      try (ArrowReader in = nodes(alloc, 100 + i, 1, 1)) {
        write(keep, in, WriteMode.APPEND).close();
      }
    }
    try (Dataset ds = open(keep)) {
      // Both fields set: a version must satisfy both to go (here nothing is older than 1970).
      RemovalStats none =
          ds.cleanupWithPolicy(
              CleanupPolicy.builder()
                  .withBeforeVersion(ds.version())
                  .withBeforeTimestampMillis(1)
                  .build());
      assertThat(none.getOldVersions()).isZero();
      assertThat(ds.listVersions()).hasSize(6);
      int n = 3;
      ds.cleanupWithPolicy(CleanupPolicy.builder().withBeforeVersion(ds.version() - n + 1).build());
      assertThat(ds.listVersions()).extracting(Version::getId).containsExactly(4L, 5L, 6L);
    }

    // Branches protect the version they forked from: main cleanup keeps it until the branch is
    // deleted; the branch is cleaned separately through its own handle.
    String br = uri("branched");
    createNodes(br, 10);
    try (Dataset main = open(br)) {
      main.createBranch("b", Ref.ofMain(1)).close();
    }
    try (ArrowReader in = nodes(alloc, 500, 3, 3)) {
      write(br, in, WriteMode.OVERWRITE).close(); // main v2
    }
    try (ArrowReader in = nodes(alloc, 600, 3, 3)) {
      write(br, in, WriteMode.APPEND).close(); // main v3
    }
    try (Dataset branch = open(br + "/tree/b")) {
      branch.delete("id = 'n1'"); // b v2
    }
    try (Dataset main = open(br)) {
      main.cleanupWithPolicy(CleanupPolicy.builder().withBeforeVersion(main.version()).build());
      assertThat(main.listVersions()).extracting(Version::getId).containsExactly(1L, 3L);
      try (Dataset b = main.checkout(Ref.ofBranch("b"))) {
        assertThat(scan(b, new ScanOptions.Builder().build())).hasSize(9);
        b.cleanupWithPolicy(CleanupPolicy.builder().withBeforeVersion(b.version()).build());
        assertThat(b.listVersions()).extracting(Version::getId).containsExactly(2L);
        assertThat(scan(b, new ScanOptions.Builder().build())).hasSize(9);
      }
      main.branches().delete("b");
      main.cleanupWithPolicy(CleanupPolicy.builder().withBeforeVersion(main.version()).build());
      assertThat(main.listVersions()).extracting(Version::getId).containsExactly(3L);
    }

    // Dataset.drop removes the whole dataset directory.
    Dataset.drop(br, Map.of());
    assertThat(Files.exists(dir.resolve("branched"))).isFalse();
  }

  @Test
  void fact7b_autoCleanupIsOnByDefault() throws Exception {
    // Every new dataset carries an auto-cleanup hook: every 20 commits, versions older than
    // 14 days are deleted. Shown here with a short hook; then proven gone once the keys are
    // removed.
    String hooked = uri("hooked");
    try (Dataset ds = createNodes(hooked, 5)) {
      assertThat(ds.getConfig())
          .containsEntry("lance.auto_cleanup.interval", "20")
          .containsEntry("lance.auto_cleanup.older_than", "14days");
      Map<String, String> fast = Map.of(AUTO_CLEANUP_KEYS[0], "2", AUTO_CLEANUP_KEYS[1], "0s");
      updateConfig(ds, fast).close(); // v2
    }
    for (int i = 0; i < 4; i++) {
      try (ArrowReader in = nodes(alloc, 100 + i, 1, 1)) {
        write(hooked, in, WriteMode.APPEND).close(); // v3..v6
      }
    }
    try (Dataset ds = open(hooked)) {
      assertThat(ds.listVersions()).extracting(Version::getId).containsExactly(5L, 6L);
    }

    String stripped = uri("stripped");
    try (Dataset ds = createNodes(stripped, 5)) {
      Map<String, String> remove = new HashMap<>();
      for (String k : AUTO_CLEANUP_KEYS) {
        remove.put(k, null); // null value = delete the key
      }
      try (Dataset d2 = updateConfig(ds, remove)) {
        assertThat(d2.version()).isEqualTo(2);
        assertThat(opName(d2, 2)).isEqualTo("UpdateConfig");
        assertThat(d2.getConfig()).doesNotContainKeys(AUTO_CLEANUP_KEYS);
      }
    }
    for (int i = 0; i < 4; i++) {
      try (ArrowReader in = nodes(alloc, 100 + i, 1, 1)) {
        write(stripped, in, WriteMode.APPEND).close();
      }
    }
    try (Dataset ds = open(stripped)) {
      assertThat(ds.listVersions()).hasSize(6);
      assertThat(ds.getConfig()).doesNotContainKeys(AUTO_CLEANUP_KEYS);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 8: indexes
  // ---------------------------------------------------------------------------------------------

  @Test
  void fact8_indexes() throws Exception {
    String uri = uri("docs");
    int n = 1000;
    try (ArrowReader in = LanceDocs.docs(alloc, 0, n)) {
      write(uri, in, WriteMode.CREATE).close();
    }
    try (Dataset ds = open(uri)) {
      // BTREE on a string and an int column. createIndex moves this handle (+1 version each).
      Index idIdx =
          ds.createIndex(
              scalar("id", IndexType.BTREE, BTreeIndexParams.builder().build(), "id_btree"));
      assertThat(idIdx.name()).isEqualTo("id_btree");
      assertThat(idIdx.indexType()).isEqualTo(IndexType.BTREE);
      ds.createIndex(
          scalar(
              "year",
              IndexType.BTREE,
              BTreeIndexParams.builder().zoneSize(4096).build(),
              "year_btree"));
      // INVERTED with every builder field set (ngram fields are only used by the ngram tokenizer).
      ds.createIndex(
          scalar(
              "body",
              IndexType.INVERTED,
              InvertedIndexParams.builder()
                  .baseTokenizer("simple")
                  .language("English")
                  .withPosition(true)
                  .maxTokenLength(40)
                  .lowerCase(true)
                  .stem(true)
                  .removeStopWords(true)
                  .customStopWords(List.of("the", "and"))
                  .asciiFolding(true)
                  .minNgramLength(3)
                  .maxNgramLength(3)
                  .prefixOnly(false)
                  .skipMerge(false)
                  .build(),
              "body_fts"));
      // IVF_PQ: 4 partitions, 8-bit codes, 4 sub-vectors (must divide the dimension).
      ds.createIndex(
          IndexOptions.builder(
                  List.of("emb"),
                  IndexType.IVF_PQ,
                  IndexParams.builder()
                      .setVectorIndexParams(
                          VectorIndexParams.withIvfPqParams(
                              DistanceType.L2,
                              new IvfBuildParams.Builder()
                                  .setNumPartitions(4)
                                  .setMaxIters(20)
                                  .build(),
                              new PQBuildParams.Builder()
                                  .setNumSubVectors(4)
                                  .setNumBits(8)
                                  .setMaxIters(20)
                                  .build()))
                      .build())
              .withIndexName("emb_idx")
              .build());
      assertThat(ds.version()).isEqualTo(5);
      assertThat(opName(ds, 5)).isEqualTo("CreateIndex");
      assertThat(ds.listIndexes())
          .containsExactlyInAnyOrder("id_btree", "year_btree", "body_fts", "emb_idx");
      assertThat(ds.getIndexes())
          .extracting(Index::name, Index::indexType)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple("id_btree", IndexType.BTREE),
              org.assertj.core.groups.Tuple.tuple("year_btree", IndexType.BTREE),
              org.assertj.core.groups.Tuple.tuple("body_fts", IndexType.INVERTED),
              org.assertj.core.groups.Tuple.tuple("emb_idx", IndexType.VECTOR));
      // describeIndices() breaks once a vector index exists.
      assertThatThrownBy(ds::describeIndices)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("No scalar index plugin found for name 'vector'");
      assertThat(ds.countIndexedRows("year_btree", "year = 2005", Optional.empty()))
          .isEqualTo(ds.countRows("year = 2005"));

      // Full-text: the query goes through ScanOptions.fullTextQuery; `_score` is added.
      List<Map<String, Object>> fts =
          scan(
              ds,
              new ScanOptions.Builder()
                  .columns(List.of("id", "_score"))
                  .fullTextQuery(FullTextQuery.match("mountains", "body")) // stemmed -> mountain
                  .limit(5)
                  .build());
      assertThat(fts).hasSize(5).allSatisfy(m -> assertThat((Float) m.get("_score")).isPositive());
      assertThat(fts).allSatisfy(m -> assertThat(LanceDocs.body(idNum(m))).contains("mountain"));
      assertThat(
              scan(
                  ds,
                  new ScanOptions.Builder()
                      .columns(List.of("id", "_score"))
                      .fullTextQuery(FullTextQuery.phrase("river delta", "body"))
                      .build()))
          .extracting(m -> LanceDocs.body(idNum(m)))
          .allSatisfy(b -> assertThat(b).contains("river delta"));

      // Nearest neighbours: Query in ScanOptions.nearest; `_distance` ascending.
      List<Map<String, Object>> knn = nearest(ds, LanceDocs.vector(42), 3, null);
      assertThat(knn).hasSize(3);
      // PQ distances are approximate (lossy codes) ...
      assertThat(knn.get(0)).containsEntry("id", "d42");
      assertThat((Float) knn.get(0).get("_distance")).isGreaterThan(0f);
      // ... unless a refine step re-ranks candidates on the original vectors.
      assertThat(nearest(ds, LanceDocs.vector(42), 3, null, 5).get(0))
          .containsEntry("id", "d42")
          .containsEntry("_distance", 0.0f);
      assertThat(knn).extracting(m -> (Float) m.get("_distance")).isSorted();
      // Prefiltered kNN: only rows matching the filter are candidates.
      List<Map<String, Object>> pre = nearest(ds, LanceDocs.vector(42), 3, "year = 2001");
      assertThat(pre)
          .hasSize(3)
          .allSatisfy(m -> assertThat(LanceDocs.year(idNum(m))).isEqualTo(2001));
    }

    // Appends are NOT added to existing indexes, but queries still see the new rows
    // (unindexed fragments are scanned exhaustively); optimizeIndices() folds them in.
    try (ArrowReader in = LanceDocs.docs(alloc, 5000, 5);
        Dataset ds = write(uri, in, WriteMode.APPEND)) {
      assertThat(ds.listIndexes()).hasSize(4);
      assertThat(ds.getIndexes()).allSatisfy(i -> assertThat(i.fragments()).contains(List.of(0)));
      assertThat(ids(ds, "id = 'd5003'")).containsExactly("d5003");
      assertThat(nearest(ds, LanceDocs.vector(5003), 1, null).get(0)).containsEntry("id", "d5003");
      assertThat(
              scan(
                  ds,
                  new ScanOptions.Builder()
                      .columns(List.of("id", "_score"))
                      .fullTextQuery(FullTextQuery.match("zeppelin", "body"))
                      .build()))
          .extracting(m -> m.get("id"))
          .containsExactlyInAnyOrder("d5000", "d5001", "d5002", "d5003", "d5004");

      ds.optimizeIndices(OptimizeOptions.builder().build());
      assertThat(ds.version()).isEqualTo(7);
      assertThat(opName(ds, 7)).isEqualTo("CreateIndex");
      assertThat(ds.getIndexes())
          .allSatisfy(i -> assertThat(i.fragments()).contains(List.of(0, 1)));

      // Indexes survive compaction and still answer.
      ds.compact();
      assertThat(ds.getFragments()).hasSize(1);
      assertThat(ds.listIndexes()).hasSize(4);
      assertThat(nearest(ds, LanceDocs.vector(7), 1, null).get(0)).containsEntry("id", "d7");
      assertThat(ids(ds, "id = 'd5004'")).containsExactly("d5004");

      // IVF_HNSW_SQ (cosine) replacing the vector index under the same name.
      ds.createIndex(
          IndexOptions.builder(
                  List.of("emb"),
                  IndexType.IVF_HNSW_SQ,
                  IndexParams.builder()
                      .setVectorIndexParams(
                          VectorIndexParams.withIvfHnswSqParams(
                              DistanceType.Cosine,
                              new IvfBuildParams.Builder().setNumPartitions(1).build(),
                              new HnswBuildParams.Builder().setM(16).setEfConstruction(100).build(),
                              new SQBuildParams.Builder().setNumBits((short) 8).build()))
                      .build())
              .withIndexName("emb_idx")
              .replace(true)
              .build());
      assertThat(ds.listIndexes())
          .containsExactlyInAnyOrder("id_btree", "year_btree", "body_fts", "emb_idx");
      List<Map<String, Object>> knn = nearest(ds, LanceDocs.vector(42), 3, null);
      assertThat(knn.get(0)).containsEntry("id", "d42");
      // A branch forked from an indexed version inherits its indexes. The handle createBranch
      // returns has no allocator (scans NPE): read through checkout(Ref.ofBranch(..)) instead.
      try (Dataset created = ds.createBranch("b", Ref.ofMain(ds.version()))) {
        assertThat(created.allocator()).isNull();
        assertThatThrownBy(() -> nearest(created, LanceDocs.vector(42), 1, null))
            .isInstanceOf(NullPointerException.class);
      }
      try (Dataset b = ds.checkout(Ref.ofBranch("b"))) {
        assertThat(b.listIndexes())
            .containsExactlyInAnyOrder("id_btree", "year_btree", "body_fts", "emb_idx");
        assertThat(nearest(b, LanceDocs.vector(42), 1, null).get(0)).containsEntry("id", "d42");
      }
      // Same name without replace(true): refused.
      assertThatThrownBy(
              () ->
                  ds.createIndex(
                      scalar(
                          "id", IndexType.BTREE, BTreeIndexParams.builder().build(), "id_btree")))
          .isInstanceOf(RuntimeException.class)
          .hasMessageContaining("already exists");
    }

    // Without any index, full-text and kNN still work (flat search).
    String plain = uri("plain");
    try (ArrowReader in = LanceDocs.docs(alloc, 0, 50);
        Dataset ds = write(plain, in, WriteMode.CREATE)) {
      assertThat(nearest(ds, LanceDocs.vector(7), 1, null).get(0)).containsEntry("id", "d7");
      assertThat(
              scan(
                  ds,
                  new ScanOptions.Builder()
                      .columns(List.of("id", "_score"))
                      .fullTextQuery(FullTextQuery.match("mountain", "body"))
                      .build()))
          .isNotEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Fact 9: S3 (runs only when an S3-compatible endpoint is given)
  // ---------------------------------------------------------------------------------------------

  /** The same create/append/read against the S3-compatible test server (S3Proxy on loopback). */
  @Test
  void fact9_s3RoundTrip() throws Exception {
    Map<String, String> opts = S3Settings.fromEnv(S3.env()).lanceStorageOptions();
    String uri = S3.uniqueUri("facts");
    try (ArrowReader in = nodes(alloc, 0, 10, 10);
        Dataset ds =
            Dataset.write().allocator(alloc).reader(in).uri(uri).storageOptions(opts).execute()) {
      assertThat(ds.version()).isEqualTo(1);
    }
    try (ArrowReader in = nodes(alloc, 10, 5, 5);
        Dataset ds =
            Dataset.write()
                .allocator(alloc)
                .reader(in)
                .uri(uri)
                .storageOptions(opts)
                .mode(WriteMode.APPEND)
                .execute()) {
      assertThat(ds.version()).isEqualTo(2);
    }
    try (Dataset ds =
        Dataset.open()
            .allocator(alloc)
            .uri(uri)
            .readOptions(new ReadOptions.Builder().setStorageOptions(opts).build())
            .build()) {
      assertThat(ds.countRows()).isEqualTo(15);
      assertThat(ids(ds, "id = 'n12'")).containsExactly("n12");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers
  // ---------------------------------------------------------------------------------------------

  private String uri(String name) {
    return dir.resolve(name).toString();
  }

  private Dataset open(String uri) {
    return Dataset.open().allocator(alloc).uri(uri).build();
  }

  private Dataset open(String uri, long version) {
    return Dataset.open()
        .allocator(alloc)
        .uri(uri)
        .readOptions(new ReadOptions.Builder().setVersion(version).build())
        .build();
  }

  private Dataset write(String uri, ArrowReader in, WriteMode mode) {
    return Dataset.write().allocator(alloc).reader(in).uri(uri).mode(mode).execute();
  }

  private Dataset createNodes(String uri, int n) throws IOException {
    try (ArrowReader in = nodes(alloc, 0, n, n)) {
      return write(uri, in, WriteMode.CREATE);
    }
  }

  private static Dataset updateConfig(Dataset ds, Map<String, String> updates) {
    try (SourcedTransaction tx =
        ds.newTransactionBuilder()
            .operation(
                UpdateConfig.builder()
                    .configUpdates(UpdateMap.builder().updates(updates).replace(false).build())
                    .build())
            .build()) {
      return tx.commit();
    }
  }

  private MergeInsertResult upsert(Dataset ds, int id, int retries) throws IOException {
    try (ArrowReader src = LanceRows.renamedNodes(alloc, id, 1, "up-");
        ArrowArrayStream s = LanceRows.stream(alloc, src)) {
      return ds.mergeInsert(
          new MergeInsertParams(List.of("id")).withMatchedUpdateAll().withConflictRetries(retries),
          s);
    }
  }

  private void upsertClose(Dataset ds, int id, int retries) throws IOException {
    upsert(ds, id, retries).dataset().close();
  }

  private MergeInsertResult upsertWide(Dataset ds, int i) throws IOException {
    try (ArrowReader src = LanceWide.rows(alloc, i, 1, 1);
        ArrowArrayStream s = LanceRows.stream(alloc, src)) {
      return ds.mergeInsert(new MergeInsertParams(List.of("id")).withMatchedUpdateAll(), s);
    }
  }

  private static IndexOptions scalar(
      String column, IndexType type, org.lance.index.scalar.ScalarIndexParams p, String name) {
    return IndexOptions.builder(
            List.of(column), type, IndexParams.builder().setScalarIndexParams(p).build())
        .withIndexName(name)
        .build();
  }

  private List<Map<String, Object>> nearest(Dataset ds, float[] key, int k, String filter)
      throws Exception {
    return nearest(ds, key, k, filter, 0);
  }

  private List<Map<String, Object>> nearest(
      Dataset ds, float[] key, int k, String filter, int refine) throws Exception {
    Query.Builder q = new Query.Builder().setColumn("emb").setKey(key).setK(k).setMinimumNprobes(4);
    if (refine > 0) {
      q.setRefineFactor(refine);
    }
    ScanOptions.Builder b =
        new ScanOptions.Builder().columns(List.of("id", "_distance")).nearest(q.build());
    if (filter != null) {
      b.filter(filter).prefilter(true);
    }
    return scan(ds, b.build());
  }

  private static List<Map<String, Object>> scan(Dataset ds, ScanOptions options) throws Exception {
    try (LanceScanner sc = ds.newScan(options);
        ArrowReader r = sc.scanBatches()) {
      return LanceRows.readAll(r);
    }
  }

  private static List<String> ids(Dataset ds, String filter) throws Exception {
    return scan(ds, new ScanOptions.Builder().columns(List.of("id")).filter(filter).build())
        .stream()
        .map(m -> (String) m.get("id"))
        .toList();
  }

  private static List<String> names(Dataset ds, String filter) throws Exception {
    return scan(ds, new ScanOptions.Builder().columns(List.of("id", "name")).filter(filter).build())
        .stream()
        .sorted(Comparator.comparing(m -> idNum(m)))
        .map(m -> (String) m.get("name"))
        .toList();
  }

  private static ScanOptions byId(String id, String... columns) {
    List<String> cols = new ArrayList<>();
    cols.add("id");
    cols.addAll(List.of(columns));
    return new ScanOptions.Builder().columns(cols).filter("id = '" + id + "'").build();
  }

  private static int idNum(Map<String, Object> m) {
    return Integer.parseInt(((String) m.get("id")).substring(1));
  }

  private static Map<String, Object> nullable(Object... kv) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static boolean between(Object v, int lo, int hi) {
    return v != null && (Integer) v >= lo && (Integer) v <= hi;
  }

  private static ColumnOrdering ordering(String column, boolean ascending) {
    ColumnOrdering.Builder b = new ColumnOrdering.Builder();
    b.setColumnName(column);
    b.setAscending(ascending);
    b.setNullFirst(false);
    return b.build();
  }

  private static String opName(Dataset ds, long version) {
    try (Dataset v = ds.checkoutVersion(version)) {
      return v.readTransaction().orElseThrow().operation().name();
    }
  }

  private static List<String> columnNames(Schema s) {
    return s.getFields().stream().map(Field::getName).toList();
  }

  /** Two rows that both carry id {@code n3}. */
  private ArrowReader duplicateIds() {
    return new LanceRows.GeneratedReader(
        alloc,
        nodeSchema(),
        2,
        2,
        (root, off, n) -> {
          LanceRows.write(root, 3, 2);
          ((VarCharVector) root.getVector("id")).setSafe(1, LanceRows.utf8("n3"));
          root.setRowCount(2);
        });
  }

  private static void deleteTree(Path root) {
    if (root == null) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Paths of this process's open file descriptors that point under {@code root}. */
  private static List<String> openFilesUnder(Path root) throws IOException {
    Path fds = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return List.of();
    }
    String prefix = root.toRealPath().toString();
    List<String> open = new ArrayList<>();
    try (Stream<Path> s = Files.list(fds)) {
      for (Path fd : s.toList()) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith(prefix)) {
            open.add(target);
          }
        } catch (IOException | UnsupportedOperationException ignored) {
          // the fd closed while listing
        }
      }
    }
    return open;
  }
}
