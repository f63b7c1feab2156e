package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.change.ValidatedChange;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.StagedRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Writes one {@link ValidatedChange} (mutations, merges) as one manifest version, like {@link
 * GraphLoad} does for loads: write intent sidecar → per touched table (forked lazily onto the
 * branch's Lance branch) a delete of the removed ids, then a merge-insert (upsert) of the written
 * rows → publish manifest N+1 (create-if-absent) → delete the sidecar. A failure before the publish
 * restores every written table (or deletes an unpublished fork) and the sidecar; a crash leaves the
 * sidecar for {@link Recovery}, which rolls the tables back. Runs under the per-graph write lock.
 */
final class GraphWrite {
  /** The failpoint names of one kind of write ({@code mutate.*}, {@code merge.*}). */
  record Steps(
      String operation, String afterSidecar, String afterTableWrites, String afterPublish) {
    static final Steps MUTATE =
        new Steps(
            "mutate",
            Failpoints.MUTATE_AFTER_SIDECAR,
            Failpoints.MUTATE_AFTER_TABLE_WRITES,
            Failpoints.MUTATE_AFTER_PUBLISH);
    static final Steps MERGE =
        new Steps(
            "merge",
            Failpoints.MERGE_AFTER_SIDECAR,
            Failpoints.MERGE_AFTER_TABLE_WRITES,
            Failpoints.MERGE_AFTER_PUBLISH);
  }

  /**
   * What the published version records: a new commit with {@code mergedParent} (null for a
   * one-parent commit), or — for a fast-forward — no commit and {@code head} as the branch head.
   */
  record Head(boolean newCommit, String mergedParent, String head) {
    static Head commit(String mergedParent) {
      return new Head(true, mergedParent, null);
    }

    static Head fastForward(String head) {
      return new Head(false, null, head);
    }
  }

  /** The published manifest and its commit (null for a fast-forward). */
  record Published(Manifest manifest, Commit commit) {}

  private final GraphStore store;
  private final LanceTables lance;
  private final BufferAllocator allocator;
  private final String writeId;

  GraphWrite(GraphStore store, LanceTables lance, BufferAllocator allocator, String writeId) {
    this.store = store;
    this.lance = lance;
    this.allocator = allocator;
    this.writeId = writeId;
  }

  Published write(
      Manifest base, String branch, ValidatedChange change, String actor, Head head, Steps steps) {
    Manifest.BranchState state = base.branch(branch);
    Set<String> touched = touched(change);
    WriteTargets targets = WriteTargets.of(store, lance, state, branch, touched);
    String sidecar = RootLayout.recoveryKey(writeId);
    store
        .objects()
        .createIfAbsent(
            sidecar, GraphLoad.utf8(intent(targets, base, branch, steps, head).toPrettyString()));
    Failpoints.hit(steps.afterSidecar());
    Map<String, TablePin> tables = new TreeMap<>(state.tables());
    Set<String> written = new LinkedHashSet<>();
    try {
      for (String key : touched) {
        written.add(key);
        TablePin pin = targets.open(key);
        tables.put(key, pin.withVersion(writeTable(pin, key, change)));
      }
    } catch (RuntimeException e) {
      targets.rollBack(written);
      store.objects().delete(sidecar);
      throw e;
    }
    long version = base.version() + 1;
    Commit commit =
        head.newCommit()
            ? new Commit(
                writeId,
                branch,
                version,
                state.headCommit(),
                head.mergedParent(),
                actor,
                Clock.micros())
            : null;
    String newHead = head.newCommit() ? writeId : head.head();
    Map<String, Manifest.BranchState> branches = new TreeMap<>(base.branches());
    branches.put(branch, state.advance(newHead, tables));
    Manifest next = new Manifest(version, base.schemaDigest(), branches, commit);
    Failpoints.hit(steps.afterTableWrites());
    if (!store.publish(next)) {
      targets.rollBack(touched);
      store.objects().delete(sidecar);
      throw new RootException(
          RootException.Kind.PUBLISH_CONFLICT,
          "another writer published manifest version "
              + version
              + " first; retry the "
              + steps.operation());
    }
    Failpoints.hit(steps.afterPublish());
    store.objects().delete(sidecar);
    return new Published(next, commit);
  }

  private static Set<String> touched(ValidatedChange change) {
    Set<String> keys = new LinkedHashSet<>(change.deletes().keySet());
    if (change.upserts() != null) {
      change.upserts().nodes().stream()
          .filter(n -> n.size() > 0)
          .forEach(n -> keys.add(Manifest.nodeKey(n.name())));
      change.upserts().edges().stream()
          .filter(e -> e.size() > 0)
          .forEach(e -> keys.add(Manifest.edgeKey(e.type().name())));
    }
    return keys;
  }

  /** Deletes then upserts on one table; returns its new version. */
  private long writeTable(TablePin pin, String key, ValidatedChange change) {
    LanceTables.Loc loc = store.tableUri(pin);
    long version = pin.version();
    Set<String> gone = change.deletes().get(key);
    if (gone != null && !gone.isEmpty()) {
      version = lance.delete(loc, gone);
    }
    StagedRows rows = rowsOf(key, change);
    if (rows != null && rows.size() > 0) {
      version = upsert(loc, rows);
    }
    return version;
  }

  private static StagedRows rowsOf(String key, ValidatedChange change) {
    if (change.upserts() == null) {
      return null;
    }
    String name = key.substring(key.indexOf(':') + 1);
    return key.startsWith("node:")
        ? change.upserts().nodes(name).orElse(null)
        : change.upserts().edges(name).orElse(null);
  }

  private long upsert(LanceTables.Loc loc, StagedRows rows) {
    try (RowsReader reader = RowsReader.of(allocator, rows)) {
      return lance.mergeInsert(loc, reader, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode intent(
      WriteTargets targets, Manifest base, String branch, Steps steps, Head head) {
    ObjectNode o = targets.intent(writeId, base, branch);
    o.put("operation", steps.operation());
    o.put("head", head.newCommit() ? writeId : head.head());
    return o;
  }
}
