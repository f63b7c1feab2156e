package io.omnigraph.cluster.ops;

import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterState.ResourceEntry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Apply steps 11–13: the new ledger from the executed changes, composites, convergence. */
final class ApplyLedger {
  private ApplyLedger() {}

  /**
   * Records executed changes and block statuses. {@code pendingGraphs}: graphs whose kept recovery
   * sidecar owns their statuses (the sweep set them), so a derived graph update does not mark them
   * applied.
   */
  static void record(
      ClusterState next,
      DesiredState desired,
      List<PlanChange> changes,
      Set<String> pendingGraphs) {
    for (PlanChange c : changes) {
      if (c.applied()) {
        recordApplied(next, desired, c);
      } else if (PlanChange.BLOCKED.equals(c.disposition)
          && !Classifier.RECOVERY.equals(c.reason)) {
        LedgerEdits.status(
            next,
            c.resource,
            "blocked",
            List.of(c.reason),
            "waiting on an unapplied or missing dependency");
      } else if (PlanChange.DERIVED.equals(c.disposition) && !pendingGraphs.contains(c.graphId())) {
        LedgerEdits.applied(next, c.resource);
      }
    }
  }

  private static void recordApplied(ClusterState next, DesiredState desired, PlanChange c) {
    switch (c.kind()) {
      case "query" -> {
        if (c.isDelete()) {
          remove(next, c.resource);
        } else {
          next.resources().put(c.resource, ResourceEntry.of(c.after));
          LedgerEdits.applied(next, c.resource);
        }
      }
      case "policy" -> {
        if (c.isDelete()) {
          remove(next, c.resource);
        } else {
          var decl = desired.config().policies().get(c.resource.substring(7));
          next.resources()
              .put(c.resource, new ResourceEntry(c.after, decl.bindings(), null, null, null));
          LedgerEdits.applied(next, c.resource);
        }
      }
      case "embedding_provider" -> {
        if (c.isDelete()) {
          remove(next, c.resource);
        } else {
          var decl =
              desired
                  .config()
                  .providers()
                  .get(c.resource.substring("provider.embedding.".length()));
          next.resources()
              .put(
                  c.resource,
                  new ResourceEntry(c.after, null, null, decl.profile().deepCopy(), null));
          LedgerEdits.applied(next, c.resource);
        }
      }
      default -> {
        // graph and schema changes were recorded by GraphMoves as they executed
      }
    }
  }

  private static void remove(ClusterState next, String address) {
    next.resources().remove(address);
    next.statuses().remove(address);
  }

  /**
   * Step 12: recompute every state-resident graph composite from the ledger's own digests; a graph
   * whose graph/schema change was blocked keeps its previously applied metadata.
   */
  static void recomputeComposites(
      ClusterState next, DesiredState desired, List<PlanChange> changes) {
    Set<String> keepOld = new TreeSet<>();
    for (PlanChange c : changes) {
      if ((c.kind().equals("graph") || c.kind().equals("schema"))
          && !c.applied()
          && !PlanChange.DERIVED.equals(c.disposition)) {
        keepOld.add(c.graphId());
      }
    }
    for (String a : List.copyOf(next.resources().keySet())) {
      if (a.startsWith("graph.")) {
        String g = a.substring(6);
        LedgerEdits.recomputeGraph(
            next, desired, g, !keepOld.contains(g) && desired.graphs().containsKey(g));
      }
    }
  }

  /** Demotes applied changes that depend on a failed or skipped graph (05 §8). */
  static void demote(
      List<PlanChange> changes,
      Map<String, String> failed,
      Set<String> skipped,
      Map<String, List<String>> policyGraphs) {
    for (PlanChange c : changes) {
      if (!c.applied() && !PlanChange.DERIVED.equals(c.disposition)) {
        continue;
      }
      String g = c.graphId();
      if (c.kind().equals("policy")) {
        List<String> bound = policyGraphs.getOrDefault(c.resource, List.of());
        if (bound.stream().anyMatch(b -> failed.containsKey(b) || skipped.contains(b))) {
          c.set(PlanChange.BLOCKED, Classifier.DEPENDENCY);
        }
        continue;
      }
      if (g == null || !(failed.containsKey(g) || skipped.contains(g))) {
        continue;
      }
      String code = failed.get(g);
      switch (c.kind()) {
        case "graph" -> c.set(PlanChange.BLOCKED, graphReason(c, code));
        case "schema" ->
            c.set(
                PlanChange.BLOCKED,
                "schema_apply_failed".equals(code) ? "schema_apply_failed" : Classifier.DEPENDENCY);
        default -> c.set(PlanChange.BLOCKED, Classifier.DEPENDENCY);
      }
    }
  }

  private static String graphReason(PlanChange c, String code) {
    if ("graph_create_failed".equals(code) || "graph_delete_failed".equals(code)) {
      return code;
    }
    return Classifier.DEPENDENCY;
  }
}
