package io.omnigraph.engine.root;

import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.Ulid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code repair} (04 §8): publishes uncovered drift — a {@code main} dataset whose Lance head is
 * ahead of its published version with no recovery record. Classifies each dataset by the operations
 * from published+1 to head: only {@code ReserveFragments}/{@code Rewrite} (compaction) are {@code
 * verified_maintenance}; anything else {@code suspicious}; an unreadable transaction {@code
 * unverifiable}. With {@code confirm} it publishes verified drift (and, with {@code force}, the
 * rest) in one manifest version that moves the pins to the heads; it never rewrites data. It also
 * rewrites a stale {@code __manifest/latest.json} hint (only with {@code confirm}).
 */
final class Repair {
  private final GraphStore store;
  private final LanceTables lance;
  private final Ulid ulid;

  Repair(GraphStore store, LanceTables lance, Ulid ulid) {
    this.store = store;
    this.lance = lance;
    this.ulid = ulid;
  }

  RepairReport run(boolean confirm, boolean force, long graceMicros) {
    if (force && !confirm) {
      throw new IllegalArgumentException("--force requires --confirm");
    }
    MaintenanceGuard.recoverOrRefuse(store, lance, "repair", graceMicros);
    Manifest base = MaintenanceGuard.latest(store);
    Manifest.BranchState main = base.branch("main");
    List<RepairReport.Row> rows = new ArrayList<>();
    Map<String, TablePin> tables = new TreeMap<>(main.tables());
    boolean publish = false;
    for (Map.Entry<String, TablePin> t : new TreeMap<>(main.tables()).entrySet()) {
      RepairReport.Row r = classify(t.getKey(), t.getValue(), confirm, force);
      rows.add(r);
      if ("healed".equals(r.action()) || "forced".equals(r.action())) {
        tables.put(t.getKey(), t.getValue().withVersion(r.lanceHeadVersion()));
        publish = true;
      }
    }
    boolean hint = confirm && repairHint(base.version());
    if (!publish) {
      return new RepairReport(confirm, force, base.version(), null, hint, rows);
    }
    Failpoints.hit(Failpoints.REPAIR_BEFORE_PUBLISH);
    long version = base.version() + 1;
    String id = ulid.next();
    Commit c = new Commit(id, "main", version, main.headCommit(), null, null, Clock.micros());
    Map<String, Manifest.BranchState> branches = new TreeMap<>(base.branches());
    branches.put("main", main.advance(id, tables));
    if (!store.publish(new Manifest(version, base.schemaDigest(), branches, c))) {
      throw new RootException(
          RootException.Kind.PUBLISH_CONFLICT,
          "another writer published manifest version " + version + " first; rerun repair");
    }
    return new RepairReport(confirm, force, version, c, hint, rows);
  }

  private RepairReport.Row classify(String key, TablePin pin, boolean confirm, boolean force) {
    Drift.State s;
    try {
      lance.countRows(store.tableUri(pin), pin.version());
      s = Drift.of(lance, store, pin);
    } catch (RuntimeException e) {
      return new RepairReport.Row(
          key,
          pin.version(),
          -1,
          "unverifiable",
          "refused",
          List.of(),
          "published version "
              + pin.version()
              + " cannot be opened ("
              + e.getMessage()
              + "); restore the dataset from a backup or reload the type");
    }
    if (!s.drifted()) {
      return new RepairReport.Row(
          key, pin.version(), s.head(), "no_drift", "no_op", List.of(), null);
    }
    List<Optional<String>> ops = Drift.operations(lance, store, s);
    List<String> names = ops.stream().map(o -> o.orElse("<missing>")).toList();
    String cls;
    if (s.head() < pin.version() || ops.stream().anyMatch(Optional::isEmpty)) {
      cls = "unverifiable";
    } else if (ops.stream().allMatch(o -> Drift.MAINTENANCE_OPS.contains(o.get()))) {
      cls = "verified_maintenance";
    } else {
      cls = "suspicious";
    }
    String action;
    if (!confirm) {
      action = "preview";
    } else if ("verified_maintenance".equals(cls)) {
      action = "healed";
    } else if (force && s.head() > pin.version()) {
      action = "forced";
    } else {
      action = "refused";
    }
    return new RepairReport.Row(key, pin.version(), s.head(), cls, action, names, null);
  }

  /** Rewrites the latest hint when it names another version; true when it did. */
  private boolean repairHint(long latest) {
    String want = "{\"graph_manifest_version\": " + latest + "}\n";
    Optional<String> have = store.objects().get(RootLayout.MANIFEST_LATEST).map(o -> o.utf8());
    if (have.isPresent() && have.get().equals(want)) {
      return false;
    }
    store.put(RootLayout.MANIFEST_LATEST, want);
    return true;
  }
}
