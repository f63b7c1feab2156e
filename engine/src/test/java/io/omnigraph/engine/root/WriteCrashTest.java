package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.WriteFixture.mutate;
import static io.omnigraph.engine.root.WriteFixture.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.engine.failpoint.Failpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a child JVM at each failpoint of mutations and merges ({@link WriteCrashChild}) and checks
 * that the graph reads at its last published version with nothing half-visible, and that the next
 * write converges (recovery rolls unpublished writes back; the retried write lands once).
 */
class WriteCrashTest {
  @TempDir static Path shared;
  @TempDir Path dir;

  /**
   * main: seed, then bob.age=60 after the fork; review (from the seed): ada.age=50 and a friend dee
   * of cy; snap: a branch at the fork point (so review → snap is a fast-forward).
   */
  private static Path template;

  private static long templateVersion;

  @BeforeAll
  static void template() {
    template = shared.resolve("template");
    Path parent = template.getParent().resolve("t");
    String uri = WriteFixture.init(parent);
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.createBranch("review", null);
      root.createBranch("snap", null);
      mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "review");
      mutate(root, "add_friend", "{\"slug\":\"dee\",\"name\":\"Dee\",\"from\":\"cy\"}", "review");
      mutate(root, "set_age", "{\"slug\":\"bob\",\"age\":60}", "main");
      templateVersion = root.manifest().version();
    }
    template = Path.of(uri);
  }

  @ParameterizedTest
  @ValueSource(strings = {Failpoints.MUTATE_AFTER_SIDECAR, Failpoints.MUTATE_AFTER_TABLE_WRITES})
  void mutationKilledBeforePublishIsRolledBack(String failpoint) throws Exception {
    Path g = copyTemplate();
    crash(failpoint, "mutate", g);
    assertThat(CrashHarness.sidecars(g)).hasSize(1);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.manifest().version()).isEqualTo(templateVersion);
      assertThat(root.snapshot("main").nodes("Person").rowOf("eve")).isEqualTo(-1);
      mutate(root, "add_friend", "{\"slug\":\"eve\",\"name\":\"Eve\",\"from\":\"cy\"}", "main");
      assertThat(root.manifest().version()).isEqualTo(templateVersion + 1);
      RootSnapshot s = root.snapshot("main");
      assertThat(s.nodes("Person").size()).isEqualTo(4);
      assertThat(s.edges("Knows").size()).isEqualTo(3);
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {Failpoints.MUTATE_AFTER_PUBLISH})
  void mutationKilledAfterPublishIsDurable(String failpoint) throws Exception {
    Path g = copyTemplate();
    crash(failpoint, "mutate", g);
    try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
      assertThat(root.manifest().version()).isEqualTo(templateVersion + 1);
      mutate(root, "set_age", "{\"slug\":\"eve\",\"age\":5}", "main");
      RootSnapshot s = root.snapshot("main");
      assertThat(value(s, "eve", "age")).isEqualTo(5L);
      assertThat(s.edges("Knows").size()).isEqualTo(3);
    }
    assertThat(CrashHarness.sidecars(g)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {Failpoints.MERGE_AFTER_SIDECAR, Failpoints.MERGE_AFTER_TABLE_WRITES})
  void mergeKilledBeforePublishIsRolledBackAndCanBeRetried(String failpoint) throws Exception {
    for (String command : List.of("merge", "ff")) {
      Path g = copyTemplate();
      String target = command.equals("merge") ? "main" : "snap";
      crash(failpoint, command, g);
      assertThat(CrashHarness.sidecars(g)).hasSize(1);
      try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
        assertThat(root.manifest().version()).isEqualTo(templateVersion);
        assertThat(value(root.snapshot(target), "ada", "age")).isEqualTo(36L);
        MergeResult r = root.merge("review", target, "retry", false);
        assertThat(r.outcome()).isEqualTo(command.equals("merge") ? "merged" : "fast_forward");
        RootSnapshot s = root.snapshot(target);
        assertThat(value(s, "ada", "age")).isEqualTo(50L);
        assertThat(s.nodes("Person").size()).isEqualTo(4);
      }
      assertThat(CrashHarness.sidecars(g)).isEmpty();
      CrashHarness.deleteTree(g);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Failpoints.MERGE_AFTER_PUBLISH})
  void mergeKilledAfterPublishIsDurable(String failpoint) throws Exception {
    for (String command : List.of("merge", "ff")) {
      Path g = copyTemplate();
      String target = command.equals("merge") ? "main" : "snap";
      crash(failpoint, command, g);
      assertThat(CrashHarness.sidecars(g)).hasSize(1);
      try (GraphRoot root = GraphRoot.open(g.toString(), Map.of())) {
        assertThat(root.manifest().version()).isEqualTo(templateVersion + 1);
        mutate(root, "set_age", "{\"slug\":\"cy\",\"age\":1}", target); // runs recovery
        RootSnapshot s = root.snapshot(target);
        assertThat(value(s, "ada", "age")).isEqualTo(50L); // the merge was not rolled back
        assertThat(s.nodes("Person").rowOf("dee")).isNotEqualTo(-1);
        assertThat(root.merge("review", target, "again", false).outcome())
            .isEqualTo("already_up_to_date");
      }
      assertThat(CrashHarness.sidecars(g)).isEmpty();
      CrashHarness.deleteTree(g);
    }
  }

  private Path copyTemplate() throws IOException {
    return CrashHarness.copyTree(template, dir.resolve("g"));
  }

  /**
   * Runs {@link WriteCrashChild} {@code command} on {@code g}, expecting the halt at {@code
   * failpoint}.
   */
  private void crash(String failpoint, String command, Path g) throws Exception {
    CrashHarness.crash(
        WriteCrashChild.class, failpoint, dir.resolve("child.log"), command, g.toString());
  }
}
