package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.Ulid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lance.Dataset;
import org.lance.compaction.Compaction;
import org.lance.compaction.CompactionOptions;
import org.lance.compaction.CompactionTask;

/**
 * {@code optimize} (04 §8): for every dataset {@code main} pins, compact small fragments and
 * reconcile indexes ({@link IndexReconciler}), then publish every changed dataset in one manifest
 * version. Phases: preflight (recovery, drift) → plan (read only) → write intent → effects →
 * publish → delete intent. A crash before the publish leaves an intent that the next write or
 * maintenance command rolls back (the effects only rearrange data, so nothing is lost); a run with
 * nothing to do publishes nothing. Runs under the graph's write lock, held by {@link GraphRoot}.
 */
final class Optimize {
  private static final CompactionOptions COMPACTION = CompactionOptions.builder().build();
  private static final String AUTO_CLEANUP = "lance.auto_cleanup.";

  private final GraphStore store;
  private final LanceTables lance;
  private final Catalog catalog;
  private final Ulid ulid;

  Optimize(GraphStore store, LanceTables lance, Catalog catalog, Ulid ulid) {
    this.store = store;
    this.lance = lance;
    this.catalog = catalog;
    this.ulid = ulid;
  }

  /** The read-only plan of one dataset. */
  private record Work(
      String key,
      TablePin pin,
      Drift.State drift,
      int fragments,
      int fragmentsToRewrite,
      boolean autoCleanupHook,
      IndexReconciler.Plan indexes,
      Map<String, IndexReconciler.Wanted> wanted) {
    boolean hasWork() {
      return !drift.drifted() && (fragmentsToRewrite > 0 || autoCleanupHook || indexes.hasWork());
    }
  }

  OptimizeReport run(long graceMicros) {
    MaintenanceGuard.recoverOrRefuse(store, lance, "optimize", graceMicros);
    Manifest base = MaintenanceGuard.latest(store);
    Manifest.BranchState main = base.branch("main");
    List<Work> plan =
        MaintenancePool.map(
            List.copyOf(new TreeMap<>(main.tables()).entrySet()),
            t -> plan(t.getKey(), t.getValue()));
    if (plan.stream().noneMatch(Work::hasWork)) {
      return new OptimizeReport(
          plan.stream().map(Optimize::unchanged).toList(), null, base.version());
    }
    String commitId = ulid.next();
    String sidecar = RootLayout.recoveryKey(commitId);
    store.objects().createIfAbsent(sidecar, GraphLoad.utf8(intent(commitId, base, plan)));
    Failpoints.hit(Failpoints.OPTIMIZE_AFTER_SIDECAR);
    List<OptimizeReport.Row> rows =
        MaintenancePool.map(plan, w -> w.hasWork() ? execute(w) : unchanged(w));
    Map<String, TablePin> tables = new TreeMap<>(main.tables());
    boolean changed = false;
    for (int i = 0; i < plan.size(); i++) {
      Work w = plan.get(i);
      OptimizeReport.Row r = rows.get(i);
      if (r.committed()) {
        tables.put(w.key(), w.pin().withVersion(r.publishedDatasetVersion()));
        changed = true;
      }
    }
    Failpoints.hit(Failpoints.OPTIMIZE_BEFORE_PUBLISH);
    if (!changed) {
      store.objects().delete(sidecar);
      return new OptimizeReport(rows, null, base.version());
    }
    long version = base.version() + 1;
    Commit commit =
        new Commit(commitId, "main", version, main.headCommit(), null, null, Clock.micros());
    Map<String, Manifest.BranchState> branches = new TreeMap<>(base.branches());
    branches.put("main", main.advance(commitId, tables));
    if (!store.publish(new Manifest(version, base.schemaDigest(), branches, commit))) {
      for (Work w : plan) {
        if (w.hasWork()) {
          restore(w);
        }
      }
      store.objects().delete(sidecar);
      throw new RootException(
          RootException.Kind.PUBLISH_CONFLICT,
          "another writer published manifest version " + version + " first; rerun optimize");
    }
    Failpoints.hit(Failpoints.OPTIMIZE_AFTER_PUBLISH);
    store.objects().delete(sidecar);
    return new OptimizeReport(rows, commit, version);
  }

  private Work plan(String key, TablePin pin) {
    Drift.State drift = Drift.of(lance, store, pin);
    List<PendingIndex> pending = new ArrayList<>();
    Map<String, IndexReconciler.Wanted> wanted = IndexReconciler.wanted(catalog, key, pending);
    if (drift.drifted()) {
      return new Work(key, pin, drift, 0, 0, false, null, wanted);
    }
    try (Dataset ds = lance.open(store.tableUri(pin), null)) {
      int fragments = ds.getFragments().size();
      int rewrite = 0;
      for (CompactionTask t : Compaction.planCompaction(ds, COMPACTION).getCompactionTasks()) {
        rewrite += t.getTaskData().getFragments().size();
      }
      boolean hook = ds.getConfig().keySet().stream().anyMatch(k -> k.startsWith(AUTO_CLEANUP));
      return new Work(
          key,
          pin,
          drift,
          fragments,
          rewrite,
          hook,
          IndexReconciler.plan(ds, wanted, pending),
          wanted);
    }
  }

  private OptimizeReport.Row execute(Work w) {
    try (Dataset ds = lance.open(store.tableUri(w.pin()), null)) {
      if (w.autoCleanupHook()) {
        // never let a compaction commit trigger Lance's own version GC (only cleanup deletes)
        LanceTables.stripAutoCleanup(ds);
        ds.checkoutLatest();
      }
      if (w.fragmentsToRewrite() > 0) {
        ds.compact(COMPACTION);
        Failpoints.hit(Failpoints.OPTIMIZE_AFTER_COMPACTION);
      }
      // compaction renumbers fragments: plan the indexes again on the compacted version
      IndexReconciler.Plan p = IndexReconciler.plan(ds, w.wanted(), List.of());
      List<PendingIndex> pending = new ArrayList<>(w.indexes().pending());
      p.pending().stream().filter(x -> !pending.contains(x)).forEach(pending::add);
      IndexReconciler.Outcome o = IndexReconciler.apply(ds, p);
      int after = ds.getFragments().size();
      int kept = w.fragments() - w.fragmentsToRewrite();
      long v = ds.version();
      return new OptimizeReport.Row(
          w.key(),
          w.fragments(),
          after,
          w.fragmentsToRewrite(),
          Math.max(0, after - kept),
          true,
          null,
          v,
          v,
          o.created(),
          o.dropped(),
          o.reindexed(),
          List.copyOf(pending),
          null);
    } catch (RuntimeException e) {
      restore(w);
      return new OptimizeReport.Row(
          w.key(),
          w.fragments(),
          w.fragments(),
          0,
          0,
          false,
          null,
          w.pin().version(),
          lance.latestVersion(store.tableUri(w.pin())),
          List.of(),
          List.of(),
          false,
          w.indexes().pending(),
          String.valueOf(e.getMessage()));
    }
  }

  /** Puts a table back at its pinned rows after a failed or unpublished optimize. */
  private void restore(Work w) {
    LanceTables.Loc loc = store.tableUri(w.pin());
    if (lance.latestVersion(loc) > w.drift().head()) {
      lance.restore(loc, w.pin().version());
    }
  }

  private static OptimizeReport.Row unchanged(Work w) {
    return new OptimizeReport.Row(
        w.key(),
        w.fragments(),
        w.fragments(),
        0,
        0,
        false,
        w.drift().drifted() ? "drift_needs_repair" : null,
        w.pin().version(),
        w.drift().head(),
        List.of(),
        List.of(),
        false,
        w.indexes() == null ? List.of() : w.indexes().pending(),
        null);
  }

  /** The write intent, in the shape {@link Recovery} reads ({@code operation: optimize}). */
  private static String intent(String commitId, Manifest base, List<Work> plan) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("write_id", commitId);
    o.put("operation", "optimize");
    o.put("graph_branch", "main");
    o.put("base_manifest_version", base.version());
    o.put("created_at", Clock.micros());
    o.set("owner", Recovery.owner());
    ObjectNode tables = o.putObject("tables");
    for (Work w : plan) {
      if (w.hasWork()) {
        tables
            .putObject(w.key())
            .put("path", w.pin().path())
            .put("lance_branch", w.pin().lanceBranch())
            .put("base_version", w.pin().version());
      }
    }
    return o.toPrettyString();
  }
}
