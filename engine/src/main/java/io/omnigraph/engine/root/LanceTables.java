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
import org.lance.Ref;
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

  /**
   * Where a table lives for Lance: the dataset URI and the Lance branch ({@code null} = main).
   * Branch states are opened through a main handle with {@code checkout(Ref.ofBranch(b, v))}: a
   * version-pinned open of the {@code <dataset>/tree/<b>} path reads main's version numbers.
   */
  record Loc(String uri, String branch) {
    /** The path URI-based writes use ({@code <dataset>/tree/<b>} on a branch). */
    String writeUri() {
      return branch == null ? uri : uri + "/tree/" + branch;
    }
  }

  /** Arrow memory of reads that may outlive the graph root that started them (lazy tables). */
  private static final BufferAllocator READ_ALLOCATOR = new org.apache.arrow.memory.RootAllocator();

  LanceTables(BufferAllocator allocator, Map<String, String> storageOptions) {
    this.allocator = allocator;
    this.storageOptions = storageOptions;
  }

  /**
   * The same tables for reads only, on a process-wide allocator: a snapshot's lazily read tables
   * stay readable after the root that made it is closed.
   */
  LanceTables forReads() {
    return new LanceTables(READ_ALLOCATOR, storageOptions);
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

  static long stripAutoCleanup(Dataset ds) {
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
    return open(uri, Long.valueOf(version));
  }

  /** Opens a table at {@code version} of its branch, or the branch head when {@code null}. */
  Dataset open(Loc loc, Long version) {
    if (loc.branch() == null) {
      return open(loc.uri(), version);
    }
    try (Dataset main = open(loc.uri(), null)) {
      return main.checkout(
          version == null ? Ref.ofBranch(loc.branch()) : Ref.ofBranch(loc.branch(), version));
    }
  }

  /** Opens at {@code version}, or the latest version when {@code null}. */
  private Dataset open(String uri, Long version) {
    ReadOptions.Builder o = new ReadOptions.Builder().setStorageOptions(storageOptions);
    if (version != null) {
      o.setVersion(version);
    }
    return Dataset.open().allocator(allocator).uri(uri).readOptions(o.build()).build();
  }

  /** The number of live rows of the dataset at {@code version}. */
  long countRows(Loc loc, long version) {
    try (Dataset ds = open(loc, version)) {
      return ds.countRows();
    }
  }

  /** The newest version on the table's Lance branch. */
  long latestVersion(Loc loc) {
    try (Dataset ds = open(loc, null)) {
      return ds.version();
    }
  }

  /**
   * Refuses to write when the dataset's head is not the pinned version, unless the versions after
   * the pin end in a {@code Restore} (a rolled-back write whose head holds the pinned rows again).
   * Anything else is a write this graph never published (another process, or drift).
   */
  void checkHead(Loc loc, long pinned) {
    String uri = loc.writeUri();
    long head = latestVersion(loc);
    if (head == pinned) {
      return;
    }
    {
      try (Dataset h = open(loc, head)) {
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
  void restore(Loc loc, long version) {
    try (Dataset ds = open(loc, version)) {
      ds.restore();
    }
  }

  /**
   * Upserts ({@code failOnMatch=false}) or strictly inserts the rows on {@code id}; call {@link
   * #checkHead} first.
   */
  long mergeInsert(Loc loc, ArrowReader rows, boolean failOnMatch) {
    MergeInsertParams p = new MergeInsertParams(List.of(ArrowTypes.ID)).withConflictRetries(0);
    p = failOnMatch ? p.withMatchedFail() : p.withMatchedUpdateAll();
    // write on the head: after checkHead it holds the pinned rows (a Restore may sit on top,
    // and Lance refuses an update based on a version older than a restore)
    try (Dataset ds = open(loc, null);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, rows, stream);
      MergeInsertResult r = ds.mergeInsert(p, stream);
      try (Dataset after = r.dataset()) {
        return after.version();
      }
    }
  }

  /**
   * Deletes the rows whose {@code id} is in {@code ids} on the table's head (call {@link
   * #checkHead} first), in predicates of at most 1,000 ids; returns the new head version.
   */
  long delete(Loc loc, java.util.Collection<String> ids) {
    try (Dataset ds = open(loc, null)) {
      List<String> all = List.copyOf(ids);
      for (int i = 0; i < all.size(); i += 1000) {
        StringBuilder p = new StringBuilder(ArrowTypes.ID).append(" IN (");
        List<String> chunk = all.subList(i, Math.min(all.size(), i + 1000));
        for (int k = 0; k < chunk.size(); k++) {
          p.append(k == 0 ? "'" : ", '").append(chunk.get(k).replace("'", "''")).append('\'');
        }
        ds.delete(p.append(')').toString());
      }
      return ds.version();
    }
  }

  /** Replaces the whole table with the rows. */
  long overwrite(Loc loc, ArrowReader rows) {
    String uri = loc.writeUri();
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

  /**
   * Creates Lance branch {@code name} of the dataset at {@code datasetUri}, forked at the source
   * pin ({@code (lance_branch, version)}); returns the pin of the new branch (same version number:
   * Lance numbers continue from the fork point). A leftover branch of that name (a fork whose write
   * was never published) is deleted first: no published pin refers to it.
   */
  TablePin fork(String datasetUri, TablePin source, String name) {
    deleteBranch(datasetUri, name);
    // fork through a handle on the source state: from a main handle, Ref.ofBranch(b, v) looks
    // for version v among main's manifests
    try (Dataset src = open(new Loc(datasetUri, source.lanceBranch()), source.version())) {
      Ref at =
          source.lanceBranch() == null
              ? Ref.ofMain(source.version())
              : Ref.ofBranch(source.lanceBranch(), source.version());
      // the returned handles have no allocator: metadata only, closed at once. Pass the storage
      // options again (the branch store is opened afresh: on S3 without them the region cannot
      // be resolved); an empty options map is refused, so local roots use the two-argument form
      if (storageOptions == null || storageOptions.isEmpty()) {
        src.createBranch(name, at).close();
      } else {
        src.createBranch(name, at, storageOptions).close();
      }
    }
    return new TablePin(source.path(), name, source.version());
  }

  /** Deletes Lance branch {@code name} of the dataset if it exists. */
  void deleteBranch(String datasetUri, String name) {
    try (Dataset main = open(datasetUri, null)) {
      if (main.branches().list().stream().anyMatch(b -> b.getName().equals(name))) {
        main.branches().delete(name);
      }
    }
  }

  /** Scans every row of a pinned version, batch by batch. */
  void scan(Loc loc, long version, Consumer<VectorSchemaRoot> batch) {
    scan(loc, version, null, batch);
  }

  /** Scans the rows of a pinned version that match a Lance SQL {@code filter} (null = all). */
  void scan(Loc loc, long version, String filter, Consumer<VectorSchemaRoot> batch) {
    ScanOptions.Builder options = new ScanOptions.Builder().batchSize(8192);
    if (filter != null) {
      options.filter(filter);
    }
    try (Dataset ds = open(loc, version);
        LanceScanner sc = ds.newScan(options.build());
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
