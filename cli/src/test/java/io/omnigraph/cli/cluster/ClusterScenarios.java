package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.CliRunner;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.root.AcceptedSchema;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance scenarios of issue 5, end to end through the CLI ({@code --json}); run on a local
 * root and on an S3 root by the subclasses.
 */
abstract class ClusterScenarios {
  @TempDir Path dir;
  ClusterFixture c;

  /** The {@code storage:} value for a fresh cluster (null = the config dir). */
  abstract String storage(String name);

  abstract Map<String, String> env();

  @BeforeEach
  void setUp() {
    ClusterFixture.env(env());
    c = new ClusterFixture(dir, storage(dir.getFileName().toString()));
  }

  @AfterEach
  void tearDown() {
    ClusterFixture.env(Map.of());
  }

  String root() {
    return c.storage == null ? dir.toString() : c.storage;
  }

  ObjectStore store() {
    return ObjectStores.open(root(), env());
  }

  String graphUri(String id) {
    try (ObjectStore s = store()) {
      return s.uriOf("graphs/" + id + ".omni");
    }
  }

  @Test
  void deployFromZeroThenEverythingIsConverged() {
    Result v = c.ok("validate");
    assertThat(v.json().path("resources").size()).isEqualTo(5);
    Result plan0 = c.ok("plan");
    assertThat(plan0.changed()).contains("create graph.knowledge", "create schema.knowledge");
    assertThat(c.run("apply").codes()).contains("state_missing");
    c.ok("import");
    Result plan = c.ok("plan");
    assertThat(plan.changed())
        .containsExactly(
            "create graph.knowledge",
            "create policy.base",
            "create policy.server",
            "create query.knowledge.find_person",
            "create schema.knowledge");
    assertThat(plan.json().path("blast_radius").toString()).contains("graph.knowledge");
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean()).isTrue();
    assertThat(apply.json().path("state_written").asBoolean()).isTrue();
    assertThat(apply.json().path("applied_count").asInt()).isEqualTo(5);
    Result status = c.ok("status");
    assertThat(status.json().path("state_observations").path("state_revision").asLong())
        .isEqualTo(2);
    assertThat(status.codes()).isEmpty();
    Result refresh = c.ok("refresh");
    assertThat(
            refresh
                .json()
                .path("resource_statuses")
                .path("graph.knowledge")
                .path("status")
                .asText())
        .isEqualTo("applied");
    assertThat(c.ok("plan").json().path("changes").size()).isZero();
    Result again = c.ok("apply");
    assertThat(again.json().path("state_written").asBoolean()).isFalse();
    assertThat(again.json().path("converged").asBoolean()).isTrue();
    // the server's read API sees the applied revision
    AppliedCluster applied = AppliedCluster.read(root(), env());
    assertThat(applied.graphs()).containsOnlyKeys("knowledge");
    assertThat(applied.graphs().get("knowledge").queries()).containsOnlyKeys("find_person");
    assertThat(applied.graphs().get("knowledge").queries().get("find_person").ok()).isTrue();
    assertThat(applied.policies().get("server").clusterScoped()).isTrue();
    assertThat(applied.schemaSource("knowledge")).isEqualTo(ClusterFixture.SCHEMA);
    assertThat(AppliedCluster.read(dir.toString(), env()).stateRevision()).isEqualTo(3);
  }

  @Test
  void schemaChangeWithADependentQueryConvergesInOneRun() {
    c.deploy();
    c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);
    c.write("queries/email.gq", ClusterFixture.EMAIL_QUERY);
    Result plan = c.ok("plan");
    JsonNode schema = plan.change("schema.knowledge");
    assertThat(schema.path("operation").asText()).isEqualTo("update");
    assertThat(schema.path("migration").path("supported").asBoolean()).isTrue();
    assertThat(schema.path("migration").path("steps").toString()).contains("email");
    assertThat(plan.change("query.knowledge.by_email").path("disposition").asText())
        .isEqualTo("applied");
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean())
        .as(apply.json().toPrettyString())
        .isTrue();
    assertThat(AcceptedSchema.source(graphUri("knowledge"), env()))
        .isEqualTo(ClusterFixture.SCHEMA_V2);
    assertThat(c.ok("plan").json().path("changes").size()).isZero();
    assertNoSidecars();
  }

  @Test
  void schemaChangeOnAGraphWithABranchFailsBeforeArmingASidecar() {
    c.deploy();
    try (GraphRoot g = GraphRoot.open(graphUri("knowledge"), env())) {
      g.createBranch("feature", "main");
    }
    c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);
    Result apply = c.run("apply", "--as", "andrew");
    assertThat(apply.exit()).isEqualTo(1);
    assertThat(apply.codes()).contains("schema_apply_failed");
    assertThat(apply.json().path("converged").asBoolean()).isFalse();
    assertNoSidecars();
    assertThat(AcceptedSchema.source(graphUri("knowledge"), env()))
        .isEqualTo(ClusterFixture.SCHEMA);
    try (GraphRoot g = GraphRoot.open(graphUri("knowledge"), env())) {
      g.deleteBranch("feature");
    }
    Result retry = c.ok("apply", "--as", "andrew");
    assertThat(retry.json().path("converged").asBoolean()).isTrue();
  }

  @Test
  void heldLockBlocksPlanApplyRefreshUntilForceUnlockWithTheRightId() {
    c.deploy();
    try (ObjectStore s = store()) {
      s.put(
          "__cluster/lock.json",
          "{\"version\":1,\"lock_id\":\"01LOCKHELD\",\"operation\":\"apply\",\"created_at\":\"2026-01-01T00:00:00Z\",\"pid\":42}\n"
              .getBytes(StandardCharsets.UTF_8));
    }
    for (String cmd : List.of("plan", "apply", "refresh")) {
      Result r = c.run(cmd);
      assertThat(r.exit()).as(cmd).isEqualTo(1);
      assertThat(r.codes()).contains("state_lock_held");
      assertThat(r.json().path("diagnostics").toString()).contains("force-unlock 01LOCKHELD");
    }
    Result status = c.ok("status");
    assertThat(status.json().path("state_observations").path("locked").asBoolean()).isTrue();
    assertThat(status.json().path("state_observations").path("lock_pid").asLong()).isEqualTo(42);
    Result wrong = c.run("force-unlock", "01WRONG");
    assertThat(wrong.exit()).isEqualTo(1);
    assertThat(wrong.codes()).containsExactly("state_lock_id_mismatch");
    Result right = c.ok("force-unlock", "01LOCKHELD");
    assertThat(right.json().path("lock_removed").asBoolean()).isTrue();
    assertThat(c.run("force-unlock", "01LOCKHELD").codes()).containsExactly("state_lock_missing");
    c.ok("apply");
  }

  @Test
  void lostLedgerIsReimportedAndApplyReconvergesOnTheSameCatalog() {
    c.deploy();
    List<String> blobs;
    try (ObjectStore s = store()) {
      blobs = s.list("__cluster/resources/");
      s.delete("__cluster/state.json");
    }
    assertThat(c.run("apply").codes()).contains("state_missing");
    Result imp = c.ok("import");
    assertThat(imp.json().path("resource_statuses").path("graph.knowledge").path("status").asText())
        .isEqualTo("applied");
    assertThat(c.run("import").codes()).contains("state_already_exists");
    Result plan = c.ok("plan");
    assertThat(plan.changed()).contains("create query.knowledge.find_person", "create policy.base");
    assertThat(plan.changed()).doesNotContain("create graph.knowledge");
    Result apply = c.ok("apply");
    assertThat(apply.json().path("converged").asBoolean()).isTrue();
    try (ObjectStore s = store()) {
      assertThat(s.list("__cluster/resources/")).isEqualTo(blobs);
    }
  }

  @Test
  void outOfBandSchemaDriftIsDetectedByRefreshAndConvergedByApply() {
    c.deploy();
    try (GraphRoot g = GraphRoot.open(graphUri("knowledge"), env())) {
      g.applySchema(
          SchemaCompiler.compile("x.pg", ClusterFixture.SCHEMA_V2).value(), false, "rogue");
    }
    Result refresh = c.ok("refresh");
    JsonNode st = refresh.json().path("resource_statuses").path("schema.knowledge");
    assertThat(st.path("status").asText()).isEqualTo("drifted");
    assertThat(st.path("conditions").toString()).contains("schema_mismatch");
    Result plan = c.ok("plan");
    JsonNode schema = plan.change("schema.knowledge");
    assertThat(schema.path("operation").asText()).isEqualTo("update");
    assertThat(schema.path("migration").path("steps").toString())
        .contains("drop_property")
        .contains("email");
    c.ok("apply", "--as", "andrew");
    assertThat(AcceptedSchema.source(graphUri("knowledge"), env()))
        .isEqualTo(ClusterFixture.SCHEMA);
    c.ok("refresh");
    assertThat(c.ok("plan").json().path("changes").size()).isZero();
  }

  @Test
  void destroyedGraphRootIsRecreatedEmptyAfterRefresh() {
    c.deploy();
    try (ObjectStore s = store()) {
      s.deletePrefix("graphs/knowledge.omni/");
    }
    Result refresh = c.ok("refresh");
    assertThat(
            refresh
                .json()
                .path("resource_statuses")
                .path("graph.knowledge")
                .path("conditions")
                .toString())
        .contains("graph_missing");
    Result plan = c.ok("plan");
    assertThat(plan.changed()).contains("create graph.knowledge", "create schema.knowledge");
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean()).isTrue();
    assertThat(AcceptedSchema.source(graphUri("knowledge"), env()))
        .isEqualTo(ClusterFixture.SCHEMA);
  }

  @Test
  void deletingAGraphNeedsADigestBoundApproval() {
    c.config(List.of("knowledge", "scratch"), "");
    c.deploy();
    c.config(List.of("knowledge"), "");
    Result blocked = c.ok("apply");
    JsonNode del = blocked.change("graph.scratch");
    assertThat(del.path("disposition").asText()).isEqualTo("blocked");
    assertThat(del.path("reason").asText()).isEqualTo("approval_required");
    assertThat(blocked.json().path("converged").asBoolean()).isFalse();
    assertThat(c.ok("plan").json().path("approvals_required").get(0).path("satisfied").asBoolean())
        .isFalse();

    Result noActor = c.run("approve", "graph.scratch");
    assertThat(noActor.exit()).isEqualTo(1);
    assertThat(c.run("approve", "graph.knowledge", "--as", "andrew").codes())
        .contains("approval_not_required");

    Result approve = c.ok("approve", "graph.scratch", "--as", "andrew");
    String approvalId = approve.json().path("approval_id").asText();
    assertThat(c.ok("plan").json().path("approvals_required").get(0).path("satisfied").asBoolean())
        .isTrue();
    // a config edit invalidates it
    c.config(List.of("knowledge"), "");
    c.write(
        "cluster.yaml",
        c.dir.resolve("cluster.yaml").toFile().exists()
            ? read("cluster.yaml").replace("name: test", "name: test2")
            : "");
    Result stale = c.ok("apply");
    assertThat(stale.codes()).contains("approval_stale");
    assertThat(stale.change("graph.scratch").path("disposition").asText()).isEqualTo("blocked");

    Result again = c.ok("approve", "graph.scratch", "--as", "andrew");
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.change("graph.scratch").path("disposition").asText()).isEqualTo("applied");
    assertThat(apply.json().path("converged").asBoolean()).isTrue();
    try (ObjectStore s = store()) {
      assertThat(s.list("graphs/scratch.omni/")).isEmpty();
      String artifact =
          new String(
              s.get("__cluster/approvals/" + again.json().path("approval_id").asText() + ".json")
                  .orElseThrow()
                  .bytes(),
              StandardCharsets.UTF_8);
      assertThat(artifact).contains("\"consumed_at\" : \"2");
      String state =
          new String(s.get("__cluster/state.json").orElseThrow().bytes(), StandardCharsets.UTF_8);
      assertThat(state)
          .contains(again.json().path("approval_id").asText())
          .contains("tombstone")
          .doesNotContain("schema.scratch");
      assertThat(s.exists("__cluster/approvals/" + approvalId + ".json")).isTrue();
    }
    assertNoSidecars();
  }

  @Test
  void tamperedOrMissingCatalogBlobsAreDetectedAndRepublished() {
    c.deploy();
    String queryBlob;
    String policyBlob;
    try (ObjectStore s = store()) {
      List<String> keys = s.list("__cluster/resources/");
      queryBlob = keys.stream().filter(k -> k.contains("/query/")).findFirst().orElseThrow();
      policyBlob = keys.stream().filter(k -> k.contains("/policy/base/")).findFirst().orElseThrow();
      s.delete(queryBlob);
      s.put(policyBlob, "tampered".getBytes(StandardCharsets.UTF_8));
    }
    Result status = c.ok("status");
    assertThat(status.codes()).contains("catalog_payload_missing", "catalog_payload_mismatch");
    Result refresh = c.ok("refresh");
    assertThat(
            refresh
                .json()
                .path("resource_statuses")
                .path("policy.base")
                .path("conditions")
                .toString())
        .contains("payload_mismatch");
    assertThat(c.ok("plan").changed())
        .contains("create query.knowledge.find_person", "create policy.base");
    c.ok("apply");
    assertThat(c.ok("status").codes()).isEmpty();
    try (ObjectStore s = store()) {
      assertThat(s.exists(queryBlob)).isTrue();
      assertThat(new String(s.get(policyBlob).orElseThrow().bytes(), StandardCharsets.UTF_8))
          .isEqualTo(ClusterFixture.GRAPH_POLICY);
    }
  }

  @Test
  void disabledLockRunsWithAWarning() {
    c.config(List.of("knowledge"), "state:\n  lock: false\n");
    c.ok("import");
    Result apply = c.ok("apply");
    assertThat(apply.codes()).contains("state_lock_disabled");
    assertThat(apply.json().path("converged").asBoolean()).isTrue();
  }

  @Test
  void operatorConfigSuppliesTheActorAndNamedClusters() throws Exception {
    c.config(List.of("knowledge", "scratch"), "");
    c.deploy();
    c.config(List.of("knowledge"), "");
    Path home = dir.resolve("home");
    Files.createDirectories(home);
    Files.writeString(
        home.resolve("config.yaml"),
        "operator:\n  actor: act-andrew\nclusters:\n  brain: { root: "
            + root()
            + " }\nfuture: 1\n");
    Map<String, String> env = new java.util.HashMap<>(env());
    env.put("OMNIGRAPH_HOME", home.toString());
    ClusterFixture.env(env);
    Result approve = c.ok("approve", "graph.scratch");
    assertThat(approve.json().path("approved_by").asText()).isEqualTo("act-andrew");
    assertThat(io.omnigraph.cli.config.OperatorConfig.load(env).clusters())
        .containsEntry("brain", root());
  }

  @Test
  void humanOutputIsTerraformLike() {
    c.ok("import");
    CliRunner.Run plan = c.text("plan");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out())
        .contains("cluster plan: 5 change(s), 0 approval gate(s)")
        .contains("  + Create graph.knowledge")
        .contains("Plan: 5 to create, 0 to update, 0 to delete.");
    CliRunner.Run apply = c.text("apply", "--as", "andrew");
    assertThat(apply.out())
        .contains("cluster apply: 5 applied, 0 deferred/blocked")
        .contains("[Applied]")
        .contains("state: revision 2, converged: true, written: true");
    c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);
    assertThat(c.text("plan").out()).contains("  ~ Update schema.knowledge").contains("      {");
    CliRunner.Run status = c.text("status");
    assertThat(status.out()).contains("cluster state: revision 2").contains("lock: not held");
    CliRunner.Run invalid = c.text("approve", "graph.nothing", "--as", "x");
    assertThat(invalid.exitCode()).isEqualTo(1);
    assertThat(invalid.out())
        .contains("cluster approve failed")
        .contains("ERROR approval_not_required graph.nothing:");
  }

  String read(String name) {
    try {
      return Files.readString(dir.resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  void assertNoSidecars() {
    try (ObjectStore s = store()) {
      assertThat(s.list("__cluster/recoveries/")).isEmpty();
      assertThat(s.exists("__cluster/lock.json")).isFalse();
    }
  }
}
