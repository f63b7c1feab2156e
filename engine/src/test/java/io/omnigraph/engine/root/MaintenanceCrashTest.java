package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.engine.failpoint.Failpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lance.Dataset;

/**
 * Kills a real child JVM at each maintenance failpoint, then checks that the graph opens at a
 * published version with every row visible exactly once, that the next command converges, and that
 * a killed cleanup never removed a version a kept manifest or a live branch still needs.
 */
class MaintenanceCrashTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  /**
   * Manifest v6: three loads on main (v2–v4), branch {@code review} created at v5 (inheriting
   * main's pins), one more main load (v6). main has 8 docs, review 6.
   */
  private static Path template;

  @BeforeAll
  static void template() throws IOException {
    template = shared.resolve("template");
    MaintenanceFixture.create(template.toString(), Map.of(), 3);
    try (GraphRoot root = GraphRoot.open(template.toString(), Map.of())) {
      root.createBranch("review", null);
      MaintenanceFixture.load(root, "m1", "m2");
      assertThat(root.manifest().version()).isEqualTo(6);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Failpoints.OPTIMIZE_AFTER_SIDECAR,
        Failpoints.OPTIMIZE_AFTER_COMPACTION,
        Failpoints.OPTIMIZE_BEFORE_PUBLISH
      })
  void optimizeKilledBeforePublishIsRolledBackAndRedone(String failpoint) throws Exception {
    Path g = copyTemplate();
    crash(failpoint, "optimize", g);
    assertThat(CrashHarness.sidecars(g)).hasSize(1);
    assertState(g, 6);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      OptimizeReport r = root.optimize(); // resolves the dead writer's intent first
      assertThat(r.commit()).isNotNull();
      assertThat(MaintenanceFixture.fragments(root, "node:Doc")).isEqualTo(1);
      assertThat(root.repair(false, false).datasets())
          .allMatch(d -> "no_drift".equals(d.classification()));
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
    assertState(g, 7);
  }

  @Test
  void optimizeKilledAfterPublishIsDurable() throws Exception {
    Path g = copyTemplate();
    crash(Failpoints.OPTIMIZE_AFTER_PUBLISH, "optimize", g);
    assertThat(CrashHarness.sidecars(g)).hasSize(1);
    assertState(g, 7);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.optimize().commit()).isNull(); // intent deleted, nothing left to do
      assertThat(MaintenanceFixture.indexes(root, "node:Doc")).contains("og_fts_title");
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
    assertState(g, 7);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {Failpoints.CLEANUP_AFTER_MANIFEST_DELETE, Failpoints.CLEANUP_AFTER_FIRST_DATASET})
  void cleanupKilledMidwayKeepsWhatIsNeededAndConverges(String failpoint) throws Exception {
    Path g = copyTemplate();
    crash(failpoint, "cleanup", g);
    assertState(g, 6);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThatThrownBy(() -> root.snapshotAt("3", "main"))
          .isInstanceOfSatisfying(
              RootException.class,
              e -> assertThat(e.kind()).isEqualTo(RootException.Kind.SNAPSHOT_NOT_FOUND));
      CleanupReport r = root.cleanup(new RetentionPolicy(1, null), true);
      assertThat(r.manifestVersionsRemoved()).isEmpty();
      assertThat(r.failed()).isEmpty();
      for (Manifest.BranchState b : root.manifest().branches().values()) {
        for (TablePin pin : b.tables().values()) {
          assertThat(MaintenanceFixture.lanceVersions(root, pin)).contains(pin.version());
        }
      }
    }
    assertState(g, 6);
  }

  @Test
  void repairKilledBeforePublishChangesNothingAndRerunHeals() throws Exception {
    Path g = copyTemplate();
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      TablePin doc = root.manifest().branch("main").tables().get("node:Doc");
      try (Dataset ds = root.lance().open(root.store().tableUri(doc), null)) {
        ds.compact(); // verified maintenance done outside optimize: drift repair may publish
      }
    }
    crash(Failpoints.REPAIR_BEFORE_PUBLISH, "repair", g);
    assertState(g, 6);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.repair(false, false).datasets())
          .anyMatch(d -> "verified_maintenance".equals(d.classification()));
      RepairReport healed = root.repair(true, false);
      assertThat(healed.commit()).isNotNull();
      assertThat(root.repair(false, false).datasets())
          .allMatch(d -> "no_drift".equals(d.classification()));
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
    assertState(g, 7);
  }

  /** Readable at manifest {@code version}: main has 8 docs and 4 edges, review 6 and 3. */
  private static void assertState(Path g, long version) {
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.manifest().version()).isEqualTo(version);
      RootSnapshot main = root.snapshot("main");
      assertThat(main.nodes("Doc").size()).isEqualTo(8);
      assertThat(main.edges("Cites").size()).isEqualTo(4);
      RootSnapshot review = root.snapshot("review");
      assertThat(review.nodes("Doc").size()).isEqualTo(6);
      assertThat(review.edges("Cites").size()).isEqualTo(3);
    }
  }

  private Path copyTemplate() throws IOException {
    return CrashHarness.copyTree(template, dir.resolve("g"));
  }

  /**
   * Runs {@link MaintenanceCrashChild} {@code command} on {@code g}, expecting the halt at {@code
   * failpoint}.
   */
  private void crash(String failpoint, String command, Path g) throws Exception {
    CrashHarness.crash(
        MaintenanceCrashChild.class, failpoint, dir.resolve("child.log"), command, g.toString());
  }
}
