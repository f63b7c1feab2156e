package io.omnigraph.cluster.ops;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Dispositions of 05 §8 (with decision 3 for a standalone schema create). */
final class Classifier {
  static final String RECOVERY = "cluster_recovery_pending";
  static final String APPROVAL = "approval_required";
  static final String DEPENDENCY = "dependency_not_applied";
  static final String UNSUPPORTED = "apply_unsupported_kind";

  private final Map<String, PlanChange> byAddress;
  private final Set<String> pendingGraphs;
  private final Set<String> approved;
  private final Map<String, List<String>> policyGraphs;

  /**
   * @param pendingGraphs graphs with a kept recovery sidecar
   * @param approved resources with a valid approval artifact
   * @param policyGraphs desired (or recorded, for deletes) graph ids bound by each policy address
   */
  Classifier(
      List<PlanChange> changes,
      Set<String> pendingGraphs,
      Set<String> approved,
      Map<String, List<String>> policyGraphs) {
    this.byAddress = changes.stream().collect(Collectors.toMap(PlanChange::resource, c -> c));
    this.pendingGraphs = pendingGraphs;
    this.approved = approved;
    this.policyGraphs = policyGraphs;
  }

  void classify(List<PlanChange> changes) {
    for (PlanChange c : changes) {
      switch (c.kind()) {
        case "graph" -> graph(c);
        case "schema" -> schema(c);
        case "query" -> query(c);
        case "policy" -> policy(c);
        case "embedding_provider" -> c.set(PlanChange.APPLIED, null);
        default -> c.set(PlanChange.DEFERRED, UNSUPPORTED);
      }
    }
  }

  private boolean pending(String g) {
    return pendingGraphs.contains(g);
  }

  private PlanChange change(String address) {
    return byAddress.get(address);
  }

  /** A schema create/delete for g without the matching graph create/delete. */
  private boolean standaloneSchemaChange(String g) {
    PlanChange s = change("schema." + g);
    PlanChange gr = change("graph." + g);
    if (s == null || s.isUpdate()) {
      return false;
    }
    return gr == null || !gr.operation.equals(s.operation);
  }

  private void graph(PlanChange c) {
    String g = c.graphId();
    if (c.isCreate()) {
      c.set(pending(g) ? PlanChange.BLOCKED : PlanChange.APPLIED, pending(g) ? RECOVERY : null);
    } else if (c.isUpdate()) {
      if (standaloneSchemaChange(g)) {
        c.set(PlanChange.DEFERRED, UNSUPPORTED);
      } else {
        c.set(PlanChange.DERIVED, null);
      }
    } else if (pending(g)) {
      c.set(PlanChange.BLOCKED, RECOVERY);
    } else if (approved.contains(c.resource)) {
      c.set(PlanChange.APPLIED, null);
    } else {
      c.set(PlanChange.BLOCKED, APPROVAL);
    }
  }

  private void schema(PlanChange c) {
    String g = c.graphId();
    PlanChange gr = change("graph." + g);
    if (c.isCreate()) {
      if (pending(g)) {
        c.set(PlanChange.BLOCKED, RECOVERY);
      } else if (gr != null && gr.isCreate()) {
        c.set(PlanChange.APPLIED, null);
      } else {
        c.set(PlanChange.BLOCKED, DEPENDENCY);
      }
    } else if (c.isUpdate()) {
      c.set(pending(g) ? PlanChange.BLOCKED : PlanChange.APPLIED, pending(g) ? RECOVERY : null);
    } else if (gr != null && gr.isDelete()) {
      if (pending(g)) {
        c.set(PlanChange.BLOCKED, RECOVERY);
      } else if (approved.contains(gr.resource)) {
        c.set(PlanChange.APPLIED, null);
      } else {
        c.set(PlanChange.BLOCKED, APPROVAL);
      }
    } else {
      c.set(PlanChange.DEFERRED, UNSUPPORTED);
    }
  }

  private void query(PlanChange c) {
    String g = c.graphId();
    PlanChange gr = change("graph." + g);
    if (c.isDelete()) {
      if (gr != null && gr.isDelete()) {
        boolean ok = approved.contains(gr.resource) && !pending(g);
        c.set(
            ok ? PlanChange.APPLIED : PlanChange.BLOCKED,
            ok ? null : pending(g) ? RECOVERY : APPROVAL);
      } else {
        c.set(PlanChange.APPLIED, null);
      }
    } else if (pending(g)) {
      c.set(PlanChange.BLOCKED, RECOVERY);
    } else if (standaloneSchemaChange(g)) {
      c.set(PlanChange.BLOCKED, DEPENDENCY);
    } else {
      c.set(PlanChange.APPLIED, null);
    }
  }

  private void policy(PlanChange c) {
    if (!c.isDelete()) {
      List<String> graphs = policyGraphs.getOrDefault(c.resource, List.of());
      if (graphs.stream().anyMatch(this::pending)) {
        c.set(PlanChange.BLOCKED, RECOVERY);
        return;
      }
    }
    c.set(PlanChange.APPLIED, null);
  }
}
