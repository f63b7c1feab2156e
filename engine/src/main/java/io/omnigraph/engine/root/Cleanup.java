package io.omnigraph.engine.root;

import io.omnigraph.engine.failpoint.Failpoints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.lance.Branch;
import org.lance.Dataset;
import org.lance.Version;
import org.lance.cleanup.CleanupPolicy;
import org.lance.cleanup.RemovalStats;

/**
 * {@code cleanup} (04 §8), the only operation that makes old versions unreadable. Phases:
 *
 * <ol>
 *   <li>Preflight: resolve dead writers' intents, refuse while one is pending; refuse uncovered
 *       drift of a {@code main} dataset (run {@code repair}).
 *   <li>Choose the manifest versions to keep ({@link RetentionPolicy}; the newest always stays) and
 *       collect every (dataset, Lance branch, version) a kept version pins — on every graph branch,
 *       so inherited pins of live branches are kept.
 *   <li>Delete the other manifest versions, oldest first (a crash leaves a contiguous suffix).
 *   <li>Per dataset (a failure is recorded in its row; the others continue): delete orphaned Lance
 *       branches (pinned by no kept version: unpublished forks, forks of deleted graph branches;
 *       never {@code main} or internal {@code __…} names), then on every remaining Lance branch
 *       remove the versions below the oldest needed one with Lance {@code cleanupWithPolicy}.
 * </ol>
 *
 * Manifest versions go before the Lance versions they pinned, so a crash never leaves a kept
 * manifest pointing at removed data. Without {@code confirm} nothing is changed and the report
 * lists what would go.
 */
final class Cleanup {
  private final GraphStore store;
  private final LanceTables lance;

  Cleanup(GraphStore store, LanceTables lance) {
    this.store = store;
    this.lance = lance;
  }

  /** Versions a kept manifest needs, per dataset path and Lance branch ({@code ""} = main). */
  private final Map<String, Map<String, TreeSet<Long>>> needed = new TreeMap<>();

  private final Map<String, String> typeKeys = new HashMap<>();

  CleanupReport run(RetentionPolicy policy, boolean confirm, long graceMicros) {
    MaintenanceGuard.recoverOrRefuse(store, lance, "cleanup", graceMicros);
    Manifest latest = MaintenanceGuard.latest(store);
    refuseDrift(latest);
    List<Long> versions = existingVersions();
    Map<Long, Manifest> manifests = new TreeMap<>();
    for (long v : versions) {
      manifests.put(v, v == latest.version() ? latest : store.readManifest(v));
    }
    List<Long> removed = chooseRemoved(policy, versions, manifests, latest.version());
    Set<Long> gone = new HashSet<>(removed);
    for (Manifest m : manifests.values()) {
      if (!gone.contains(m.version())) {
        collectPins(m);
      }
    }
    Map<String, String> unreferenced = new TreeMap<>();
    for (long v : removed) {
      for (Manifest.BranchState b : manifests.get(v).branches().values()) {
        b.tables()
            .forEach(
                (k, pin) -> {
                  if (!needed.containsKey(pin.path())) {
                    unreferenced.putIfAbsent(pin.path(), k);
                  }
                });
      }
    }
    pendingDrops()
        .forEach(
            (path, key) -> {
              if (!needed.containsKey(path)) {
                unreferenced.putIfAbsent(path, key);
              }
            });
    long oldestKept =
        versions.stream().filter(v -> !gone.contains(v)).findFirst().orElse(latest.version());
    if (confirm) {
      if (!unreferenced.isEmpty()) {
        // intent before effect: once the manifests naming these datasets are gone, only this
        // record says they are to be dropped (a rerun after a crash finishes the job)
        store.put(RootLayout.CLEANUP_DROPS, dropsJson(unreferenced));
      }
      for (long v : removed) {
        store.objects().delete(RootLayout.manifestKey(v));
      }
      Failpoints.hit(Failpoints.CLEANUP_AFTER_MANIFEST_DELETE);
    }
    long cutoffMillis =
        policy.olderThan() == null
            ? -1
            : System.currentTimeMillis() - policy.olderThan().toMillis();
    List<CleanupReport.Row> rows =
        new ArrayList<>(
            MaintenancePool.map(
                List.copyOf(needed.keySet()),
                path -> {
                  CleanupReport.Row r = dataset(path, policy, cutoffMillis, confirm);
                  if (confirm) {
                    Failpoints.hit(Failpoints.CLEANUP_AFTER_FIRST_DATASET);
                  }
                  return r;
                }));
    boolean dropsFailed = false;
    for (Map.Entry<String, String> u : unreferenced.entrySet()) {
      CleanupReport.Row r = dropDataset(u.getKey(), u.getValue(), confirm);
      rows.add(r);
      dropsFailed |= r.error() != null;
    }
    if (confirm && !unreferenced.isEmpty() && !dropsFailed) {
      store.objects().delete(RootLayout.CLEANUP_DROPS);
    }
    if (confirm) {
      // cached tables of removed versions must not outlive them
      TableCache.clear();
    }
    return new CleanupReport(policy, confirm, removed, oldestKept, rows);
  }

  /** Datasets an interrupted cleanup decided to drop ({@code __cleanup/drops.json}). */
  private Map<String, String> pendingDrops() {
    Map<String, String> out = new TreeMap<>();
    store
        .objects()
        .get(RootLayout.CLEANUP_DROPS)
        .ifPresent(
            o -> {
              try {
                new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(o.bytes())
                    .path("datasets")
                    .fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
              } catch (java.io.IOException e) {
                throw new RootException(
                    RootException.Kind.CORRUPT,
                    "unreadable " + RootLayout.CLEANUP_DROPS + "; delete it and rerun cleanup",
                    e);
              }
            });
    return out;
  }

  private static String dropsJson(Map<String, String> drops) {
    com.fasterxml.jackson.databind.node.ObjectNode o =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    com.fasterxml.jackson.databind.node.ObjectNode ds = o.putObject("datasets");
    drops.forEach(ds::put);
    return o.toPrettyString();
  }

  private void refuseDrift(Manifest latest) {
    List<String> drifted = new ArrayList<>();
    for (Map.Entry<String, TablePin> t : new TreeMap<>(latest.branch("main").tables()).entrySet()) {
      Drift.State s = Drift.of(lance, store, t.getValue());
      if (s.drifted()) {
        drifted.add(t.getKey() + " (published v" + s.pin().version() + ", head v" + s.head() + ")");
      }
    }
    if (!drifted.isEmpty()) {
      throw new RootException(
          RootException.Kind.DRIFT_NEEDS_REPAIR,
          "cleanup refused: datasets on main are ahead of their published versions without a"
              + " recovery record: "
              + String.join(", ", drifted)
              + "; inspect and publish or discard the drift with omnigraph repair first");
    }
  }

  private List<Long> existingVersions() {
    List<Long> out = new ArrayList<>();
    for (String k : store.objects().list(RootLayout.MANIFEST_VERSIONS)) {
      long v = RootLayout.manifestVersion(k);
      if (v > 0) {
        out.add(v);
      }
    }
    out.sort(null);
    return out;
  }

  /**
   * The manifest versions the policy removes, oldest first. A version's age is its commit's time; a
   * version without a commit (branch create/delete) takes the time of the next newer commit, and
   * counts as new when there is none (so its age is never overstated).
   */
  static List<Long> chooseRemoved(
      RetentionPolicy policy, List<Long> versions, Map<Long, Manifest> manifests, long latest) {
    long cutoffMicros =
        policy.olderThan() == null
            ? Long.MIN_VALUE
            : Clock.micros() - policy.olderThan().toNanos() / 1000;
    long[] times = new long[versions.size()];
    long next = Long.MAX_VALUE;
    for (int i = versions.size() - 1; i >= 0; i--) {
      Commit c = manifests.get(versions.get(i)).commit();
      if (c != null) {
        next = c.createdAtMicros();
      }
      times[i] = next;
    }
    int keep = policy.keep() == null ? 0 : Math.max(1, policy.keep());
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < versions.size(); i++) {
      long v = versions.get(i);
      int rankFromNewest = versions.size() - 1 - i;
      boolean outsideKeep = policy.keep() == null || rankFromNewest >= keep;
      boolean old = policy.olderThan() == null || times[i] < cutoffMicros;
      if (v != latest && outsideKeep && old) {
        out.add(v);
      }
    }
    return out;
  }

  private void collectPins(Manifest m) {
    for (Manifest.BranchState b : m.branches().values()) {
      for (Map.Entry<String, TablePin> t : b.tables().entrySet()) {
        TablePin p = t.getValue();
        typeKeys.putIfAbsent(p.path(), t.getKey());
        needed
            .computeIfAbsent(p.path(), k -> new TreeMap<>())
            .computeIfAbsent(Objects.requireNonNullElse(p.lanceBranch(), ""), k -> new TreeSet<>())
            .add(p.version());
      }
    }
  }

  private CleanupReport.Row dataset(
      String path, RetentionPolicy policy, long cutoffMillis, boolean confirm) {
    String key = typeKeys.get(path);
    Map<String, TreeSet<Long>> pins = needed.get(path);
    List<String> reclaimed = new ArrayList<>();
    long versions = 0;
    long bytes = confirm ? 0 : -1;
    try {
      String uri = store.datasetUri(path);
      List<Branch> lanceBranches;
      try (Dataset main = lance.open(new LanceTables.Loc(uri, null), null)) {
        lanceBranches = main.branches().list();
      }
      List<String> orphans = orphans(lanceBranches, pins);
      if (confirm) {
        reclaimed.addAll(deleteLeavesFirst(uri, lanceBranches, orphans));
      } else {
        reclaimed.addAll(orphans);
      }
      List<String> live = new ArrayList<>();
      live.add("");
      lanceBranches.stream()
          .map(Branch::getName)
          .filter(n -> !orphans.contains(n))
          .forEach(live::add);
      for (String b : live) {
        LanceTables.Loc loc = new LanceTables.Loc(uri, b.isEmpty() ? null : b);
        TreeSet<Long> want = pins.getOrDefault(b, new TreeSet<>());
        long[] r = gc(loc, want, policy, cutoffMillis, confirm);
        versions += r[0];
        if (confirm) {
          bytes += r[1];
        }
      }
      return new CleanupReport.Row(key, path, versions, bytes, reclaimed, false, null);
    } catch (RuntimeException e) {
      return new CleanupReport.Row(
          key, path, versions, bytes, reclaimed, false, String.valueOf(e.getMessage()));
    }
  }

  /**
   * A dataset only removed manifest versions pinned (a type incarnation dropped by schema apply):
   * no kept version can read it, so its whole directory goes.
   */
  private CleanupReport.Row dropDataset(String path, String key, boolean confirm) {
    try {
      if (confirm) {
        store.objects().deletePrefix(path + "/");
      }
      return new CleanupReport.Row(key, path, 0, confirm ? 0 : -1, List.of(), true, null);
    } catch (RuntimeException e) {
      return new CleanupReport.Row(
          key, path, 0, -1, List.of(), false, String.valueOf(e.getMessage()));
    }
  }

  /** Lance branches no kept manifest pins; never main or internal ({@code __…}) names. */
  private static List<String> orphans(List<Branch> branches, Map<String, TreeSet<Long>> pins) {
    List<String> out = new ArrayList<>();
    for (Branch b : branches) {
      String n = b.getName();
      if (!n.isEmpty() && !"main".equals(n) && !n.startsWith("__") && !pins.containsKey(n)) {
        out.add(n);
      }
    }
    out.sort(null);
    return out;
  }

  /** Deletes orphans whose child branches are gone first (Lance refuses to delete a parent). */
  private List<String> deleteLeavesFirst(String uri, List<Branch> all, List<String> orphans) {
    List<String> deleted = new ArrayList<>();
    Set<String> remaining = new HashSet<>(orphans);
    boolean progress = true;
    while (!remaining.isEmpty() && progress) {
      progress = false;
      for (String n : new TreeSet<>(remaining)) {
        boolean hasChild =
            all.stream()
                .anyMatch(
                    b ->
                        b.getParentBranch().map(n::equals).orElse(false)
                            && !deleted.contains(b.getName()));
        if (!hasChild) {
          lance.deleteBranch(uri, n);
          deleted.add(n);
          remaining.remove(n);
          progress = true;
        }
      }
    }
    if (!remaining.isEmpty()) {
      throw new RootException(
          RootException.Kind.REFUSED,
          "orphaned Lance branches "
              + new TreeSet<>(remaining)
              + " still have live child branches; they were kept");
    }
    return deleted;
  }

  /**
   * Removes the versions of one Lance branch below the oldest needed version (and, with {@code
   * keep}, below the newest {@code keep}; with {@code olderThan}, only those older than the
   * cutoff). Returns {versions removed (or that would be), bytes removed}.
   */
  private long[] gc(
      LanceTables.Loc loc,
      TreeSet<Long> want,
      RetentionPolicy policy,
      long cutoffMillis,
      boolean confirm) {
    try (Dataset ds = lance.open(loc, null)) {
      long head = ds.version();
      long before = want.isEmpty() ? head : Math.min(want.first(), head);
      if (policy.keep() != null) {
        before = Math.min(before, Math.max(1, head - policy.keep() + 1));
      }
      if (!confirm) {
        long n = 0;
        for (Version v : ds.listVersions()) {
          boolean old =
              cutoffMillis < 0 || v.getDataTime().toInstant().toEpochMilli() < cutoffMillis;
          if (v.getId() < before && v.getId() != head && old) {
            n++;
          }
        }
        return new long[] {n, 0};
      }
      CleanupPolicy.Builder p =
          CleanupPolicy.builder().withBeforeVersion(before).withErrorIfTaggedOldVersions(false);
      if (cutoffMillis >= 0) {
        p.withBeforeTimestampMillis(cutoffMillis);
      }
      RemovalStats s = ds.cleanupWithPolicy(p.build());
      return new long[] {s.getOldVersions(), s.getBytesRemoved()};
    }
  }
}
