package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.cli.CliRunner;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.cluster.ops.ClusterFailpoints;
import io.omnigraph.engine.failpoint.Failpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 5 paths not covered elsewhere: the sweep's partial root, plan colouring. */
class ClusterPathsCliTest {
  @TempDir Path dir;

  @AfterEach
  void reset() {
    ClusterFixture.env(Map.of());
    System.clearProperty("omnigraph.stdout.tty");
  }

  /**
   * A create killed after its sidecar, whose root then holds files but no published manifest: the
   * next apply's sweep refuses with {@code graph_create_incomplete} and says how to fix it; after
   * the root is removed, apply converges.
   */
  @Test
  void partialRootIsReportedUntilRemoved() throws Exception {
    ClusterFixture c = new ClusterFixture(dir.resolve("c"), null);
    c.ok("import");
    Path log = dir.resolve("child.log");
    Process p =
        ChildCli.start(
            log,
            ClusterFailpoints.CREATE_AFTER_SIDECAR,
            Map.of(),
            "cluster",
            "apply",
            "--config",
            c.dir.toString(),
            "--as",
            "crash");
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isEqualTo(Failpoints.EXIT_CODE);
    c.ok("force-unlock", c.ok("status").json().path("state_observations").path("lock_id").asText());
    Path root = c.dir.resolve("graphs/knowledge.omni");
    c.write("graphs/knowledge.omni/half-written.bin", "partial");

    Result refused = c.run("apply", "--as", "andrew");
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.codes()).contains("graph_create_incomplete");
    assertThat(refused.json().toString())
        .contains("remove the graph root and re-run apply")
        .contains("knowledge.omni");
    assertThat(Files.exists(root.resolve("half-written.bin"))).as("never deletes data").isTrue();
    assertThat(Files.exists(c.dir.resolve("__cluster/lock.json"))).isFalse();

    try (Stream<Path> s = Files.walk(root)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean()).as(apply.json().toString()).isTrue();
    assertThat(c.ok("status").codes()).isEmpty();
  }

  @Test
  void planIsColouredOnATerminalUnlessNoColor() {
    ClusterFixture c = new ClusterFixture(dir.resolve("c"), null);
    c.ok("import");
    System.setProperty("omnigraph.stdout.tty", "true");
    CliRunner.Run coloured = c.text("plan");
    assertThat(coloured.exitCode()).isZero();
    assertThat(coloured.out()).contains("\u001b[32m+").contains("\u001b[0m");

    ClusterFixture.env(Map.of("NO_COLOR", "1"));
    CliRunner.Run plain = c.text("plan");
    assertThat(plain.exitCode()).isZero();
    assertThat(plain.out()).doesNotContain("\u001b[").contains("+ ");

    ClusterFixture.env(Map.of());
    System.clearProperty("omnigraph.stdout.tty");
    assertThat(c.text("plan").out()).doesNotContain("\u001b[");
  }
}
