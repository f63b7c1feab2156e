package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cli.CliRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code optimize|repair|cleanup --cluster … [--graph …]}: the graph root comes from the ledger.
 */
class ClusterMaintenanceCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  @TempDir Path home;

  @AfterEach
  void resetEnv() {
    ClusterFixture.env(Map.of());
  }

  @Test
  void oneAppliedGraphIsTheDefault() throws Exception {
    ClusterFixture c = new ClusterFixture(dir, null);
    c.deploy();
    CliRunner.Run r = CliRunner.run("optimize", "--cluster", dir.toString(), "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(JSON.readTree(r.out()).path("uri").asText()).endsWith("graphs/knowledge.omni");
    assertThat(r.err()).contains("omnigraph optimize → ").contains("knowledge.omni");
  }

  @Test
  void severalGraphsNeedGraphAndUnknownIdsListCandidates() throws Exception {
    ClusterFixture c = new ClusterFixture(dir, null);
    c.config(List.of("knowledge", "scratch"), "");
    c.deploy();
    CliRunner.Run ambiguous = CliRunner.run("cleanup", "--cluster", dir.toString(), "--keep", "1");
    assertThat(ambiguous.exitCode()).isEqualTo(1);
    assertThat(ambiguous.err()).contains("knowledge").contains("scratch");

    CliRunner.Run unknown = CliRunner.run("repair", "--cluster", dir.toString(), "--graph", "nope");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("graph_not_applied").contains("knowledge");

    CliRunner.Run preview =
        CliRunner.run(
            "cleanup", "--cluster", dir.toString(), "--graph", "scratch", "--keep", "1", "--json");
    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(JSON.readTree(preview.out()).path("uri").asText()).endsWith("graphs/scratch.omni");
  }

  @Test
  void namedClusterFromOperatorConfig() throws Exception {
    ClusterFixture c = new ClusterFixture(dir, null);
    c.deploy();
    CliRunner.write(
        home, "config.yaml", "clusters:\n  brain: { root: " + dir.toAbsolutePath() + " }\n");
    ClusterFixture.env(Map.of("OMNIGRAPH_HOME", home.toString()));
    CliRunner.Run r = CliRunner.run("optimize", "--cluster", "brain", "--graph", "knowledge");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("knowledge.omni");
  }

  @Test
  void notAClusterSaysSo() {
    CliRunner.Run r =
        CliRunner.run("optimize", "--cluster", dir.resolve("nothing").toString(), "--graph", "kg");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("cluster_state_missing");
  }
}
