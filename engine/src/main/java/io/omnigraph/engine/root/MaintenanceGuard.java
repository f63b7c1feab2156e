package io.omnigraph.engine.root;

import java.util.List;

/**
 * The preflight every maintenance command runs under the write lock: resolve the write intents of
 * dead writers (what a read-write open does), then refuse while any intent is still pending.
 */
final class MaintenanceGuard {
  private MaintenanceGuard() {}

  static void recoverOrRefuse(GraphStore store, LanceTables lance, String verb, long graceMicros) {
    Recovery.run(store, lance, latest(store), graceMicros);
    List<String> pending =
        store.objects().list(RootLayout.RECOVERY).stream()
            .filter(k -> k.endsWith(".json"))
            .toList();
    if (!pending.isEmpty()) {
      String id = pending.get(0).substring(RootLayout.RECOVERY.length()).replace(".json", "");
      throw new RootException(
          RootException.Kind.RECOVERY_REQUIRED,
          "recovery_required{operation_id: "
              + id
              + "}: "
              + verb
              + " refused while a write intent is pending ("
              + pending.size()
              + " in "
              + RootLayout.RECOVERY
              + "); a live writer may still be running — wait for it to finish, or let the next"
              + " write (or this command, once the intent is older than the recovery grace) resolve"
              + " it, then rerun");
    }
  }

  static Manifest latest(GraphStore store) {
    long v =
        store
            .latestManifestVersion()
            .orElseThrow(() -> new RootException(RootException.Kind.CORRUPT, "manifest vanished"));
    return store.readManifest(v);
  }
}
