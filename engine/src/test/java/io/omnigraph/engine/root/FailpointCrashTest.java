package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.CrashChild.BASELINE;
import static io.omnigraph.engine.root.CrashChild.BATCH;
import static io.omnigraph.engine.root.CrashChild.jsonl;
import static io.omnigraph.engine.root.CrashChild.schema;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.LoadMode;
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
 * Kills a real child JVM at each named failpoint of init and load ({@link Failpoints}), then checks
 * in this JVM that the root is readable at its last published version with no partial rows, and
 * that the next command converges: init --force for an unpublished init, the next load (which runs
 * recovery: the dead writer's pid lets it act at once) otherwise.
 */
class FailpointCrashTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  /** A graph at manifest version 2 holding {@link CrashChild#BASELINE}; copied per load case. */
  private static Path template;

  @BeforeAll
  static void template() throws IOException {
    template = shared.resolve("template");
    GraphRoot.init(template.toString(), schema(), null, Map.of());
    try (GraphRoot root = GraphRoot.open(template.toString(), Map.of())) {
      root.load(jsonl(BASELINE), LoadMode.APPEND, "main", null);
      assertThat(root.manifest().version()).isEqualTo(2);
    }
  }

  @Test
  void everyFailpointIsCovered() {
    assertThat(Failpoints.ALL).hasSize(26).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Failpoints.INIT_AFTER_CLAIM,
        Failpoints.INIT_AFTER_SCHEMA,
        Failpoints.INIT_AFTER_DATASET_CREATE,
        Failpoints.INIT_BEFORE_PUBLISH
      })
  void initKilledBeforePublishLeavesAClaimThatOnlyForceClears(String failpoint) throws Exception {
    Path g = dir.resolve("g");
    crash(failpoint, "init", g);
    assertThat(Files.exists(g.resolve(RootLayout.INIT_CLAIM))).isTrue();
    assertThatThrownBy(() -> GraphRoot.open(g.toString(), Map.of()).close())
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.NOT_INITIALIZED));
    assertThatThrownBy(() -> GraphRoot.init(g.toString(), schema(), null, Map.of()))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.INITIALIZATION_CLAIMED));

    GraphRoot.init(g.toString(), schema(), null, Map.of(), true);
    assertThat(Files.exists(g.resolve(RootLayout.INIT_CLAIM))).isFalse();
    assertState(g, 1, 0, 0);
    loadAndAssert(g, 2, 2, 1);
  }

  @Test
  void initKilledAfterPublishIsAnInitializedGraph() throws Exception {
    Path g = dir.resolve("g");
    crash(Failpoints.INIT_AFTER_PUBLISH, "init", g);
    assertThat(Files.exists(g.resolve(RootLayout.INIT_CLAIM))).isTrue();
    assertState(g, 1, 0, 0);
    assertThatThrownBy(() -> GraphRoot.init(g.toString(), schema(), null, Map.of(), true))
        .isInstanceOfSatisfying(
            RootException.class,
            e -> assertThat(e.kind()).isEqualTo(RootException.Kind.ALREADY_INITIALIZED));
    loadAndAssert(g, 2, 2, 1); // the first write removes the stale claim
    assertThat(Files.exists(g.resolve(RootLayout.INIT_CLAIM))).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        Failpoints.LOAD_AFTER_SIDECAR,
        Failpoints.LOAD_AFTER_FIRST_TABLE_WRITE,
        Failpoints.LOAD_AFTER_TABLE_WRITES
      })
  void loadKilledBeforePublishIsRolledBackByTheNextLoad(String failpoint) throws Exception {
    Path g = copyTemplate();
    crash(failpoint, "load", g);
    assertThat(sidecars(g)).hasSize(1);
    int moved =
        switch (failpoint) {
          case Failpoints.LOAD_AFTER_SIDECAR -> 0;
          case Failpoints.LOAD_AFTER_FIRST_TABLE_WRITE -> 1;
          default -> 2;
        };
    assertThat(tablesPastTheirPins(g)).as("tables written before the kill").isEqualTo(moved);
    assertState(g, 2, 2, 1); // no partial rows: readers see manifest 2 only
    loadAndAssert(g, 3, 4, 2); // the interrupted load, retried, lands exactly once
  }

  @Test
  void loadKilledAfterPublishIsRolledForward() throws Exception {
    Path g = copyTemplate();
    crash(Failpoints.LOAD_AFTER_PUBLISH, "load", g);
    assertThat(sidecars(g)).hasSize(1);
    assertState(g, 3, 4, 2); // published: the load is durable
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      root.load(
          jsonl("{\"type\":\"Person\",\"data\":{\"slug\":\"eve\"}}"),
          LoadMode.APPEND,
          "main",
          null);
    }
    assertThat(sidecars(g)).isEmpty();
    assertState(g, 4, 5, 2);
  }

  private static void loadAndAssert(Path g, long version, int people, int edges)
      throws IOException {
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      root.load(jsonl(BATCH), LoadMode.APPEND, "main", null);
    }
    assertThat(sidecars(g)).isEmpty();
    assertState(g, version, people, edges);
  }

  private static void assertState(Path g, long version, int people, int edges) {
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.manifest().version()).isEqualTo(version);
      RootSnapshot snap = root.snapshot("main");
      assertThat(snap.nodes("Person").size()).isEqualTo(people);
      assertThat(snap.edges("Knows").size()).isEqualTo(edges);
    }
  }

  private static int tablesPastTheirPins(Path g) {
    int moved = 0;
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      for (TablePin pin : root.manifest().branch("main").tables().values()) {
        if (root.lance().latestVersion(root.store().tableUri(pin)) > pin.version()) {
          moved++;
        }
      }
    }
    return moved;
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

  /** Runs {@link CrashChild} with {@code failpoint} armed and expects it to halt there. */
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
    cmd.add(CrashChild.class.getName());
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
