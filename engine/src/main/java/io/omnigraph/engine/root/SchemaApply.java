package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.migrate.MigrationPlanner;
import io.omnigraph.compiler.migrate.SchemaMigrationPlan;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.Ulid;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code schema apply} on a graph root (spec 02 §8, 04): refuse unsupported plans, public non-main
 * branches and a held lock before any effect; then write intent sidecar → publish the lock branch
 * {@value #LOCK} → Lance column changes / new datasets → versioned schema files → publish one
 * manifest with the new schema digest, the new pins, the commit and without the lock (the single
 * commit point) → refresh the root schema copies, run hard drops, delete the intent. Runs under the
 * per-root write lock held by {@link GraphRoot}.
 */
final class SchemaApply {
  static final String LOCK = "__schema_apply_lock__";
  static final String KIND = "schema_apply";

  private final GraphStore store;
  private final LanceTables lance;
  private final SchemaFiles files;
  private final Ulid ulid;

  SchemaApply(GraphStore store, LanceTables lance, SchemaFiles files, Ulid ulid) {
    this.store = store;
    this.lance = lance;
    this.files = files;
    this.ulid = ulid;
  }

  /** The plan from {@code base}'s schema to {@code desired}; reads only. */
  SchemaApplyPreview preview(Manifest base, CompiledSchema desired, boolean allowDataLoss) {
    CompiledSchema accepted = files.schema(base.schemaDigest());
    SchemaMigrationPlan plan = MigrationPlanner.plan(accepted, desired);
    if (allowDataLoss) {
      plan = plan.withHardDrops();
    }
    List<String> blocking =
        base.branches().keySet().stream()
            .filter(b -> !"main".equals(b) && !b.startsWith("__"))
            .sorted()
            .toList();
    return new SchemaApplyPreview(
        store.uri(), base.schemaDigest(), desired.digest(), plan, blocking);
  }

  SchemaApplyResult apply(
      Manifest base, CompiledSchema desired, boolean allowDataLoss, String actor) {
    SchemaApplyPreview preview = preview(base, desired, allowDataLoss);
    if (preview.noop()) {
      return new SchemaApplyResult(preview, false, base.version(), null);
    }
    refuse(base, preview);
    Manifest.BranchState main = base.branch("main");
    SchemaChange change =
        SchemaChange.of(
            preview.plan(), main.tables(), files.state(base.schemaDigest()), desired.catalog());
    String commitId = ulid.next();
    String sidecar = RootLayout.recoveryKey(commitId);
    store
        .objects()
        .createIfAbsent(
            sidecar, GraphLoad.utf8(intent(commitId, base, desired, change).toPrettyString()));
    Failpoints.hit(Failpoints.SCHEMA_APPLY_AFTER_SIDECAR);
    Manifest locked = lock(base, sidecar);
    Map<String, TablePin> tables;
    try {
      tables = new SchemaWrites(store, lance).run(change);
      files.archiveRoot(base.schemaDigest());
      files.writeVersioned(desired, change.state);
    } catch (RuntimeException e) {
      abandon(change, sidecar);
      throw e;
    }
    Failpoints.hit(Failpoints.SCHEMA_APPLY_BEFORE_PUBLISH);
    Manifest next = published(locked, desired, tables, commitId, actor);
    if (!store.publish(next)) {
      abandon(change, sidecar);
      throw new RootException(
          RootException.Kind.PUBLISH_CONFLICT,
          "another writer published manifest version " + next.version() + " first; retry");
    }
    Failpoints.hit(Failpoints.SCHEMA_APPLY_AFTER_PUBLISH);
    SchemaApplyRecovery.finish(store, lance, files, next, intentOf(change), sidecar);
    return new SchemaApplyResult(preview, true, next.version(), commitId);
  }

  private static void refuse(Manifest base, SchemaApplyPreview preview) {
    if (!preview.supported()) {
      throw new RootException(
          RootException.Kind.SCHEMA_PLAN_UNSUPPORTED,
          "the migration plan is not supported ("
              + preview.plan().unsupportedChanges().size()
              + " unsupported change(s): "
              + String.join(
                  "; ", preview.plan().unsupportedChanges().stream().map(s -> s.render()).toList())
              + "); nothing was changed — revise the desired schema (omnigraph schema plan"
              + " shows the plan)");
    }
    if (!preview.blockingBranches().isEmpty()) {
      throw new RootException(
          RootException.Kind.SCHEMA_APPLY_BLOCKED_BY_BRANCHES,
          "schema apply refuses while branches other than main exist: "
              + String.join(", ", preview.blockingBranches())
              + "; merge or delete them first (omnigraph branch delete <name>)");
    }
    if (base.branches().containsKey(LOCK)) {
      throw inProgress();
    }
  }

  static RootException inProgress() {
    return new RootException(
        RootException.Kind.SCHEMA_APPLY_IN_PROGRESS,
        "another schema apply holds the "
            + LOCK
            + " lock; retry when it finishes (an apply whose process died is rolled back by the"
            + " next write once its intent is stale)");
  }

  /** Publishes the lock branch (a copy of main); a lost race is another apply or writer. */
  private Manifest lock(Manifest base, String sidecar) {
    Map<String, Manifest.BranchState> branches = new TreeMap<>(base.branches());
    Manifest.BranchState main = base.branch("main");
    branches.put(LOCK, new Manifest.BranchState(main.headCommit(), main.tables(), "main"));
    Manifest locked = new Manifest(base.version() + 1, base.schemaDigest(), branches, null);
    if (store.publish(locked)) {
      return locked;
    }
    store.objects().delete(sidecar);
    long latest = store.latestManifestVersion().orElse(base.version());
    if (store.readManifest(latest).branches().containsKey(LOCK)) {
      throw inProgress();
    }
    throw new RootException(
        RootException.Kind.PUBLISH_CONFLICT,
        "another writer published manifest version " + locked.version() + " first; retry");
  }

  private static Manifest published(
      Manifest locked,
      CompiledSchema desired,
      Map<String, TablePin> tables,
      String commitId,
      String actor) {
    long version = locked.version() + 1;
    Manifest.BranchState main = locked.branch("main");
    Map<String, Manifest.BranchState> branches = new TreeMap<>(locked.branches());
    branches.remove(LOCK);
    branches.put("main", main.advance(commitId, tables));
    Commit commit =
        new Commit(commitId, "main", version, main.headCommit(), null, actor, Clock.micros());
    return new Manifest(version, desired.digest(), branches, commit);
  }

  /** Undoes an unpublished apply in this process: tables, new datasets, lock, intent. */
  private void abandon(SchemaChange change, String sidecar) {
    SchemaApplyRecovery.rollBack(store, lance, intentOf(change));
    store.objects().delete(sidecar);
  }

  private static ObjectNode intentOf(SchemaChange change) {
    return intent(null, null, null, change);
  }

  /**
   * The write intent: {@code {kind: "schema_apply", write_id, graph_branch: "main",
   * base_manifest_version, desired_digest, created_at, owner, tables: {key: {path, lance_branch,
   * base_version}}, created: [path], hard: [{key, path, whole_dataset}]}}.
   */
  private static ObjectNode intent(
      String writeId, Manifest base, CompiledSchema desired, SchemaChange change) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("kind", KIND);
    o.put("write_id", writeId);
    o.put("graph_branch", "main");
    if (base != null) {
      o.put("base_manifest_version", base.version());
      o.put("desired_digest", desired.digest());
    }
    o.put("created_at", Clock.micros());
    o.set("owner", Recovery.owner());
    ObjectNode tables = o.putObject("tables");
    change.work.forEach(
        (key, w) ->
            tables
                .putObject(key)
                .put("path", w.base.path())
                .put("lance_branch", w.base.lanceBranch())
                .put("base_version", w.base.version()));
    ArrayNode created = o.putArray("created");
    change.created.forEach(t -> created.add(t.path()));
    ArrayNode hard = o.putArray("hard");
    change.hard.forEach(
        h ->
            hard.addObject()
                .put("key", h.key())
                .put("path", h.path())
                .put("whole_dataset", h.wholeDataset()));
    return o;
  }
}
