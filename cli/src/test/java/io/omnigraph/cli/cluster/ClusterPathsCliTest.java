package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliRunner;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.cluster.ops.ClusterFailpoints;
import io.omnigraph.engine.failpoint.Failpoints;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 paths not covered elsewhere: the sweep's partial root, a standalone schema delete, a
 * provider's embedding-profile metadata update, plan colouring.
 */
class ClusterPathsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** Rewrites {@code __cluster/state.json} (an older or hand-edited ledger). */
  private static void editLedger(ClusterFixture c, java.util.function.Consumer<ObjectNode> edit)
      throws Exception {
    Path state = c.dir.resolve("__cluster/state.json");
    ObjectNode root = (ObjectNode) JSON.readTree(state.toFile());
    edit.accept((ObjectNode) root.path("applied_revision").path("resources"));
    Files.writeString(state, JSON.writeValueAsString(root));
  }

  /**
   * A ledger that records {@code schema.<g>} without its graph: plan shows the delete deferred
   * ({@code apply_unsupported_kind}); apply warns, executes nothing and keeps the entry.
   */
  @Test
  void standaloneSchemaDeleteIsDeferred() throws Exception {
    ClusterFixture c = new ClusterFixture(dir.resolve("c"), null);
    c.deploy();
    String digest =
        c.ok("status").json().path("resource_digests").path("schema.knowledge").asText();
    editLedger(c, r -> r.putObject("schema.orphan").put("digest", digest));
    Result plan = c.ok("plan");
    JsonNode change = plan.change("schema.orphan");
    assertThat(change.path("operation").asText()).isEqualTo("delete");
    assertThat(change.path("disposition").asText()).isEqualTo("deferred");
    assertThat(change.path("reason").asText()).isEqualTo("apply_unsupported_kind");
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.codes()).contains("apply_unsupported_change");
    assertThat(apply.json().path("converged").asBoolean()).isFalse();
    assertThat(c.ok("plan").changed()).containsExactly("delete schema.orphan");
  }

  /**
   * A ledger whose provider entry lacks its {@code embedding_profile} (digest unchanged): plan
   * shows a metadata-only update, apply records the profile, the next plan is empty.
   */
  @Test
  void providerProfileMetadataUpdate() throws Exception {
    ClusterFixture c = new ClusterFixture(dir.resolve("c"), null);
    c.config(List.of("knowledge"), "providers:\n  embedding:\n    fake: { kind: mock }\n");
    c.deploy();
    editLedger(
        c, r -> ((ObjectNode) r.path("provider.embedding.fake")).remove("embedding_profile"));
    Result plan = c.ok("plan");
    JsonNode change = plan.change("provider.embedding.fake");
    assertThat(change.path("operation").asText()).isEqualTo("update");
    assertThat(change.path("metadata_change").asText()).isEqualTo("embedding_profile");
    assertThat(change.path("before_digest")).isEqualTo(change.path("after_digest"));
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean()).as(apply.json().toString()).isTrue();
    JsonNode ledger = JSON.readTree(c.dir.resolve("__cluster/state.json").toFile());
    assertThat(
            ledger
                .path("applied_revision")
                .path("resources")
                .path("provider.embedding.fake")
                .path("embedding_profile"))
        .isEqualTo(JSON.readTree("{\"kind\":\"mock\"}"));
    assertThat(c.ok("plan").json().path("changes").size()).isZero();
  }

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
