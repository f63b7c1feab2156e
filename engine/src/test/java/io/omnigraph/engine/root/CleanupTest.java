package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.MaintenanceFixture.lanceVersions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.load.LoadMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lance.Dataset;

/** {@code cleanup} on a local root: policy, preview, time travel afterwards, what is kept. */
class CleanupTest {
  @TempDir Path dir;
  private String uri;

  @BeforeEach
  void graph() throws Exception {
    uri = dir.resolve("g").toString();
    MaintenanceFixture.create(uri, Map.of(), 3); // manifest versions 1..4
  }

  private static RootException.Kind kind(Throwable e) {
    return ((RootException) e).kind();
  }

  @Test
  void previewChangesNothingAndConfirmRemovesOldVersionsForGood() {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      TablePin doc = root.manifest().branch("main").tables().get("node:Doc");
      List<Long> lanceBefore = lanceVersions(root, doc);
      assertThat(root.snapshotAt("2", "main").nodes("Doc").size()).isEqualTo(2);

      CleanupReport preview = root.cleanup(new RetentionPolicy(1, null), false);
      assertThat(preview.confirmed()).isFalse();
      assertThat(preview.manifestVersionsRemoved()).containsExactly(1L, 2L, 3L);
      assertThat(preview.oldestKeptManifestVersion()).isEqualTo(4);
      assertThat(preview.versionsRemoved()).isPositive();
      assertThat(lanceVersions(root, doc)).isEqualTo(lanceBefore);
      assertThat(root.snapshotAt("2", "main").nodes("Doc").size()).isEqualTo(2);
      assertThat(preview.toJson(uri).path("datasets").get(0).path("bytes_removed").isNull())
          .isTrue();

      CleanupReport r = root.cleanup(new RetentionPolicy(1, null), true);
      assertThat(r.manifestVersionsRemoved()).containsExactly(1L, 2L, 3L);
      assertThat(r.versionsRemoved()).isEqualTo(preview.versionsRemoved());
      assertThat(r.bytesRemoved()).isPositive();
      assertThat(r.failed()).isEmpty();
      assertThat(lanceVersions(root, doc)).containsExactly(doc.version());
      // time travel to a removed version says so and names the oldest kept one
      assertThatThrownBy(() -> root.snapshotAt("2", "main"))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(RootException.Kind.SNAPSHOT_NOT_FOUND);
                assertThat(e.getMessage())
                    .contains("removed by cleanup", "oldest kept version is 4");
              });
      assertThat(root.commits("main")).extracting(Commit::graphManifestVersion).containsExactly(4L);
      assertThat(root.snapshot("main").nodes("Doc").size()).isEqualTo(6);
      assertThat(r.humanLines(uri).get(0))
          .startsWith("cleanup " + uri + " (keep 1 newest versions) — removed ");
    }
  }

  @Test
  void olderThanKeepsRecentVersionsAndBothCutoffsMustHold() {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      CleanupReport recent = root.cleanup(new RetentionPolicy(null, Duration.ofHours(1)), true);
      assertThat(recent.manifestVersionsRemoved()).isEmpty();
      assertThat(recent.versionsRemoved()).isZero();
      CleanupReport both = root.cleanup(new RetentionPolicy(0, Duration.ofDays(7)), true);
      assertThat(both.manifestVersionsRemoved()).isEmpty();
      CleanupReport keep2 = root.cleanup(new RetentionPolicy(2, Duration.ZERO), true);
      assertThat(keep2.manifestVersionsRemoved()).containsExactly(1L, 2L);
      assertThat(root.snapshotAt("3", "main").nodes("Doc").size()).isEqualTo(4);
    }
    assertThatThrownBy(() -> new RetentionPolicy(null, null))
        .hasMessageContaining("--keep <n> and/or --older-than");
    assertThat(RetentionPolicy.parseDuration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(RetentionPolicy.parseDuration("2w")).isEqualTo(Duration.ofDays(14));
    assertThatThrownBy(() -> RetentionPolicy.parseDuration("7 days"))
        .hasMessageContaining("s, m, h, d, w");
  }

  @Test
  void liveBranchesKeepTheVersionsTheyInherit() throws Exception {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.createBranch("review", null); // v5, inherits main's pins at v4
      root.load(
          MaintenanceFixture.jsonl(List.of(MaintenanceFixture.doc("r1", 9))),
          LoadMode.MERGE,
          "review",
          "act"); // v6: Doc forks onto Lance branch review, Cites stays inherited
      MaintenanceFixture.load(root, "m1", "m2"); // v7 on main
      MaintenanceFixture.load(root, "m3", "m4"); // v8 on main
      TablePin inherited = root.manifest().branch("review").tables().get("edge:Cites");
      assertThat(inherited.lanceBranch()).isNull();

      root.cleanup(new RetentionPolicy(1, null), true);

      assertThat(lanceVersions(root, inherited)).contains(inherited.version());
      RootSnapshot review = root.snapshot("review");
      assertThat(review.nodes("Doc").size()).isEqualTo(7);
      assertThat(review.edges("Cites").size()).isEqualTo(3);
      assertThat(root.snapshot("main").nodes("Doc").size()).isEqualTo(10);
      // the branch still writes after cleanup
      root.load(
          MaintenanceFixture.jsonl(List.of(MaintenanceFixture.doc("r2", 9))),
          LoadMode.MERGE,
          "review",
          "act");
      assertThat(root.snapshot("review").nodes("Doc").size()).isEqualTo(8);
    }
  }

  @Test
  void orphanedLanceBranchesAreReclaimed() throws Exception {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.createBranch("gone", null);
      root.load(
          MaintenanceFixture.jsonl(List.of(MaintenanceFixture.doc("g1", 1))),
          LoadMode.MERGE,
          "gone",
          "act");
      TablePin doc = root.manifest().branch("main").tables().get("node:Doc");
      // an unpublished fork (a load killed after forking) of a live graph branch
      root.createBranch("live", null);
      root.lance().fork(root.store().datasetUri(doc.path()), doc, "live");
      // a fork left behind by a branch delete killed before its Lance step
      root.lance().fork(root.store().datasetUri(doc.path()), doc, "stale");
      assertThat(lanceBranches(root, doc)).containsExactly("gone", "live", "stale");

      CleanupReport preview = root.cleanup(new RetentionPolicy(10, null), false);
      assertThat(row(preview, "node:Doc").lanceBranchesRemoved()).containsExactly("live", "stale");
      assertThat(lanceBranches(root, doc)).containsExactly("gone", "live", "stale");

      CleanupReport r = root.cleanup(new RetentionPolicy(10, null), true);
      assertThat(row(r, "node:Doc").lanceBranchesRemoved()).containsExactly("live", "stale");
      assertThat(lanceBranches(root, doc)).containsExactly("gone");
      assertThat(root.snapshot("gone").nodes("Doc").size()).isEqualTo(7);
      // the live branch forks afresh on its first write
      root.load(
          MaintenanceFixture.jsonl(List.of(MaintenanceFixture.doc("l1", 1))),
          LoadMode.MERGE,
          "live",
          "act");
      assertThat(root.snapshot("live").nodes("Doc").size()).isEqualTo(7);
      // a deleted graph branch's fork goes with branch delete; cleanup has nothing left to do
      root.deleteBranch("gone");
      assertThat(lanceBranches(root, doc)).containsExactly("live");
    }
  }

  @Test
  void pendingIntentsRefuseEveryMaintenanceCommand() {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      ObjectNode intent = JsonNodeFactory.instance.objectNode();
      intent.put("write_id", "01JLIVEWRITER0000000000000");
      intent.put("graph_branch", "main");
      intent.put("created_at", Clock.micros());
      intent.putObject("owner").put("host", "another-host").put("pid", 1);
      intent.putObject("tables");
      root.store().put(RootLayout.recoveryKey("01JLIVEWRITER0000000000000"), intent.toString());
      for (Runnable r :
          List.<Runnable>of(
              () -> root.cleanup(new RetentionPolicy(1, null), true),
              root::optimize,
              () -> root.repair(true, false))) {
        assertThatThrownBy(r::run)
            .satisfies(e -> assertThat(kind(e)).isEqualTo(RootException.Kind.RECOVERY_REQUIRED))
            .hasMessageContaining("01JLIVEWRITER0000000000000");
      }
      assertThat(root.manifest().version()).isEqualTo(4);
      assertThat(root.snapshotAt("1", "main").nodes("Doc").size()).isZero();
    }
  }

  @Test
  void softDroppedColumnsVanishFromStorageAfterCleanup() {
    // schema apply is not on this branch yet: drop the column at the Lance level and publish
    // the drift with repair --force, as a soft drop_property would publish it
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      TablePin doc = root.manifest().branch("main").tables().get("node:Doc");
      try (Dataset ds = root.lance().open(root.store().tableUri(doc), null)) {
        ds.dropColumns(List.of("title"));
      }
      root.repair(true, true);
      long dropped = root.manifest().version();
      TablePin after = root.manifest().branch("main").tables().get("node:Doc");
      // soft: the version before the drop still reads the column
      try (Dataset old = root.lance().open(root.store().tableUri(doc), doc.version())) {
        assertThat(old.getSchema().findField("title")).isNotNull();
      }
      root.cleanup(new RetentionPolicy(1, null), true);
      assertThat(lanceVersions(root, after)).containsExactly(after.version());
      assertThatThrownBy(() -> root.lance().open(root.store().tableUri(doc), doc.version()))
          .hasMessageContaining("not found");
      assertThat(root.manifest().version()).isEqualTo(dropped);
      // compaction rewrites the data files without the column; cleanup then removes the old ones
      root.optimize();
      root.cleanup(new RetentionPolicy(1, null), true);
      TablePin compacted = root.manifest().branch("main").tables().get("node:Doc");
      try (Dataset ds = root.lance().open(root.store().tableUri(compacted), compacted.version())) {
        assertThat(ds.getSchema().getFields()).noneMatch(f -> f.getName().equals("title"));
        assertThat(ds.countRows()).isEqualTo(6);
      }
    }
  }

  @Test
  void manifestLogStartsAtTheOldestKeptVersionAfterCleanup() throws Exception {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.cleanup(new RetentionPolicy(2, null), true);
      assertThat(Files.exists(dir.resolve("g/__manifest/v/00000000000000000001.json"))).isFalse();
      assertThat(root.store().oldestManifestVersion()).contains(3L);
      assertThatThrownBy(() -> root.commit(root.commits("main").get(1).parentCommitId()))
          .satisfies(e -> assertThat(kind(e)).isEqualTo(RootException.Kind.COMMIT_NOT_FOUND))
          .hasMessageContaining("manifest versions 3–4 exist (older ones were removed by cleanup)");
    }
  }

  @Test
  void datasetsOnlyRemovedVersionsPinnedAreDeletedWhole() throws Exception {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      // what a drop_type publishes: a manifest without the type (the dataset stays readable at
      // older versions until cleanup)
      Manifest base = root.manifest();
      TablePin cites = base.branch("main").tables().get("edge:Cites");
      Map<String, TablePin> tables = new java.util.TreeMap<>(base.branch("main").tables());
      tables.remove("edge:Cites");
      Map<String, Manifest.BranchState> branches = new java.util.TreeMap<>(base.branches());
      branches.put("main", base.branch("main").advance(base.branch("main").headCommit(), tables));
      assertThat(
              root.store()
                  .publish(new Manifest(base.version() + 1, base.schemaDigest(), branches, null)))
          .isTrue();
      Path data = dir.resolve("g").resolve(cites.path());
      CleanupReport preview = root.cleanup(new RetentionPolicy(1, null), false);
      assertThat(row(preview, "edge:Cites").datasetRemoved()).isTrue();
      assertThat(regularFiles(data)).isPositive();
      CleanupReport r = root.cleanup(new RetentionPolicy(1, null), true);
      assertThat(row(r, "edge:Cites").datasetRemoved()).isTrue();
      assertThat(row(r, "node:Doc").datasetRemoved()).isFalse();
      assertThat(regularFiles(data)).isZero();
      assertThat(r.humanLines(uri)).anyMatch(l -> l.contains("edge:Cites: whole dataset"));
      assertThat(root.store().exists(RootLayout.CLEANUP_DROPS)).isFalse();
    }
  }

  @Test
  void aDropRecordedByAnInterruptedCleanupIsFinishedByTheNextOne() throws Exception {
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      // what a cleanup killed after deleting the manifests that named a dropped dataset leaves
      String orphan = "edges/00000000000000ff-0000000000000001";
      root.lance()
          .createEmpty(
              root.store().datasetUri(orphan),
              ArrowTypes.edgeSchema(root.catalog().edges().get("Cites")));
      // a path a kept version still pins is never dropped, whatever the record says
      String live = root.manifest().branch("main").tables().get("node:Doc").path();
      root.store()
          .put(
              RootLayout.CLEANUP_DROPS,
              "{\"datasets\": {\"" + orphan + "\": \"edge:Old\", \"" + live + "\": \"node:Doc\"}}");
      CleanupReport preview = root.cleanup(new RetentionPolicy(10, null), false);
      assertThat(row(preview, "edge:Old").datasetRemoved()).isTrue();
      assertThat(regularFiles(dir.resolve("g").resolve(orphan))).isPositive();
      CleanupReport r = root.cleanup(new RetentionPolicy(10, null), true);
      assertThat(row(r, "edge:Old").datasetRemoved()).isTrue();
      assertThat(regularFiles(dir.resolve("g").resolve(orphan))).isZero();
      assertThat(root.store().exists(RootLayout.CLEANUP_DROPS)).isFalse();
      assertThat(root.snapshot("main").nodes("Doc").size()).isEqualTo(6);
    }
  }

  private static long regularFiles(Path p) throws java.io.IOException {
    if (!Files.exists(p)) {
      return 0;
    }
    try (var s = Files.walk(p)) {
      return s.filter(Files::isRegularFile).count();
    }
  }

  private static List<String> lanceBranches(GraphRoot root, TablePin pin) {
    try (Dataset ds =
        root.lance().open(root.store().tableUri(new TablePin(pin.path(), null, 1)), null)) {
      return ds.branches().list().stream().map(org.lance.Branch::getName).sorted().toList();
    }
  }

  private static CleanupReport.Row row(CleanupReport r, String key) {
    return r.datasets().stream().filter(d -> key.equals(d.typeKey())).findFirst().orElseThrow();
  }
}
