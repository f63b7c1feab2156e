package io.omnigraph.server.boot;

import io.omnigraph.cluster.ClusterDiagnostic;
import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.cluster.state.AppliedCluster.AppliedPayload;
import io.omnigraph.cluster.state.AppliedCluster.AppliedProvider;
import io.omnigraph.cluster.state.RecoverySidecar;
import io.omnigraph.cluster.state.StateException;
import io.omnigraph.server.boot.AppliedRevision.AppliedGraph;
import io.omnigraph.server.boot.AppliedRevision.AppliedPolicy;
import io.omnigraph.server.boot.AppliedRevision.QueryFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The boot source of a real server: the cluster module's read-only {@link AppliedCluster} (ledger
 * without lock or sweep, catalog payloads re-hashed), judged by the rules of 06 §2 step 2.
 */
public final class AppliedClusterSource implements BootSource {
  @Override
  public AppliedRevision read(String clusterArg, Map<String, String> env) {
    AppliedCluster applied;
    try {
      applied = AppliedCluster.read(clusterArg, env);
    } catch (StateException e) {
      throw BootFailure.of(e.code(), clusterArg, e.getMessage());
    }
    return new Judge(applied).run();
  }

  /** One boot's judgement of the applied revision. */
  private static final class Judge {
    private final AppliedCluster applied;
    private final List<BootDiagnostic> fatal = new ArrayList<>();
    private final Map<String, BootDiagnostic> quarantined = new TreeMap<>();

    Judge(AppliedCluster applied) {
      this.applied = applied;
    }

    AppliedRevision run() {
      recoveries();
      failIfFatal();
      if (applied.graphs().isEmpty()) {
        throw BootFailure.of(
            "cluster_empty",
            "__cluster/state.json",
            "the applied revision has no graphs; apply a cluster with at least one graph");
      }
      List<AppliedGraph> served = new ArrayList<>();
      for (AppliedCluster.AppliedGraph g : applied.graphs().values()) {
        if (!quarantined.containsKey(g.id())) {
          graph(g).ifPresent(served::add);
        }
      }
      List<AppliedPolicy> policies = policies();
      failIfFatal();
      if (served.isEmpty()) {
        throw new BootFailure(
            List.of(
                new BootDiagnostic(
                    "cluster_no_healthy_graphs",
                    "__cluster/state.json",
                    "every applied graph is quarantined ("
                        + String.join(", ", quarantined.keySet())
                        + "); fix the graph-specific failures, restart")));
      }
      return new AppliedRevision(applied.storageRoot(), served, policies, quarantined);
    }

    private void failIfFatal() {
      if (!fatal.isEmpty()) {
        throw new BootFailure(fatal);
      }
    }

    private void recoveries() {
      for (ClusterDiagnostic d : applied.recoveryProblems()) {
        fatal.add(
            new BootDiagnostic(
                d.code(),
                d.path(),
                d.message() + "; run a state-mutating cluster command (omnigraph cluster apply)"));
      }
      for (RecoverySidecar s : applied.pendingRecoveries()) {
        String path = "__cluster/recoveries/" + s.operationId() + ".json";
        if (s.graphId() == null || s.graphId().isBlank()) {
          fatal.add(
              new BootDiagnostic(
                  "cluster_recovery_unattributed",
                  path,
                  "recovery sidecar names no graph_id; run a state-mutating cluster command"
                      + " (omnigraph cluster apply) to sweep it"));
          continue;
        }
        quarantined.putIfAbsent(
            s.graphId(),
            new BootDiagnostic(
                "cluster_recovery_pending",
                path,
                "graph '"
                    + s.graphId()
                    + "' has an unfinished "
                    + s.kind()
                    + "; run omnigraph cluster apply (it sweeps recoveries), then restart"));
      }
    }

    private Optional<AppliedGraph> graph(AppliedCluster.AppliedGraph g) {
      int before = fatal.size();
      Optional<String> provider = provider(g);
      if (!applied.compositeMatches(g.id())) {
        fatal.add(
            new BootDiagnostic(
                "external_blob_policy_digest_mismatch",
                "graph." + g.id(),
                "the graph's metadata is not bound by its recorded composite digest; restore the"
                    + " ledger from a trusted copy (never hand-edit it)"));
      }
      List<QueryFile> queries = new ArrayList<>();
      for (AppliedPayload q : g.queries().values()) {
        payload(q)
            .ifPresent(
                text -> queries.add(new QueryFile(q.name() + ".gq", text, List.of(q.name()))));
      }
      if (fatal.size() > before) {
        return Optional.empty();
      }
      return Optional.of(new AppliedGraph(g.id(), g.rootUri(), queries, provider));
    }

    private Optional<String> provider(AppliedCluster.AppliedGraph g) {
      String ref = g.embeddingProvider();
      if (ref == null) {
        return Optional.empty();
      }
      String path = "graph." + g.id() + ".embedding_provider";
      if (!ref.startsWith("provider.embedding.")) {
        fatal.add(
            new BootDiagnostic(
                "wrong_kind_reference", path, "'" + ref + "' is not a provider.embedding.<name>"));
        return Optional.empty();
      }
      AppliedProvider p =
          applied.providers().values().stream()
              .filter(x -> ref.equals(x.address()))
              .findFirst()
              .orElse(null);
      if (p == null) {
        fatal.add(
            new BootDiagnostic(
                "embedding_provider_missing",
                path,
                ref
                    + " is not in the applied revision; run omnigraph cluster refresh, then apply"));
        return Optional.empty();
      }
      if (p.profile() == null) {
        fatal.add(
            new BootDiagnostic(
                "embedding_provider_profile_missing",
                ref,
                "the applied provider records no embedding_profile; re-run omnigraph cluster apply"));
        return Optional.empty();
      }
      if (!p.profileMatchesDigest()) {
        fatal.add(
            new BootDiagnostic(
                "embedding_provider_digest_mismatch",
                ref,
                "the recorded embedding_profile does not hash to the provider digest; re-run"
                    + " omnigraph cluster apply"));
        return Optional.empty();
      }
      return Optional.of(p.profile().path("kind").asText(""));
    }

    private Optional<String> payload(AppliedPayload p) {
      if (p == null) {
        fatal.add(
            new BootDiagnostic(
                "catalog_payload_missing",
                "__cluster/state.json",
                "an applied resource records no catalog digest; run omnigraph cluster refresh,"
                    + " cluster apply, then restart"));
        return Optional.empty();
      }
      String code =
          switch (p.check()) {
            case OK -> null;
            case MISSING -> "catalog_payload_missing";
            case MISMATCH -> "catalog_payload_digest_mismatch";
            case READ_ERROR -> "catalog_payload_read_error";
          };
      if (code != null) {
        fatal.add(
            new BootDiagnostic(
                code,
                p.address(),
                "catalog payload "
                    + p.key()
                    + " cannot be trusted ("
                    + p.check().name().toLowerCase(java.util.Locale.ROOT)
                    + "); run omnigraph cluster refresh, cluster apply, then restart"));
        return Optional.empty();
      }
      return Optional.of(new String(p.bytes(), StandardCharsets.UTF_8));
    }

    private List<AppliedPolicy> policies() {
      List<AppliedPolicy> out = new ArrayList<>();
      for (AppliedCluster.AppliedPolicy p : applied.policies().values()) {
        String addr = "policy." + p.name();
        if (p.appliesTo() == null || p.appliesTo().isEmpty()) {
          fatal.add(
              new BootDiagnostic(
                  "policy_bindings_missing",
                  addr,
                  "the applied policy records no applies_to; re-run omnigraph cluster apply (it"
                      + " backfills bindings), then restart"));
          continue;
        }
        List<String> bindings =
            p.appliesTo().stream()
                .filter(b -> !(b.startsWith("graph.") && quarantined.containsKey(b.substring(6))))
                .toList();
        if (bindings.isEmpty()) {
          continue;
        }
        payload(p.payload())
            .ifPresent(
                text -> out.add(new AppliedPolicy(p.name(), bindings, p.payload().key(), text)));
      }
      return out;
    }
  }
}
