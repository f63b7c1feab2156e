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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * Every declared failpoint is armed by some kill test: the {@code *CrashTest} sources of this
   * package must name each {@code Failpoints} constant.
   */
  @Test
  void everyFailpointIsCovered() throws Exception {
    assertThat(Failpoints.ALL).doesNotHaveDuplicates();
    Path tests = Path.of("src/test/java/io/omnigraph/engine/root");
    Set<String> named = new HashSet<>();
    Pattern ref = Pattern.compile("Failpoints\\.([A-Z_]+)");
    try (var files = Files.list(tests)) {
      for (Path f : files.filter(x -> x.toString().endsWith("CrashTest.java")).toList()) {
        Matcher m = ref.matcher(Files.readString(f));
        while (m.find()) {
          if (Failpoints.class.getField(m.group(1)).get(null) instanceof String name) {
            named.add(name);
          }
        }
      }
    }
    assertThat(named).containsAll(Failpoints.ALL);
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
  @ValueSource(strings = {Failpoints.LOAD_AFTER_SIDECAR, Failpoints.LOAD_AFTER_FIRST_TABLE_WRITE})
  void loadKilledBeforePublishIsRolledBackByTheNextLoad(String failpoint) throws Exception {
    Path g = copyTemplate();
    crash(failpoint, "load", g);
    assertThat(CrashHarness.sidecars(g)).hasSize(1);
    int moved = Failpoints.LOAD_AFTER_SIDECAR.equals(failpoint) ? 0 : 1;
    assertThat(tablesPastTheirPins(g)).as("tables written before the kill").isEqualTo(moved);
    assertState(g, 2, 2, 1); // no partial rows: readers see manifest 2 only
    loadAndAssert(g, 3, 4, 2); // the interrupted load, retried, lands exactly once
  }

  @Test
  void loadKilledAfterAllTableWritesIsPublishedByTheNextLoad() throws Exception {
    Path g = copyTemplate();
    crash(Failpoints.LOAD_AFTER_TABLE_WRITES, "load", g);
    assertThat(CrashHarness.sidecars(g)).hasSize(1);
    assertThat(tablesPastTheirPins(g)).as("tables written before the kill").isEqualTo(2);
    assertState(g, 2, 2, 1); // not published: readers still see manifest 2
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      root.load(
          jsonl("{\"type\":\"Person\",\"data\":{\"slug\":\"eve\"}}"),
          LoadMode.APPEND,
          "main",
          null);
      // the interrupted load was rolled forward as version 3 (its own commit), then this one
      assertThat(root.manifest(3).commit().actorId()).isEqualTo("crash");
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
    assertState(g, 4, 5, 2);
    assertThat(tablesPastTheirPins(g)).isZero();
  }

  @Test
  void aRollForwardWhoseBaseMovedOnIsRolledBackInstead() throws Exception {
    Path g = copyTemplate();
    crash(Failpoints.LOAD_AFTER_TABLE_WRITES, "load", g);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      root.createBranch("side", "main"); // manifest 3: no longer the load's base (2)
    }
    loadAndAssert(g, 4, 4, 2); // rolled back; the retried batch lands exactly once
  }

  @Test
  void loadKilledAfterPublishIsRolledForward() throws Exception {
    Path g = copyTemplate();
    crash(Failpoints.LOAD_AFTER_PUBLISH, "load", g);
    assertThat(CrashHarness.sidecars(g)).hasSize(1);
    assertState(g, 3, 4, 2); // published: the load is durable
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      root.load(
          jsonl("{\"type\":\"Person\",\"data\":{\"slug\":\"eve\"}}"),
          LoadMode.APPEND,
          "main",
          null);
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
    assertState(g, 4, 5, 2);
  }

  private static void loadAndAssert(Path g, long version, int people, int edges)
      throws IOException {
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      root.load(jsonl(BATCH), LoadMode.APPEND, "main", null);
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
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

  private Path copyTemplate() throws IOException {
    return CrashHarness.copyTree(template, dir.resolve("g"));
  }

  /**
   * Runs {@link CrashChild} {@code command} on {@code g}, expecting the halt at {@code failpoint}.
   */
  private void crash(String failpoint, String command, Path g) throws Exception {
    CrashHarness.crash(
        CrashChild.class, failpoint, dir.resolve("child.log"), command, g.toString());
  }
}
