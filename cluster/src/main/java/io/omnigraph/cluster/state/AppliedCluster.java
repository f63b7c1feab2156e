package io.omnigraph.cluster.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.ClusterDiagnostic;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.cluster.state.ClusterState.ResourceEntry;
import io.omnigraph.engine.root.AcceptedSchema;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Read-only view of a cluster's <em>applied</em> revision, for the server's boot (06 §2) and for
 * maintenance addressing (05 §11). Reads the ledger without taking the lock and without sweeping;
 * never writes. Stable API: the server depends on it.
 *
 * <p>What it gives: the state revision and CAS; every applied graph (id, derived root URI,
 * composite and schema digests, bound embedding provider, external-Blob policy, its stored queries
 * with catalog bytes and verification result); every policy bundle (bindings, bytes, verification);
 * embedding providers (recorded profile); pending recovery sidecars and the problems met listing
 * them. A graph's accepted schema source is read on demand ({@link #schemaSource}) from the graph
 * root's {@code _schema.pg} (no Lance).
 *
 * <p>Errors: a missing ledger throws {@link StateException} with code {@code
 * cluster_state_missing}; an unreadable or invalid one {@code state_read_error}, {@code
 * invalid_state_json}, {@code unsupported_state_version}; an unopenable root {@code
 * storage_root_invalid}. Payload problems are not thrown: see {@link AppliedPayload#check()}.
 */
public final class AppliedCluster {
  /** A catalog payload as found: {@code bytes} is null unless the check is OK or MISMATCH. */
  public record AppliedPayload(
      String address, String name, String digest, String key, Catalog.Check check, byte[] bytes) {
    public boolean ok() {
      return check == Catalog.Check.OK;
    }
  }

  /**
   * An applied graph. {@code embeddingProvider} is the provider address ({@code
   * provider.embedding.<n>}) or null; {@code externalBlobPolicy} is null for deny.
   */
  public record AppliedGraph(
      String id,
      String rootUri,
      String digest,
      String schemaDigest,
      String embeddingProvider,
      ObjectNode externalBlobPolicy,
      SortedMap<String, AppliedPayload> queries) {}

  /**
   * A policy bundle; {@code appliesTo} holds normalized bindings ({@code cluster} / {@code
   * graph.<id>}) or is null on a ledger that predates bindings ({@code policy_bindings_missing}).
   */
  public record AppliedPolicy(
      String name, String digest, List<String> appliesTo, AppliedPayload payload) {
    public boolean clusterScoped() {
      return appliesTo != null && appliesTo.contains("cluster");
    }

    /** The graph ids this bundle binds (empty for a cluster-scoped bundle). */
    public List<String> graphIds() {
      if (appliesTo == null) {
        return List.of();
      }
      return appliesTo.stream()
          .filter(b -> b.startsWith("graph."))
          .map(b -> b.substring(6))
          .toList();
    }
  }

  /** An embedding provider; {@code profile} ({kind, base_url?, model?, api_key?}) may be null. */
  public record AppliedProvider(String name, String address, String digest, ObjectNode profile) {
    /** Whether the recorded profile hashes to the recorded digest. */
    public boolean profileMatchesDigest() {
      return profile != null && Digests.provider(profile).equals(digest);
    }
  }

  private final String storageRoot;
  private final Map<String, String> env;
  private final StateRead read;
  private final SortedMap<String, AppliedGraph> graphs;
  private final SortedMap<String, AppliedPolicy> policies;
  private final SortedMap<String, AppliedProvider> providers;
  private final List<RecoverySidecar> recoveries;
  private final List<ClusterDiagnostic> recoveryProblems;

  private AppliedCluster(ClusterStore store, StateRead read) {
    this.storageRoot = store.uri();
    this.env = store.env();
    this.read = read;
    this.providers = providers(read.state());
    this.graphs = graphs(store, read.state());
    this.policies = policies(store, read.state());
    Diagnostics d = new Diagnostics();
    this.recoveries = RecoverySidecar.list(store, d);
    this.recoveryProblems = d.all();
  }

  /**
   * Reads the applied revision of the cluster at {@code clusterDirOrUri}: a storage-root URI
   * ({@code s3://…}, {@code file://…}) or a config directory (its {@code cluster.yaml} {@code
   * storage:} key, only that key, locates the root; a directory without {@code cluster.yaml} is
   * taken as the root itself).
   */
  public static AppliedCluster read(String clusterDirOrUri, Map<String, String> env) {
    Diagnostics d = new Diagnostics();
    String root =
        StorageRoots.resolve(clusterDirOrUri, d)
            .orElseThrow(
                () ->
                    new StateException(
                        "storage_root_invalid",
                        d.all().stream()
                            .map(ClusterDiagnostic::render)
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("invalid cluster.yaml")));
    try (ClusterStore store = ClusterStore.open(root, env)) {
      return read(store);
    }
  }

  /** Reads the applied revision from an open store (the caller keeps ownership of it). */
  public static AppliedCluster read(ClusterStore store) {
    StateRead r =
        store
            .readState()
            .orElseThrow(
                () ->
                    new StateException(
                        "cluster_state_missing",
                        "no cluster state at "
                            + store.statePath()
                            + "; run `omnigraph cluster import`, then `cluster apply`"));
    return new AppliedCluster(store, r);
  }

  public String storageRoot() {
    return storageRoot;
  }

  public long stateRevision() {
    return read.state().stateRevision();
  }

  /** The applied config digest (null until an apply converged). */
  public String configDigest() {
    return read.state().configDigest();
  }

  /** {@code sha256:<hex>} of the ledger bytes read. */
  public String stateCas() {
    return read.cas();
  }

  /** The ledger as read (a copy; editing it changes nothing). */
  public ClusterState ledger() {
    return read.state().copy();
  }

  public SortedMap<String, AppliedGraph> graphs() {
    return Collections.unmodifiableSortedMap(graphs);
  }

  public SortedMap<String, AppliedPolicy> policies() {
    return Collections.unmodifiableSortedMap(policies);
  }

  public SortedMap<String, AppliedProvider> providers() {
    return Collections.unmodifiableSortedMap(providers);
  }

  /** Valid pending recovery sidecars (each quarantines its graph at boot). */
  public List<RecoverySidecar> pendingRecoveries() {
    return recoveries;
  }

  /**
   * Problems met listing sidecars ({@code recovery_sidecar_read_error}, {@code
   * invalid_recovery_sidecar}, {@code unsupported_recovery_sidecar_version}); fatal at boot.
   */
  public List<ClusterDiagnostic> recoveryProblems() {
    return recoveryProblems;
  }

  /**
   * Whether the graph's recorded composite digest equals the one recomputed from the ledger's own
   * schema/query/provider digests and external-Blob policy ({@code
   * external_blob_policy_digest_mismatch} when not).
   */
  public boolean compositeMatches(String graphId) {
    return LedgerDigests.compositeMatches(read.state(), graphId);
  }

  /** The accepted {@code .pg} source of an applied graph, read from its root (no Lance). */
  public String schemaSource(String graphId) {
    AppliedGraph g = graphs.get(graphId);
    if (g == null) {
      throw new StateException("graph_not_applied", graphNotApplied(graphId));
    }
    return AcceptedSchema.source(g.rootUri(), env);
  }

  /**
   * Maintenance resolution (05 §11): the root URI of {@code graphId}, or of the only applied graph
   * when {@code graphId} is null. Throws {@code graph_not_applied} listing the applied graphs.
   */
  public String resolveRoot(String graphId) {
    if (graphId == null) {
      if (graphs.size() == 1) {
        return graphs.values().iterator().next().rootUri();
      }
      throw new StateException(
          "graph_not_applied",
          graphs.isEmpty()
              ? "the cluster has no applied graph"
              : "the cluster has several applied graphs; pass --graph <id> (one of: "
                  + String.join(", ", graphs.keySet())
                  + ")");
    }
    AppliedGraph g = graphs.get(graphId);
    if (g == null) {
      throw new StateException("graph_not_applied", graphNotApplied(graphId));
    }
    return g.rootUri();
  }

  private String graphNotApplied(String id) {
    return "graph '"
        + id
        + "' is not in the applied revision (applied graphs: "
        + (graphs.isEmpty() ? "none" : String.join(", ", graphs.keySet()))
        + ")";
  }

  private static SortedMap<String, AppliedProvider> providers(ClusterState s) {
    SortedMap<String, AppliedProvider> m = new TreeMap<>();
    s.resources()
        .forEach(
            (a, r) -> {
              if (a.startsWith("provider.embedding.")) {
                String name = a.substring("provider.embedding.".length());
                m.put(name, new AppliedProvider(name, a, r.digest(), r.embeddingProfile()));
              }
            });
    return m;
  }

  private static SortedMap<String, AppliedGraph> graphs(ClusterStore store, ClusterState s) {
    SortedMap<String, AppliedGraph> m = new TreeMap<>();
    s.resources()
        .forEach(
            (a, r) -> {
              if (a.startsWith("graph.")) {
                String id = a.substring(6);
                ResourceEntry schema = s.resources().get("schema." + id);
                m.put(
                    id,
                    new AppliedGraph(
                        id,
                        store.graphUri(id),
                        r.digest(),
                        schema == null ? null : schema.digest(),
                        r.embeddingProvider(),
                        r.externalBlobPolicy(),
                        queries(store, s, id)));
              }
            });
    return m;
  }

  private static SortedMap<String, AppliedPayload> queries(
      ClusterStore store, ClusterState s, String id) {
    SortedMap<String, AppliedPayload> m = new TreeMap<>();
    String prefix = "query." + id + ".";
    s.resources()
        .forEach(
            (a, r) -> {
              if (a.startsWith(prefix)) {
                m.put(
                    a.substring(prefix.length()),
                    payload(store, a, a.substring(prefix.length()), r.digest()));
              }
            });
    return m;
  }

  private static SortedMap<String, AppliedPolicy> policies(ClusterStore store, ClusterState s) {
    SortedMap<String, AppliedPolicy> m = new TreeMap<>();
    s.resources()
        .forEach(
            (a, r) -> {
              if (a.startsWith("policy.")) {
                String name = a.substring(7);
                m.put(
                    name,
                    new AppliedPolicy(
                        name, r.digest(), r.appliesTo(), payload(store, a, name, r.digest())));
              }
            });
    return m;
  }

  private static AppliedPayload payload(
      ClusterStore store, String address, String name, String digest) {
    Catalog.Finding f = Catalog.verify(store, address, digest);
    return new AppliedPayload(address, name, digest, f.key(), f.check(), f.bytes());
  }
}
