package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.engine.root.AcceptedSchema;
import io.omnigraph.storage.testing.FaultyObjectStore.Op;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Graph-moving failures of apply (05 §7 steps 5–10, §8 demotion) and graph observation failures of
 * refresh, import and plan: a stray file where a graph root must go, a graph root whose prefix
 * delete fails, a sidecar location that cannot be written, a schema apply the engine cannot
 * publish, a corrupt manifest.
 */
class ClusterGraphFaultsCliTest extends ClusterFaultsBase {
  private String graphUri(String g) {
    return uriOf("graphs/" + g + ".omni");
  }

  private String latestManifest(String g) {
    List<String> v = keys("graphs/" + g + ".omni/__manifest/v/");
    assertThat(v).isNotEmpty();
    return v.get(v.size() - 1);
  }

  private static void assertChange(Result r, String resource, String disposition, String reason) {
    JsonNode ch = r.change(resource);
    assertThat(ch.path("disposition").asText()).as(resource).isEqualTo(disposition);
    assertThat(ch.path("reason").asText()).as(resource).isEqualTo(reason);
  }

  private void assertBlockedStatus(Result r, String resource, String condition) {
    JsonNode st = status(r, resource);
    assertThat(st.path("status").asText()).as(resource).isEqualTo("blocked");
    assertThat(st.path("conditions").toString()).as(resource).isEqualTo("[\"" + condition + "\"]");
  }

  @Test
  void failedGraphCreateSkipsEveryLaterGraphMoveAndDemotesDependents() throws Exception {
    c.config(List.of("knowledge", "scratch"), "");
    c.deploy();
    c.config(List.of("knowledge", "alpha", "beta"), "");
    c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);
    String approval =
        c.ok("approve", "graph.scratch", "--as", "andrew").json().path("approval_id").asText();
    // a stray file occupies the root the control plane derives for graph alpha
    Files.writeString(dir.resolve("graphs/alpha.omni"), "not a graph\n");

    Result apply = c.run("apply", "--as", "andrew");
    assertFailedCleanly(apply);
    assertDiag(
        apply,
        "graph_create_failed",
        "error",
        "graph.alpha",
        "remove whatever occupies that location or fix the storage, then re-run `cluster apply`");
    String skipped = "skipped after an earlier graph-moving failure in this run; re-run apply";
    assertDiag(apply, "graph_create_skipped", "warning", "graph.beta", skipped);
    assertDiag(apply, "schema_apply_skipped", "warning", "schema.knowledge", skipped);
    assertDiag(apply, "graph_delete_skipped", "warning", "graph.scratch", skipped);
    assertChange(apply, "graph.alpha", "blocked", "graph_create_failed");
    for (String a :
        List.of("schema.alpha", "graph.beta", "schema.beta", "schema.knowledge", "graph.scratch")) {
      assertChange(apply, a, "blocked", "dependency_not_applied");
      assertDiag(
          apply, "apply_dependency_blocked", "warning", a, "is blocked: dependency_not_applied");
    }
    assertThat(apply.json().path("converged").asBoolean()).isFalse();
    assertThat(apply.json().path("applied_count").asInt()).isZero();
    // the ledger records the block statuses (written), nothing else moved
    assertThat(apply.json().path("state_written").asBoolean()).isTrue();
    assertBlockedStatus(apply, "graph.alpha", "graph_create_failed");
    assertBlockedStatus(apply, "graph.beta", "dependency_not_applied");
    assertBlockedStatus(apply, "graph.scratch", "dependency_not_applied");
    assertThat(keys("graphs/beta.omni/")).isEmpty();
    assertThat(keys("graphs/scratch.omni/")).isNotEmpty();
    assertThat(AcceptedSchema.source(graphUri("knowledge"), Map.of()))
        .isEqualTo(ClusterFixture.SCHEMA);
    assertThat(text("__cluster/approvals/" + approval + ".json"))
        .contains("\"consumed_at\" : null");
    // the failed create's sidecar is kept for the sweep
    List<String> sidecars = keys(RECOVERIES);
    assertThat(sidecars).hasSize(1);
    assertThat(text(sidecars.get(0))).contains("graph_create").contains("\"graph_id\" : \"alpha\"");

    // remove the stray file: the sweep retires the sidecar and everything converges
    Files.delete(dir.resolve("graphs/alpha.omni"));
    Result again = c.ok("apply", "--as", "andrew");
    assertThat(again.json().path("converged").asBoolean())
        .as(again.json().toPrettyString())
        .isTrue();
    assertThat(keys(RECOVERIES)).isEmpty();
    assertThat(keys("graphs/scratch.omni/")).isEmpty();
    assertThat(AcceptedSchema.source(graphUri("beta"), Map.of())).isEqualTo(ClusterFixture.SCHEMA);
    assertThat(AcceptedSchema.source(graphUri("knowledge"), Map.of()))
        .isEqualTo(ClusterFixture.SCHEMA_V2);
  }

  @Test
  void failedGraphDeleteKeepsTheApprovalAndTheNextApplyRetriesIt() {
    c.config(List.of("knowledge", "scratch"), "");
    c.deploy();
    c.config(List.of("knowledge"), "");
    String approval =
        c.ok("approve", "graph.scratch", "--as", "andrew").json().path("approval_id").asText();
    faults.fail(Op.DELETE_PREFIX, "graphs/scratch.omni/");

    Result apply = c.run("apply", "--as", "andrew");
    assertFailedCleanly(apply);
    assertDiag(
        apply,
        "graph_delete_failed",
        "error",
        "graph.scratch",
        "the delete stays approved: fix the storage and re-run `cluster apply`");
    assertChange(apply, "graph.scratch", "blocked", "graph_delete_failed");
    assertChange(apply, "schema.scratch", "blocked", "dependency_not_applied");
    assertBlockedStatus(apply, "graph.scratch", "graph_delete_failed");
    assertThat(apply.json().path("resource_statuses").has("graph.scratch")).isTrue();
    assertThat(text(STATE)).contains("\"graph.scratch\"").doesNotContain("tombstone");
    assertThat(keys("graphs/scratch.omni/")).isNotEmpty();
    assertThat(text("__cluster/approvals/" + approval + ".json"))
        .contains("\"consumed_at\" : null");
    assertThat(keys(RECOVERIES)).hasSize(1);

    faults.clear();
    Result again = c.ok("apply", "--as", "andrew");
    assertThat(diag(again, "graph_delete_incomplete").path("path").asText())
        .isEqualTo("graph.scratch");
    assertThat(again.change("graph.scratch").path("disposition").asText()).isEqualTo("applied");
    assertThat(again.json().path("converged").asBoolean()).isTrue();
    assertThat(keys("graphs/scratch.omni/")).isEmpty();
    assertThat(text("__cluster/approvals/" + approval + ".json")).contains("\"consumed_at\" : \"2");
    assertThat(keys(RECOVERIES)).isEmpty();
  }

  @Test
  void sidecarThatCannotBeWrittenStopsTheGraphMoveBeforeTheEngineRuns() throws Exception {
    c.ok("import");
    // a stray file where the recovery directory must be
    Files.writeString(dir.resolve("__cluster/recoveries"), "stray\n");
    Result apply = c.run("apply", "--as", "andrew");
    assertFailedCleanly(apply);
    JsonNode d =
        assertDiag(
            apply,
            "recovery_sidecar_write_error",
            "error",
            "graph.knowledge",
            "the graph was not touched");
    assertThat(d.path("message").asText()).contains(uriOf("__cluster/recoveries"));
    assertThat(keys("graphs/")).isEmpty();
    assertChange(apply, "graph.knowledge", "blocked", "dependency_not_applied");
    assertChange(apply, "query.knowledge.find_person", "blocked", "dependency_not_applied");
    assertChange(apply, "policy.base", "blocked", "dependency_not_applied");
    assertThat(apply.json().path("converged").asBoolean()).isFalse();

    Files.delete(dir.resolve("__cluster/recoveries"));
    Result again = c.ok("apply", "--as", "andrew");
    assertThat(again.json().path("converged").asBoolean()).isTrue();
    assertThat(keys(RECOVERIES)).isEmpty();
  }

  @Test
  void schemaApplyThatMovedNothingButCannotDropItsSidecarStaysQuarantined() throws Exception {
    c.deploy();
    c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);
    // the next manifest version's key is occupied by a directory: the engine cannot publish
    String latest = latestManifest("knowledge");
    long v = Long.parseLong(latest.replaceAll(".*/0*(\\d+)\\.json$", "$1"));
    Path blocker =
        dir.resolve(
            "graphs/knowledge.omni/__manifest/v/" + String.format("%020d", v + 1) + ".json");
    Files.createDirectories(blocker);
    faults.failUnder(Op.DELETE, RECOVERIES);

    Result apply = c.run("apply", "--as", "andrew");
    assertFailedCleanly(apply);
    diag(apply, "schema_apply_failed");
    List<String> sidecars = keys(RECOVERIES);
    assertThat(sidecars).hasSize(1);
    assertDiag(
        apply,
        "recovery_sidecar_cleanup_failed",
        "warning",
        uriOf(sidecars.get(0)),
        "graph 'knowledge' stays quarantined until the next apply");
    assertThat(AcceptedSchema.source(graphUri("knowledge"), Map.of()))
        .isEqualTo(ClusterFixture.SCHEMA);
    assertChange(apply, "schema.knowledge", "blocked", "schema_apply_failed");
    // while the sidecar stays, plan shows the graph as awaiting recovery
    faults.clear();
    assertThat(diag(c.ok("plan"), "cluster_recovery_pending").path("path").asText())
        .isEqualTo(uriOf(sidecars.get(0)));

    Files.delete(blocker);
    Result again = c.ok("apply", "--as", "andrew");
    assertThat(again.json().path("converged").asBoolean())
        .as(again.json().toPrettyString())
        .isTrue();
    assertThat(keys(RECOVERIES)).isEmpty();
    assertThat(AcceptedSchema.source(graphUri("knowledge"), Map.of()))
        .isEqualTo(ClusterFixture.SCHEMA_V2);
  }

  @Test
  void corruptManifestIsAGraphObservationErrorForRefreshAndImport() {
    c.deploy();
    String manifest = latestManifest("knowledge");
    byte[] good = bytes(manifest);
    put(manifest, "{ not a manifest");

    Result refresh = c.run("refresh");
    assertFailedCleanly(refresh);
    assertDiag(
        refresh,
        "graph_observation_error",
        "error",
        "graphs",
        "1 graph observation(s) failed; each graph's observation names its error: repair or"
            + " restore the graph root, then re-run `cluster refresh`");
    for (String a : List.of("graph.knowledge", "schema.knowledge")) {
      assertThat(status(refresh, a).path("status").asText()).isEqualTo("error");
      assertThat(status(refresh, a).path("conditions").toString())
          .isEqualTo("[\"graph_observation_error\"]");
    }
    JsonNode obs = refresh.json().path("observations").path("graph.knowledge");
    assertThat(obs.path("exists").asBoolean()).isTrue();
    assertThat(obs.path("error").asText()).isNotEmpty();
    // refresh persists what it saw before failing
    assertThat(refresh.json().path("state_written").asBoolean()).isTrue();
    assertThat(refresh.json().path("state_revision").asLong()).isEqualTo(3);

    // import over a lost ledger refuses to write anything
    try (var s = store()) {
      s.delete(STATE);
    }
    Result imp = c.run("import");
    assertFailedCleanly(imp);
    assertThat(diag(imp, "graph_observation_error").path("message").asText())
        .contains("re-run `cluster import`");
    assertThat(imp.json().path("state_written").asBoolean()).isFalse();
    assertThat(bytes(STATE)).isNull();

    put(manifest, new String(good, java.nio.charset.StandardCharsets.UTF_8));
    Result fixed = c.ok("import");
    assertThat(status(fixed, "graph.knowledge").path("status").asText()).isEqualTo("applied");
  }

  @Test
  void planWarnsWhenItCannotPreviewAMigration() throws Exception {
    c.deploy();
    String manifest = latestManifest("knowledge");
    byte[] good = bytes(manifest);
    byte[] state = bytes(STATE);
    put(manifest, "{ not a manifest");
    c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);

    Result plan = c.ok("plan");
    assertDiag(
        plan,
        "schema_preview_unavailable",
        "warning",
        "schema.knowledge",
        "run `cluster refresh` to record what the graph holds, and repair or restore its root");
    assertThat(diag(plan, "schema_preview_unavailable").path("message").asText())
        .contains("cannot read graph 'knowledge' to preview its migration");
    JsonNode change = plan.change("schema.knowledge");
    assertThat(change.path("operation").asText()).isEqualTo("update");
    assertThat(change.has("migration")).isFalse();
    assertThat(bytes(STATE)).isEqualTo(state);
    assertLockReleased();

    put(manifest, new String(good, java.nio.charset.StandardCharsets.UTF_8));
    Result healthy = c.ok("plan");
    assertThat(healthy.codes()).doesNotContain("schema_preview_unavailable");
    assertThat(healthy.change("schema.knowledge").path("migration").path("supported").asBoolean())
        .isTrue();
  }
}
