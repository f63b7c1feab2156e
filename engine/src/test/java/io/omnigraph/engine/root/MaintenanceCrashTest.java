package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.engine.failpoint.Failpoints;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    assertThat(sidecars(g)).hasSize(1);
    assertState(g, 6);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      OptimizeReport r = root.optimize(); // resolves the dead writer's intent first
      assertThat(r.commit()).isNotNull();
      assertThat(MaintenanceFixture.fragments(root, "node:Doc")).isEqualTo(1);
      assertThat(root.repair(false, false).datasets())
          .allMatch(d -> "no_drift".equals(d.classification()));
    }
    assertThat(sidecars(g)).isEmpty();
    assertState(g, 7);
  }

  @Test
  void optimizeKilledAfterPublishIsDurable() throws Exception {
    Path g = copyTemplate();
    crash(Failpoints.OPTIMIZE_AFTER_PUBLISH, "optimize", g);
    assertThat(sidecars(g)).hasSize(1);
    assertState(g, 7);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.optimize().commit()).isNull(); // intent deleted, nothing left to do
      assertThat(MaintenanceFixture.indexes(root, "node:Doc")).contains("og_fts_title");
    }
    assertThat(sidecars(g)).isEmpty();
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

  private static List<String> sidecars(Path g) throws IOException {
    Path d = g.resolve(RootLayout.RECOVERY);
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".json") && !n.startsWith(".~og."))
          .toList();
    }
  }

  private Path copyTemplate() throws IOException {
    Path g = dir.resolve("g");
    try (Stream<Path> s = Files.walk(template)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path to = g.resolve(template.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return g;
  }

  /** Runs {@link MaintenanceCrashChild} with {@code failpoint} armed; expects it to halt there. */
  private void crash(String failpoint, String command, Path g) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens")
          || a.startsWith("--enable-native-access")
          || a.startsWith("--sun-misc")
          || a.startsWith("-Xss")) {
        cmd.add(a);
      }
    }
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-D" + Failpoints.KEY + "=" + failpoint);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(MaintenanceCrashChild.class.getName());
    cmd.add(command);
    cmd.add(g.toString());
    Path log = dir.resolve("child.log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove(Failpoints.KEY);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("child did not halt at " + failpoint);
    }
    assertThat(p.exitValue())
        .as(
            "exit of child at %s; output:%n%s",
            failpoint, Files.readString(log, StandardCharsets.UTF_8))
        .isEqualTo(Failpoints.EXIT_CODE);
  }
}
