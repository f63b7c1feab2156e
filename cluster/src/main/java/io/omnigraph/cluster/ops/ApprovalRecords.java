package io.omnigraph.cluster.ops;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.state.ApprovalArtifact;
import io.omnigraph.cluster.state.ClusterLayout;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.cluster.state.Ids;
import io.omnigraph.storage.StoredObject;
import java.util.Optional;

/** Rewrites consumed approval artifacts with {@code consumed_at} (never deletes them). */
final class ApprovalRecords {
  private ApprovalRecords() {}

  static void markConsumed(
      ClusterStore store, String approvalId, String byOperation, Diagnostics d) {
    String key = ClusterLayout.approvalKey(approvalId);
    try {
      Optional<StoredObject> o = store.objects().get(key);
      if (o.isEmpty()) {
        return;
      }
      ApprovalArtifact a = ApprovalArtifact.parse(o.get().bytes());
      if (!a.consumed()) {
        store.objects().put(key, a.consume(Ids.now(), byOperation).toBytes());
      }
    } catch (RuntimeException e) {
      d.warning(
          "approval_write_error",
          store.objects().uriOf(key),
          "cannot mark approval consumed: "
              + e.getMessage()
              + " (the ledger records the consumption; the artifact no longer matches any change)");
    }
  }
}
