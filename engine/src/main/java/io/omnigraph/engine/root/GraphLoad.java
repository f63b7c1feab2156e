package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.load.StagedBatch;
import io.omnigraph.engine.load.StagedEdges;
import io.omnigraph.engine.load.StagedNodes;
import io.omnigraph.engine.load.StagedRows;
import io.omnigraph.engine.load.Ulid;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes one validated {@link StagedBatch} as one graph commit: write intent sidecar → one Lance
 * write per touched table → publish manifest N+1 (create-if-absent) → delete the sidecar. Runs
 * under the per-graph write lock held by {@link GraphRoot}.
 */
final class GraphLoad {
  private final GraphStore store;
  private final LanceTables lance;
  private final BufferAllocator allocator;
  private final Ulid ulid;

  GraphLoad(GraphStore store, LanceTables lance, BufferAllocator allocator, Ulid ulid) {
    this.store = store;
    this.lance = lance;
    this.allocator = allocator;
    this.ulid = ulid;
  }

  Commit commit(Manifest base, String branch, StagedBatch batch, String actor) {
    Manifest.BranchState state = base.branch(branch);
    Map<String, StagedRows> touched = new LinkedHashMap<>();
    for (StagedNodes n : batch.nodes()) {
      if (n.size() > 0) {
        touched.put(Manifest.nodeKey(n.name()), n);
      }
    }
    for (StagedEdges e : batch.edges()) {
      if (e.size() > 0) {
        touched.put(Manifest.edgeKey(e.type().name()), e);
      }
    }
    WriteTargets targets = WriteTargets.of(store, lance, state, branch, touched.keySet());
    String commitId = ulid.next();
    String sidecar = RootLayout.recoveryKey(commitId);
    ObjectNode intent = targets.intent(commitId, base, branch);
    store.objects().createIfAbsent(sidecar, utf8(intent.toPrettyString()));
    Failpoints.hit(Failpoints.LOAD_AFTER_SIDECAR);
    Map<String, TablePin> tables = new TreeMap<>(state.tables());
    Map<String, StagedRows> written = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, StagedRows> t : touched.entrySet()) {
        written.put(t.getKey(), t.getValue());
        TablePin pin = targets.open(t.getKey());
        tables.put(t.getKey(), pin.withVersion(write(pin, t.getValue(), batch.mode())));
        if (written.size() == 1) {
          Failpoints.hit(Failpoints.LOAD_AFTER_FIRST_TABLE_WRITE);
        }
      }
    } catch (RuntimeException e) {
      targets.rollBack(written.keySet());
      store.objects().delete(sidecar);
      throw e;
    }
    long version = base.version() + 1;
    Commit commit =
        new Commit(commitId, branch, version, state.headCommit(), null, actor, Clock.micros());
    Map<String, Manifest.BranchState> branches = new TreeMap<>(base.branches());
    branches.put(branch, state.advance(commitId, tables));
    Manifest next = new Manifest(version, base.schemaDigest(), branches, commit);
    // every table write landed: record the manifest to publish, so recovery can roll forward
    intent.set(LoadRollForward.FIELD, LoadRollForward.json(next));
    store.put(sidecar, intent.toPrettyString());
    Failpoints.hit(Failpoints.LOAD_AFTER_TABLE_WRITES);
    if (!store.publish(next)) {
      targets.rollBack(touched.keySet());
      store.objects().delete(sidecar);
      throw new RootException(
          RootException.Kind.PUBLISH_CONFLICT,
          "another writer published manifest version " + version + " first; retry the load");
    }
    Failpoints.hit(Failpoints.LOAD_AFTER_PUBLISH);
    store.objects().delete(sidecar);
    return commit;
  }

  private long write(TablePin pin, StagedRows rows, LoadMode mode) {
    LanceTables.Loc uri = store.tableUri(pin);
    try (RowsReader reader = RowsReader.of(allocator, rows)) {
      return switch (mode) {
        case APPEND -> lance.mergeInsert(uri, reader, true);
        case MERGE -> lance.mergeInsert(uri, reader, false);
        case OVERWRITE -> lance.overwrite(uri, reader);
      };
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
