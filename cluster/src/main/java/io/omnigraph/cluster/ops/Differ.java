package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.config.ClusterConfig.PolicyDecl;
import io.omnigraph.cluster.config.ClusterConfig.ProviderDecl;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterState.ResourceEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The diff of 05 §7 plan: state vs desired digests (create / update / delete, sorted by address)
 * plus metadata-only updates (policy bindings, embedding profile).
 */
final class Differ {
  private Differ() {}

  static List<PlanChange> diff(ClusterState state, DesiredState desired) {
    Map<String, String> want = desired.digests();
    TreeSet<String> all = new TreeSet<>(want.keySet());
    all.addAll(state.resources().keySet());
    List<PlanChange> changes = new ArrayList<>();
    for (String a : all) {
      ResourceEntry have = state.resources().get(a);
      String after = want.get(a);
      if (have == null) {
        changes.add(new PlanChange(a, "create", null, after));
      } else if (after == null) {
        changes.add(new PlanChange(a, "delete", have.digest(), null));
      } else if (!have.digest().equals(after)) {
        changes.add(new PlanChange(a, "update", have.digest(), after));
      } else {
        metadata(a, have, desired).ifPresent(changes::add);
      }
    }
    return changes;
  }

  private static java.util.Optional<PlanChange> metadata(
      String a, ResourceEntry have, DesiredState desired) {
    if (a.startsWith("policy.")) {
      PolicyDecl p = desired.config().policies().get(a.substring(7));
      if (p != null && !Objects.equals(have.appliesTo(), p.bindings())) {
        PlanChange c = new PlanChange(a, "update", have.digest(), have.digest());
        c.bindingChange = true;
        c.metadataChange = "policy_bindings";
        return java.util.Optional.of(c);
      }
    }
    if (a.startsWith("provider.embedding.")) {
      ProviderDecl p =
          desired.config().providers().get(a.substring("provider.embedding.".length()));
      ObjectNode recorded = have.embeddingProfile();
      if (p != null && (recorded == null || !recorded.equals(p.profile()))) {
        PlanChange c = new PlanChange(a, "update", have.digest(), have.digest());
        c.metadataChange = "embedding_profile";
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }
}
