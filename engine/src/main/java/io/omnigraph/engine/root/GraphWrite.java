package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.change.ValidatedChange;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.StagedRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
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
    String lanceBranch = "main".equals(branch) ? null : branch;
    Map<String, TablePin> sources = new LinkedHashMap<>();
    Map<String, TablePin> targets = new LinkedHashMap<>();
    for (String key : touched) {
      TablePin pin = state.tables().get(key);
      sources.put(key, pin);
      if (Objects.equals(pin.lanceBranch(), lanceBranch)) {
        lance.checkHead(store.tableUri(pin), pin.version());
        targets.put(key, pin);
      } else {
        targets.put(key, new TablePin(pin.path(), lanceBranch, pin.version()));
      }
    }
    String sidecar = RootLayout.recoveryKey(writeId);
    store
        .objects()
        .createIfAbsent(
            sidecar, GraphLoad.utf8(intent(base, branch, targets, steps, head).toPrettyString()));
    Failpoints.hit(steps.afterSidecar());
    Map<String, TablePin> tables = new TreeMap<>(state.tables());
    Set<String> written = new LinkedHashSet<>();
    try {
      for (String key : touched) {
        TablePin pin = targets.get(key);
        written.add(key);
        if (pin != sources.get(key)) {
          lance.fork(store.datasetUri(pin.path()), sources.get(key), lanceBranch);
        }
        tables.put(key, pin.withVersion(writeTable(pin, key, change)));
      }
    } catch (RuntimeException e) {
      rollBack(sources, targets, written);
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
      rollBack(sources, targets, touched);
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

  private void rollBack(
      Map<String, TablePin> sources, Map<String, TablePin> targets, Set<String> done) {
    for (String key : done) {
      TablePin pin = targets.get(key);
      if (pin == sources.get(key)) {
        lance.restore(store.tableUri(pin), pin.version());
      } else {
        lance.deleteBranch(store.datasetUri(pin.path()), pin.lanceBranch());
      }
    }
  }

  private ObjectNode intent(
      Manifest base, String branch, Map<String, TablePin> targets, Steps steps, Head head) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("write_id", writeId);
    o.put("operation", steps.operation());
    o.put("graph_branch", branch);
    o.put("head", head.newCommit() ? writeId : head.head());
    o.put("base_manifest_version", base.version());
    o.put("created_at", Clock.micros());
    o.set("owner", Recovery.owner());
    ObjectNode tables = o.putObject("tables");
    for (Map.Entry<String, TablePin> t : targets.entrySet()) {
      TablePin pin = t.getValue();
      tables
          .putObject(t.getKey())
          .put("path", pin.path())
          .put("lance_branch", pin.lanceBranch())
          .put("base_version", pin.version());
    }
    return o;
  }
}
