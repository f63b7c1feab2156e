package io.omnigraph.cluster.ops;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.cluster.state.RecoverySidecar;
import java.util.List;

/** Helpers for recovery sidecars outside the sweep. */
final class Sidecars {
  private Sidecars() {}

  /**
   * Read-only commands warn {@code cluster_recovery_pending} for each sidecar (path = its
   * location).
   */
  static void warnPending(List<RecoverySidecar> sidecars, ClusterStore store, Diagnostics d) {
    for (RecoverySidecar s : sidecars) {
      d.warning(
          "cluster_recovery_pending",
          store.objects().uriOf(s.key()),
          "interrupted "
              + s.kind()
              + " of graph '"
              + s.graphId()
              + "' (operation "
              + s.operationId()
              + ") awaits recovery; run `omnigraph cluster apply`");
    }
  }

  /** Best-effort delete; false when it failed. */
  static boolean delete(ClusterStore store, RecoverySidecar s) {
    try {
      store.objects().delete(s.key());
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
