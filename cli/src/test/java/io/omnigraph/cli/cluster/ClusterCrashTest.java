package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.cluster.ops.ClusterFailpoints;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.AcceptedSchema;
import io.omnigraph.engine.root.GraphRoot;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills a real child {@code omnigraph cluster apply} (halt, exit 137 = SIGKILL for durability) at
 * every named failpoint; afterwards the crashed holder's lock is force-unlocked (no TTL, by
 * design), {@code cluster apply} converges, {@code cluster status} is clean, no sidecar or lock is
 * left and no graph data is lost.
 */
class ClusterCrashTest {
  @TempDir Path dir;
  ClusterFixture c;

  /**
   * What the sweep of the next apply reports after a kill at each failpoint (null: retire only).
   */
  private static final Map<String, String> EXPECTED =
      Map.of(
          ClusterFailpoints.CREATE_AFTER_INIT, "cluster_recovery_rolled_forward",
          ClusterFailpoints.SCHEMA_AFTER_APPLY, "cluster_recovery_rolled_forward",
          ClusterFailpoints.CATALOG_BEFORE_WRITE, "cluster_recovery_rolled_forward",
          ClusterFailpoints.CATALOG_AFTER_WRITE, "cluster_recovery_rolled_forward",
          ClusterFailpoints.DELETE_AFTER_SIDECAR, "graph_delete_incomplete",
          ClusterFailpoints.DELETE_AFTER_DELETE, "cluster_recovery_rolled_forward",
          ClusterFailpoints.STATE_BEFORE_WRITE, "cluster_recovery_rolled_forward");

  static List<String> failpoints() {
    return ClusterFailpoints.ALL;
  }

  @AfterEach
  void reset() {
    ClusterFixture.env(Map.of());
  }

  @Test
  void everyFailpointIsCovered() {
    assertThat(ClusterFailpoints.ALL).hasSize(10).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("failpoints")
  void killedApplyConverges(String failpoint) throws Exception {
    c = new ClusterFixture(dir.resolve("c"), null);
    arrange(failpoint);
    crash(failpoint);
    Result status = c.ok("status");
    JsonNode so = status.json().path("state_observations");
    assertThat(so.path("locked").asBoolean())
        .as("the killed holder's lock stays (no TTL)")
        .isTrue();
    c.ok("force-unlock", so.path("lock_id").asText());

    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean())
        .as(apply.json().toPrettyString())
        .isTrue();
    Result clean = c.ok("status");
    assertThat(clean.codes()).as(clean.json().toPrettyString()).isEmpty();
    assertThat(Files.exists(c.dir.resolve("__cluster/lock.json"))).isFalse();
    assertThat(listOrEmpty(c.dir.resolve("__cluster/recoveries"))).isEmpty();
    assertThat(c.ok("plan").json().path("changes").size()).isZero();
    assertData(failpoint);
  }

  /** Brings the cluster to the state where {@code apply} reaches the failpoint. */
  private void arrange(String failpoint) throws Exception {
    if (failpoint.startsWith("cluster.schema")) {
      c.deploy();
      load();
      c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);
    } else if (failpoint.startsWith("cluster.delete")) {
      c.config(List.of("knowledge", "scratch"), "");
      c.deploy();
      load();
      c.config(List.of("knowledge"), "");
      c.ok("approve", "graph.scratch", "--as", "andrew");
    } else {
      c.ok("import");
    }
  }

  private void load() throws Exception {
    try (GraphRoot g =
        GraphRoot.open(c.dir.resolve("graphs/knowledge.omni").toString(), Map.of())) {
      String rows = "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"name\":\"Ada\"}}\n";
      g.load(
          new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)),
          LoadMode.APPEND,
          "main",
          "t");
    }
  }

  private void assertData(String failpoint) {
    String uri = c.dir.resolve("graphs/knowledge.omni").toString();
    if (failpoint.startsWith("cluster.schema")) {
      assertThat(AcceptedSchema.source(uri, Map.of())).isEqualTo(ClusterFixture.SCHEMA_V2);
    }
    if (failpoint.startsWith("cluster.delete")) {
      assertThat(Files.exists(c.dir.resolve("graphs/scratch.omni/_schema.pg"))).isFalse();
      assertThat(c.ok("status").json().path("resource_digests").has("graph.scratch")).isFalse();
    }
    if (failpoint.startsWith("cluster.schema") || failpoint.startsWith("cluster.delete")) {
      try (GraphRoot g = GraphRoot.open(uri, Map.of())) {
        long people =
            g.snapshotInfo("main").datasets().stream()
                .filter(d -> d.typeName().equals("Person"))
                .mapToLong(d -> d.entityCount())
                .sum();
        assertThat(people).as("rows survive").isEqualTo(1);
      }
    }
  }

  private void crash(String failpoint) throws Exception {
    Path log = dir.resolve("child.log");
    Process p =
        ChildCli.start(
            log,
            failpoint,
            Map.of(),
            "cluster",
            "apply",
            "--config",
            c.dir.toString(),
            "--as",
            "crash");
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("child did not halt at " + failpoint);
    }
    assertThat(p.exitValue())
        .as("child at %s:%n%s", failpoint, Files.readString(log))
        .isEqualTo(Failpoints.EXIT_CODE);
  }

  private static List<Path> listOrEmpty(Path d) throws Exception {
    if (!Files.isDirectory(d)) {
      return List.of();
    }
    try (var s = Files.list(d)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".~og.")).toList();
    }
  }
}
