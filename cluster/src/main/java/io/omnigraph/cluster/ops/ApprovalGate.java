package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.state.ApprovalArtifact;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Approval gates and artifact evaluation (05 §7 approve): every {@code graph.<id>} delete, and a
 * {@code schema.<id>} delete whose graph is not also deleted. An artifact authorizes a change only
 * if unconsumed, for the same resource and operation, bound to the current desired config digest
 * and to the change's before/after digests; a near miss warns {@code approval_stale}.
 */
final class ApprovalGate {
  /** The valid artifact per gated resource. */
  final Map<String, ApprovalArtifact> valid = new TreeMap<>();

  final ArrayNode required = JsonNodeFactory.instance.arrayNode();

  static boolean gated(PlanChange c, Map<String, PlanChange> byAddress) {
    if (!c.isDelete()) {
      return false;
    }
    if (c.kind().equals("graph")) {
      return true;
    }
    if (c.kind().equals("schema")) {
      PlanChange g = byAddress.get("graph." + c.graphId());
      return g == null || !g.isDelete();
    }
    return false;
  }

  static ApprovalGate evaluate(
      List<PlanChange> changes,
      List<ApprovalArtifact> artifacts,
      String configDigest,
      Diagnostics out) {
    ApprovalGate gate = new ApprovalGate();
    Map<String, PlanChange> byAddress =
        changes.stream().collect(Collectors.toMap(PlanChange::resource, c -> c));
    for (PlanChange c : changes) {
      if (!gated(c, byAddress)) {
        continue;
      }
      for (ApprovalArtifact a : artifacts) {
        if (a.consumed() || !a.resource().equals(c.resource)) {
          continue;
        }
        if (matches(a, c, configDigest)) {
          gate.valid.putIfAbsent(c.resource, a);
        } else {
          out.warning(
              "approval_stale",
              c.resource,
              "approval "
                  + a.approvalId()
                  + " no longer matches the pending change (config or ledger moved); re-run `cluster approve "
                  + c.resource
                  + "`");
        }
      }
      gate.required
          .addObject()
          .put("resource", c.resource)
          .put("reason", ApprovalArtifact.DELETE_REASON)
          .put("satisfied", gate.valid.containsKey(c.resource));
    }
    return gate;
  }

  static boolean matches(ApprovalArtifact a, PlanChange c, String configDigest) {
    return a.operation().equals(c.operation)
        && a.boundConfigDigest().equals(configDigest)
        && Objects.equals(a.boundBeforeDigest(), c.before)
        && Objects.equals(a.boundAfterDigest(), c.after);
  }

  Set<String> approved() {
    return valid.keySet();
  }

  int gateCount() {
    return required.size();
  }
}
