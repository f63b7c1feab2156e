package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.engine.load.GraphBatchReader;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.load.StagedBatch;
import io.omnigraph.engine.load.Ulid;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * A graph root opened for reads and writes: {@link #init}, {@link #open}, {@link #snapshot} and
 * {@link #load}. One Arrow allocator per open root (closed by {@link #close()}). Writes to one root
 * are serialised by a lock per root URI inside this JVM; publishing by create-if-absent makes a
 * concurrent writer in another process lose cleanly ({@link RootException.Kind#PUBLISH_CONFLICT}).
 */
public final class GraphRoot implements AutoCloseable {
  private static final Map<String, ReentrantLock> WRITE_LOCKS = new ConcurrentHashMap<>();

  private final GraphStore store;
  private final BufferAllocator allocator;
  private final LanceTables lance;
  private final SchemaFiles schemas;
  private volatile Catalog catalog;
  private final Ulid ulid = new Ulid();
  private long recoveryGraceMicros = 10L * 60 * 1_000_000;

  private GraphRoot(GraphStore store, BufferAllocator allocator, Map<String, String> options) {
    this.store = store;
    this.allocator = allocator;
    this.lance = new LanceTables(allocator, options);
    this.schemas = new SchemaFiles(store);
    this.catalog = schemas.schema(manifest().schemaDigest()).catalog();
  }

  /** Creates an empty graph at {@code uri}; returns the genesis manifest. */
  public static Manifest init(
      String uri, CompiledSchema schema, String actor, Map<String, String> env) {
    return init(uri, schema, actor, env, false);
  }

  /**
   * Creates an empty graph at {@code uri}. {@code force} first clears leftovers of an unpublished
   * init (only when no manifest exists; an initialized graph is never replaced).
   */
  public static Manifest init(
      String uri, CompiledSchema schema, String actor, Map<String, String> env, boolean force) {
    ClusterPaths.refuseClusterManaged(uri, env);
    try (ObjectStore objects = ObjectStores.open(uri, env);
        BufferAllocator allocator = new RootAllocator()) {
      GraphStore store = new GraphStore(objects);
      LanceTables lance = new LanceTables(allocator, ObjectStores.lanceStorageOptions(uri, env));
      return GraphInit.run(store, lance, schema, actor, new Ulid(), force);
    }
  }

  /** Opens an initialized graph root. */
  public static GraphRoot open(String uri, Map<String, String> env) {
    ObjectStore objects = ObjectStores.open(uri, env);
    try {
      GraphStore store = new GraphStore(objects);
      if (store.latestManifestVersion().isEmpty()) {
        throw new RootException(
            RootException.Kind.NOT_INITIALIZED,
            "no graph at " + objects.uri() + " (no manifest); create one with omnigraph init");
      }
      return new GraphRoot(store, new RootAllocator(), ObjectStores.lanceStorageOptions(uri, env));
    } catch (RuntimeException e) {
      objects.close();
      throw e;
    }
  }

  public String uri() {
    return store.uri();
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The newest published manifest. */
  public Manifest manifest() {
    long v =
        store
            .latestManifestVersion()
            .orElseThrow(() -> new RootException(RootException.Kind.CORRUPT, "manifest vanished"));
    return store.readManifest(v);
  }

  /** The head of {@code branch} at the newest manifest, materialised in memory. */
  public RootSnapshot snapshot(String branch) {
    return snapshot(manifest(), branch);
  }

  RootSnapshot snapshot(Manifest m, String branch) {
    Manifest.BranchState b = m.branch(branch);
    Catalog c = schemas.schema(m.schemaDigest()).catalog(); // the schema m was written under
    return new SnapshotReader(lance, store).read(c, b, b.headCommit(), m.version());
  }

  /**
   * Time travel: the snapshot {@code id} names — a commit ULID (read on the commit's branch at the
   * manifest version it published), a manifest version number ({@code 3}/{@code v3}, read on {@code
   * branch}) or a witness {@code manifest:<branch>:v<N>}. Unknown ids throw {@link
   * RootException.Kind#SNAPSHOT_NOT_FOUND} naming the versions that exist.
   */
  public RootSnapshot snapshotAt(String id, String branch) {
    History.Target t = new History(store).resolve(id, branch);
    return snapshot(t.manifest(), t.branch());
  }

  /**
   * The branch the time-travel id {@code id} reads (see {@link #snapshotAt}), so a caller can
   * authorize it before reading; unknown ids throw {@link RootException.Kind#SNAPSHOT_NOT_FOUND}.
   */
  public String snapshotBranch(String id, String branch) {
    return new History(store).resolve(id, branch).branch();
  }

  /**
   * Whether manifest {@code version} is still the newest published one: one existence check of
   * version {@code version + 1} (versions are published contiguously), for caches of a pinned
   * snapshot that must not re-read the manifest on every request.
   */
  public boolean isLatestManifest(long version) {
    return !store.manifestExists(version + 1);
  }

  /** The commits reachable from the head of {@code branch}, newest first (first parents). */
  public List<Commit> commits(String branch) {
    return new History(store).commits(branch);
  }

  /** The commit with {@code id}; {@link RootException.Kind#COMMIT_NOT_FOUND} when unknown. */
  public Commit commit(String id) {
    return new History(store).commit(id);
  }

  /**
   * One page of the entity changes commit {@code id} made versus its first parent (04 §7), in the
   * frozen order ({@link CommitDiff}). {@code limit} {@code null} = 1,000 (max 8,192); {@code
   * pageToken} continues a previous page (with the same filter). Throws {@code COMMIT_NOT_FOUND},
   * {@code CHANGE_DIFF_REFUSED} (genesis: {@code parentless_commit}; a schema change: {@code
   * schema_boundary}), {@code CHANGE_FEED_GAP} (the parent's versions were removed by cleanup),
   * {@code CHANGE_CURSOR_REJECTED} (bad token), {@code INVALID_ARGUMENT} (bad limit).
   */
  public CommitChanges commitChanges(
      String id, ChangeFilter filter, Integer limit, String pageToken) {
    int n = CommitChanges.limit(limit);
    CommitIndex index = CommitIndex.load(store, new History(store).latestVersion());
    Commit c = index.find(id).orElseGet(() -> commit(id));
    CommitDiff.Position after = null;
    if (pageToken != null) {
      var t = ChangeTokens.decode(pageToken, "page");
      if (!id.equals(t.path("c").asText())) {
        throw ChangeTokens.rejected("the page token belongs to another commit");
      }
      if (!filter.fingerprint().equals(t.path("f").asText())) {
        throw ChangeTokens.rejected(
            "the page token was issued for other filters; repeat the kind/type/op filters of the"
                + " first page");
      }
      after = CommitDiff.position(t).orElseThrow(() -> ChangeTokens.rejected("empty page token"));
    }
    CommitDiff.Page p =
        new CommitDiff(this, index).page(c, filter, n, CommitChanges.PAGE_BYTES, after);
    String next = null;
    if (p.next() != null) {
      var t = ChangeTokens.object("page").put("c", id).put("f", filter.fingerprint());
      t.set("pos", p.next().toJson());
      next = ChangeTokens.encode(t);
    }
    return new CommitChanges(c, p.changes(), next);
  }

  /**
   * One page of the change feed of a branch (04 §7): give exactly one of {@code cursor}, {@code
   * start} ({@code now}, {@code beginning}, {@code after:<commit id>}) and {@code pageToken}.
   * Throws {@code CHANGE_CURSOR_REJECTED}, {@code CHANGE_FEED_GAP}, {@code BRANCH_NOT_FOUND},
   * {@code INVALID_ARGUMENT}.
   */
  public ChangeFeedPage pollChanges(
      String branch,
      String cursor,
      String start,
      String pageToken,
      ChangeFilter filter,
      Integer limit) {
    return new ChangeFeed(this)
        .poll(new ChangeFeed.Request(branch, cursor, start, pageToken, filter, limit));
  }

  /**
   * Writes a change-feed baseline of {@code branch} (default main) to {@code out}: its entities in
   * the load envelope (the filter's kinds and types; ops do not apply), then {@code
   * {"baseline":{snapshot_commit_id, resume_cursor}}}. Returns {@code {snapshot_commit_id,
   * resume_cursor, entities}}.
   */
  public com.fasterxml.jackson.databind.node.ObjectNode changesBaseline(
      java.io.OutputStream out, String branch, ChangeFilter filter) {
    return ChangeBaseline.run(this, out, branch, filter);
  }

  /** The published manifest {@code version}. */
  public Manifest manifest(long version) {
    if (!store.manifestExists(version)) {
      throw new RootException(
          RootException.Kind.SNAPSHOT_NOT_FOUND, "manifest version " + version + " does not exist");
    }
    return store.readManifest(version);
  }

  /** The datasets the head of {@code branch} pins, with their row counts ({@code snapshot}). */
  public SnapshotInfo snapshotInfo(String branch) {
    return History.info(manifest(), branch, store, lance);
  }

  /**
   * Like {@link #snapshotInfo(String)}, at the snapshot {@code id} names (see {@link #snapshotAt}).
   */
  public SnapshotInfo snapshotInfoAt(String id, String branch) {
    History.Target t = new History(store).resolve(id, branch);
    return History.info(t.manifest(), t.branch(), store, lance);
  }

  /**
   * Reads, validates and commits one graph batch on {@code branch} as one graph commit. A batch
   * that fails validation throws {@link io.omnigraph.engine.load.LoadException} and writes nothing.
   */
  public LoadResult load(InputStream in, LoadMode mode, String branch, String actor)
      throws IOException {
    return load(in, mode, branch, null, actor);
  }

  /**
   * Like {@link #load(InputStream, LoadMode, String, String)}; when {@code branch} does not exist
   * and {@code from} is given, first creates it from {@code from} (its own manifest version, so
   * such a load publishes two versions; a batch that then fails validation leaves the new branch in
   * place). A missing branch without {@code from} is {@link RootException.Kind#BRANCH_NOT_FOUND}.
   */
  public LoadResult load(InputStream in, LoadMode mode, String branch, String from, String actor)
      throws IOException {
    ReentrantLock lock = writeLock();
    lock.lock();
    try {
      Recovery.run(store, lance, manifest(), recoveryGraceMicros);
      String created = null;
      if (from != null && !manifest().branches().containsKey(branch)) {
        createBranch(branch, from);
        created = from;
      }
      Manifest base = manifest();
      RootSnapshot current = snapshot(base, branch);
      StagedBatch batch = GraphBatchReader.forSnapshot(current).mode(mode).build().read(in);
      Commit c =
          batch.totalEntities() == 0
              ? null
              : new GraphLoad(store, lance, allocator, ulid).commit(base, branch, batch, actor);
      LoadResult r = new LoadResult(branch, mode, batch, c, actor);
      return created == null ? r : r.createdFrom(created);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The migration from the newest manifest's schema to {@code desired}, with the branches that
   * would block it. No side effects at all (the control plane calls it before arming its recovery
   * sidecar). {@code allowDataLoss} promotes drops to hard.
   */
  public SchemaApplyPreview previewSchemaApply(CompiledSchema desired, boolean allowDataLoss) {
    return new SchemaApply(store, lance, schemas, ulid).preview(manifest(), desired, allowDataLoss);
  }

  /**
   * Migrates the graph to {@code desired} as one graph commit on {@code main} (spec 02 §8). A no-op
   * plan publishes nothing ({@code applied=false}). Refuses, before any effect, unsupported plans
   * ({@link RootException.Kind#SCHEMA_PLAN_UNSUPPORTED}), public branches other than main ({@link
   * RootException.Kind#SCHEMA_APPLY_BLOCKED_BY_BRANCHES}) and an apply in progress in another
   * process ({@link RootException.Kind#SCHEMA_APPLY_IN_PROGRESS}); applies in this process queue on
   * the write lock. Soft drops keep the data readable at older manifest versions; {@code
   * allowDataLoss} makes them hard (old versions of the affected tables are removed after the
   * publish).
   */
  public SchemaApplyResult applySchema(
      CompiledSchema desired, boolean allowDataLoss, String actor) {
    ReentrantLock lock = writeLock();
    lock.lock();
    try {
      Recovery.run(store, lance, manifest(), recoveryGraceMicros);
      SchemaApplyResult r =
          new SchemaApply(store, lance, schemas, ulid)
              .apply(manifest(), desired, allowDataLoss, actor);
      catalog = schemas.schema(manifest().schemaDigest()).catalog();
      return r;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Runs the mutation query {@code q} (compiled against {@link #catalog()}) with {@code params} on
   * {@code branch} as one graph commit (04 §3, 03 §5); see {@link GraphMutation}. With {@code
   * ifCommit} non-null the write runs only while the branch head is that commit, else {@link
   * RootException.Kind#PRECONDITION_FAILED} (412; details {@code expected}/{@code actual}).
   * Failures: {@link io.omnigraph.engine.exec.QueryExecutionException} ({@code bad_param}), {@link
   * io.omnigraph.engine.exec.mutate.MutationException} (constraint codes, {@code key_conflict},
   * {@code resource_limit}), {@link RootException} ({@code BRANCH_NOT_FOUND}, conflicts). A
   * mutation that changes nothing publishes nothing ({@code commit == null}).
   */
  public MutationResult mutate(
      io.omnigraph.compiler.query.ir.CompiledQuery q,
      com.fasterxml.jackson.databind.JsonNode params,
      String branch,
      String actor,
      String ifCommit) {
    return underWriteLock(() -> new GraphMutation(this).run(q, params, branch, actor, ifCommit));
  }

  /**
   * Merges branch {@code source} into {@code target} (default {@code main}) as one atomic write (04
   * §4; see {@link BranchMerge}): {@code already_up_to_date}, {@code fast_forward} or {@code
   * merged} (a two-parent commit). Conflicts throw {@link MergeConflictsException} and change
   * nothing. With {@code deleteBranch} the source is then deleted; a refusal does not fail the
   * merge: the result carries {@code branchDeleted=false} and the reason.
   */
  public MergeResult merge(String source, String target, String actor, boolean deleteBranch) {
    String into = target == null ? "main" : target;
    MergeResult r = underWriteLock(() -> new BranchMerge(this).run(source, into, actor));
    if (!deleteBranch) {
      return r;
    }
    try {
      deleteBranch(source);
      return r.withDeletion(true, null);
    } catch (RootException e) {
      return r.withDeletion(false, e.getMessage());
    }
  }

  /**
   * Streams the head of {@code branch} as JSONL in the load envelope (04 §6) to {@code out}: node
   * types by name, then edge types, each entity with its {@code id}; {@code types} (node or edge
   * type names; null or empty = all) restricts the output. Returns the number of entities written.
   * Unknown type names throw {@link RootException.Kind#UNKNOWN_TYPE} before anything is written.
   */
  public long export(java.io.OutputStream out, String branch, List<String> types) {
    return new GraphExport(store, lance, catalog).run(manifest(), branch, types, out);
  }

  /** Runs a write under the per-graph lock after resolving leftover write intents. */
  <T> T underWriteLock(java.util.function.Supplier<T> write) {
    ReentrantLock lock = writeLock();
    lock.lock();
    try {
      Recovery.run(store, lance, manifest(), recoveryGraceMicros);
      return write.get();
    } finally {
      lock.unlock();
    }
  }

  BufferAllocator allocator() {
    return allocator;
  }

  String nextId() {
    return ulid.next();
  }

  /** The public graph branches at the newest manifest, sorted (internal {@code __…} hidden). */
  public List<String> listBranches() {
    return manifest().branches().keySet().stream()
        .filter(b -> !b.startsWith("__"))
        .sorted()
        .toList();
  }

  /**
   * Creates graph branch {@code name} from {@code from} (default {@code main}): publishes one
   * manifest version whose new entry copies the source's head commit and table pins. No data is
   * copied; each table forks onto a Lance branch on the branch's first write to it. Returns the
   * published manifest.
   */
  public Manifest createBranch(String name, String from) {
    String source = from == null ? "main" : from;
    ReentrantLock lock = writeLock();
    lock.lock();
    try {
      Manifest base = manifest();
      Branches.checkNewName(name, base.branches().keySet());
      Manifest.BranchState src = base.branch(source);
      Map<String, Manifest.BranchState> branches = new TreeMap<>(base.branches());
      branches.put(name, new Manifest.BranchState(src.headCommit(), src.tables(), source));
      return publish(new Manifest(base.version() + 1, base.schemaDigest(), branches, null));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Deletes graph branch {@code name}: refused for {@code main}, internal or unknown branches and
   * for branches that live branches were created from. Publishes the manifest without the branch
   * first, then deletes the Lance branches it forked (a crash in between leaves unreferenced Lance
   * branches, which a later fork of the same name replaces).
   */
  public Manifest deleteBranch(String name) {
    ReentrantLock lock = writeLock();
    lock.lock();
    try {
      Manifest base = manifest();
      if ("main".equals(name) || name.startsWith("__")) {
        throw new RootException(
            RootException.Kind.INVALID_BRANCH_NAME, "branch " + name + " cannot be deleted");
      }
      Manifest.BranchState gone = base.branch(name);
      List<String> children =
          base.branches().entrySet().stream()
              .filter(e -> name.equals(e.getValue().parent()))
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      if (!children.isEmpty()) {
        throw new RootException(
            RootException.Kind.BRANCH_HAS_DESCENDANTS,
            "branch "
                + name
                + " has descendants "
                + children
                + "; delete them first (branches created from it)");
      }
      Map<String, Manifest.BranchState> branches = new TreeMap<>(base.branches());
      branches.remove(name);
      Manifest m = publish(new Manifest(base.version() + 1, base.schemaDigest(), branches, null));
      for (TablePin pin : gone.tables().values()) {
        if (name.equals(pin.lanceBranch())) {
          lance.deleteBranch(store.datasetUri(pin.path()), name);
        }
      }
      return m;
    } finally {
      lock.unlock();
    }
  }

  // ---- storage maintenance (04 §8): Optimize, Cleanup, Repair; each under the write lock ----

  /**
   * Compacts every dataset of {@code main} and reconciles its indexes with the schema, publishing
   * the changed datasets in one manifest version (none when nothing changed).
   */
  public OptimizeReport optimize() {
    return locked(() -> new Optimize(store, lance, catalog, ulid).run(recoveryGraceMicros));
  }

  /**
   * Removes manifest versions outside {@code policy} and every Lance version and orphaned Lance
   * branch no kept version needs; with {@code confirm == false} only reports what would go.
   */
  public CleanupReport cleanup(RetentionPolicy policy, boolean confirm) {
    return locked(() -> new Cleanup(store, lance).run(policy, confirm, recoveryGraceMicros));
  }

  /** Classifies uncovered drift of {@code main}'s datasets; publishes it with {@code confirm}. */
  public RepairReport repair(boolean confirm, boolean force) {
    return locked(() -> new Repair(store, lance, ulid).run(confirm, force, recoveryGraceMicros));
  }

  private <T> T locked(java.util.function.Supplier<T> body) {
    ReentrantLock lock = writeLock();
    lock.lock();
    try {
      return body.get();
    } finally {
      lock.unlock();
    }
  }

  private Manifest publish(Manifest next) {
    if (!store.publish(next)) {
      throw new RootException(
          RootException.Kind.PUBLISH_CONFLICT,
          "another writer published manifest version " + next.version() + " first; retry");
    }
    return next;
  }

  ReentrantLock writeLock() {
    return WRITE_LOCKS.computeIfAbsent(store.uri(), k -> new ReentrantLock());
  }

  /** How old a write intent must be before a load rolls it back (tests use 0). */
  void recoveryGrace(long micros) {
    this.recoveryGraceMicros = micros;
  }

  LanceTables lance() {
    return lance;
  }

  GraphStore store() {
    return store;
  }

  @Override
  public void close() {
    try {
      allocator.close();
    } finally {
      store.objects().close();
    }
  }
}
