package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterState.ResourceEntry;
import io.omnigraph.cluster.state.ClusterState.ResourceStatus;
import io.omnigraph.cluster.state.Ids;
import io.omnigraph.cluster.state.LedgerDigests;
import java.util.List;

/** Edits of a ledger copy shared by apply, the sweep and refresh. */
final class LedgerEdits {
  private LedgerEdits() {}

  static void status(
      ClusterState s, String address, String status, List<String> conditions, String message) {
    s.statuses().put(address, new ResourceStatus(status, conditions, message));
  }

  static void applied(ClusterState s, String address) {
    status(s, address, "applied", List.of(), null);
  }

  /**
   * Records {@code schema.<g>} = {@code schemaDigest} and recomputes {@code graph.<g>} from the
   * ledger's own digests, with the desired provider binding and external-Blob policy when the graph
   * is still declared (else the recorded ones).
   */
  static void recordGraph(ClusterState s, DesiredState desired, String g, String schemaDigest) {
    s.resources().put("schema." + g, ResourceEntry.of(schemaDigest));
    recomputeGraph(s, desired, g, true);
  }

  /** Recomputes the composite of {@code graph.<g>}; {@code useDesiredExtras} picks the metadata. */
  static void recomputeGraph(
      ClusterState s, DesiredState desired, String g, boolean useDesiredExtras) {
    ResourceEntry old = s.resources().get("graph." + g);
    String provider = old == null ? null : old.embeddingProvider();
    ObjectNode blobs = old == null ? null : old.externalBlobPolicy();
    DesiredState.GraphParts parts = desired == null ? null : desired.graphs().get(g);
    if (parts != null && useDesiredExtras) {
      provider = parts.providerAddress();
      blobs = parts.externalBlobPolicy();
    } else if (parts != null && old == null) {
      provider = parts.providerAddress();
    }
    String digest = LedgerDigests.composite(s, g, provider, blobs);
    s.resources().put("graph." + g, new ResourceEntry(digest, null, provider, null, blobs));
  }

  /** Removes the graph's subtree (graph, schema, queries) and records a tombstone observation. */
  static void tombstone(ClusterState s, String g, String approvalId, String actor) {
    String prefix = "query." + g + ".";
    for (String a : List.copyOf(s.resources().keySet())) {
      if (a.equals("graph." + g) || a.equals("schema." + g) || a.startsWith(prefix)) {
        s.resources().remove(a);
      }
    }
    for (String a : List.copyOf(s.statuses().keySet())) {
      if (a.equals("graph." + g) || a.equals("schema." + g) || a.startsWith(prefix)) {
        s.statuses().remove(a);
      }
    }
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("kind", "tombstone");
    t.put("deleted_at", Ids.now());
    t.put("approval_id", approvalId);
    t.put("actor", actor);
    s.observations().put("graph." + g, t);
  }

  static void recovery(ClusterState s, String op, String kind, String g, String actor) {
    s.recoveryRecords()
        .put(op, new ClusterState.RecoveryRecord(kind, g, "rolled_forward", Ids.now(), actor));
  }
}
