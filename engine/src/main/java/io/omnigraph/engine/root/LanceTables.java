package io.omnigraph.engine.root;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;
import org.lance.Dataset;
import org.lance.ReadOptions;
import org.lance.SourcedTransaction;
import org.lance.WriteParams.WriteMode;
import org.lance.ipc.LanceScanner;
import org.lance.ipc.ScanOptions;
import org.lance.merge.MergeInsertParams;
import org.lance.merge.MergeInsertResult;
import org.lance.operation.UpdateConfig;
import org.lance.operation.UpdateMap;

/**
 * The Lance calls of a graph root (docs/lance-notes.md): create an empty dataset with the
 * auto-cleanup hook stripped, write staged rows at a pinned version, scan a pinned version. Every
 * handle is closed before returning; all Arrow memory comes from one allocator per open graph.
 */
final class LanceTables {
  private final BufferAllocator allocator;
  private final Map<String, String> storageOptions;

  LanceTables(BufferAllocator allocator, Map<String, String> storageOptions) {
    this.allocator = allocator;
    this.storageOptions = storageOptions;
  }

  /** Creates an empty dataset and strips auto-cleanup (§7); returns the version to pin. */
  long createEmpty(String uri, Schema schema) {
    try (Dataset created =
        Dataset.write()
            .allocator(allocator)
            .schema(schema)
            .uri(uri)
            .storageOptions(storageOptions)
            .mode(WriteMode.CREATE)
            .execute()) {
      return stripAutoCleanup(created);
    }
  }

  private static long stripAutoCleanup(Dataset ds) {
    Map<String, String> del = new HashMap<>();
    del.put("lance.auto_cleanup.interval", null);
    del.put("lance.auto_cleanup.older_than", null);
    try (SourcedTransaction tx =
            ds.newTransactionBuilder()
                .operation(
                    UpdateConfig.builder()
                        .configUpdates(UpdateMap.builder().updates(del).replace(false).build())
                        .build())
                .build();
        Dataset stripped = tx.commit()) {
      return stripped.version();
    }
  }

  Dataset open(String uri, long version) {
    return Dataset.open()
        .allocator(allocator)
        .uri(uri)
        .readOptions(
            new ReadOptions.Builder().setVersion(version).setStorageOptions(storageOptions).build())
        .build();
  }

  /** The number of live rows of the dataset at {@code version}. */
  long countRows(String uri, long version) {
    try (Dataset ds = open(uri, version)) {
      return ds.countRows();
    }
  }

  /** The newest version on the dataset's main branch. */
  long latestVersion(String uri, long pinned) {
    try (Dataset ds = open(uri, pinned)) {
      return ds.latestVersion();
    }
  }

  /**
   * Refuses to write when the dataset's head is not the pinned version, unless the versions after
   * the pin end in a {@code Restore} (a rolled-back write whose head holds the pinned rows again).
   * Anything else is a write this graph never published (another process, or drift).
   */
  void checkHead(String uri, long pinned) {
    try (Dataset ds = open(uri, pinned)) {
      long head = ds.latestVersion();
      if (head == pinned) {
        return;
      }
      try (Dataset h = ds.checkoutVersion(head)) {
        String op = h.readTransaction().map(t -> t.operation().name()).orElse("?");
        if (!"Restore".equals(op)) {
          throw new RootException(
              RootException.Kind.READ_SET_CONFLICT,
              "read_set_conflict: table "
                  + uri
                  + " moved from published version "
                  + pinned
                  + " to "
                  + head
                  + " ("
                  + op
                  + ") outside this graph's manifest; another writer is active or the"
                  + " table drifted");
        }
      }
    }
  }

  /** Makes {@code version} the head again (rolls back unpublished writes). */
  void restore(String uri, long version) {
    try (Dataset ds = open(uri, version)) {
      ds.restore();
    }
  }

  /**
   * Upserts ({@code failOnMatch=false}) or strictly inserts the rows on {@code id}; call {@link
   * #checkHead} first.
   */
  long mergeInsert(String uri, long pinned, ArrowReader rows, boolean failOnMatch) {
    MergeInsertParams p = new MergeInsertParams(List.of(ArrowTypes.ID)).withConflictRetries(0);
    p = failOnMatch ? p.withMatchedFail() : p.withMatchedUpdateAll();
    try (Dataset ds = open(uri, pinned);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      // write on the head: after checkHead it holds the pinned rows (a Restore may sit on top,
      // and Lance refuses an update based on a version older than a restore)
      ds.checkoutLatest();
      Data.exportArrayStream(allocator, rows, stream);
      MergeInsertResult r = ds.mergeInsert(p, stream);
      try (Dataset after = r.dataset()) {
        return after.version();
      }
    }
  }

  /** Replaces the whole table with the rows. */
  long overwrite(String uri, ArrowReader rows) {
    try (Dataset after =
        Dataset.write()
            .allocator(allocator)
            .reader(rows)
            .uri(uri)
            .storageOptions(storageOptions)
            .mode(WriteMode.OVERWRITE)
            .execute()) {
      return after.version();
    }
  }

  /** Scans every row of a pinned version, batch by batch. */
  void scan(String uri, long version, Consumer<VectorSchemaRoot> batch) {
    try (Dataset ds = open(uri, version);
        LanceScanner sc = ds.newScan(new ScanOptions.Builder().batchSize(8192).build());
        ArrowReader r = sc.scanBatches()) {
      while (r.loadNextBatch()) {
        batch.accept(r.getVectorSchemaRoot());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      if (e instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e);
    }
  }
}
