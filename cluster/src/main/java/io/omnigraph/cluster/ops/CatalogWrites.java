package io.omnigraph.cluster.ops;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.cluster.state.Catalog;
import io.omnigraph.cluster.state.ClusterStore;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/**
 * Apply step 9 (05 §6): every applied query/policy create/update is re-read, re-hashed and
 * published to the catalog before the state write. Returns false (after an error) on the first
 * failure: the run must not move state.
 */
final class CatalogWrites {
  private static final String NOTHING_RECORDED =
      "; the ledger was not changed (graph moves of this run are rolled forward by the next"
          + " apply): fix the storage root and re-run `cluster apply`";

  private CatalogWrites() {}

  static boolean publish(
      ClusterStore store, DesiredState desired, List<PlanChange> changes, Diagnostics d) {
    for (PlanChange c : changes) {
      if (!c.applied()
          || c.isDelete()
          || !(c.kind().equals("query") || c.kind().equals("policy"))) {
        continue;
      }
      DesiredState.Payload p = desired.payloads().get(c.resource);
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(p.source());
      } catch (IOException e) {
        d.error(
            "resource_payload_write_error",
            c.resource,
            "cannot re-read " + p.source() + ": " + e.getMessage() + NOTHING_RECORDED);
        return false;
      }
      if (!Digests.sha256(bytes).equals(p.digest())) {
        d.error(
            "resource_content_changed",
            c.resource,
            p.source() + " changed during apply; re-run plan and apply");
        return false;
      }
      ClusterFailpoints.hit(ClusterFailpoints.CATALOG_BEFORE_WRITE);
      try {
        Catalog.publish(store, c.resource, p.digest(), bytes);
      } catch (RuntimeException e) {
        d.error(
            "resource_payload_write_error",
            c.resource,
            "cannot write the catalog payload of "
                + c.resource
                + ": "
                + e.getMessage()
                + NOTHING_RECORDED);
        return false;
      }
      ClusterFailpoints.hit(ClusterFailpoints.CATALOG_AFTER_WRITE);
    }
    return true;
  }
}
