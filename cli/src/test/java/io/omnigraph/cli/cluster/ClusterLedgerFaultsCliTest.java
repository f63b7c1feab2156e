package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.root.AcceptedSchema;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.storage.testing.FaultyObjectStore.Op;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ledger, the lock and recovery sidecars when storage misbehaves (05 §4, §5, §9):
 * unreadable/unwritable {@code state.json}, a lock location that cannot be created or read,
 * unreadable sidecars, a ledger whose graph metadata is not bound by its composite, and a sidecar
 * whose graph moved to neither the recorded nor the desired schema.
 */
class ClusterLedgerFaultsCliTest extends ClusterFaultsBase {
  static final String SCHEMA_V3 =
      """
      node Person {
          slug: String @key
          name: String
          email: String?
          phone: String?
      }
      edge Knows: Person -> Person
      """;

  private String graphUri() {
    return uriOf("graphs/knowledge.omni");
  }

  private static void applyOutOfBand(String uri, String schema) {
    try (GraphRoot g = GraphRoot.open(uri, Map.of())) {
      g.applySchema(SchemaCompiler.compile("x.pg", schema).value(), false, "rogue");
    }
  }

  /**
   * Deploys, edits the schema and runs an apply whose ledger write fails: the graph moves, the
   * ledger does not, the schema-apply sidecar stays. Returns that sidecar's key.
   */
  private String schemaMovedButLedgerWriteFailed() {
    c.deploy();
    byte[] before = bytes(STATE);
    c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);
    faults.fail(Op.COMPARE_AND_SWAP, STATE);
    Result apply = c.run("apply", "--as", "andrew");
    assertFailedCleanly(apply);
    assertDiag(
        apply,
        "state_write_error",
        "error",
        uriOf(STATE),
        "the ledger was not changed (recovery sidecars stay for the next run)");
    assertThat(apply.json().path("state_written").asBoolean()).isFalse();
    assertThat(apply.json().path("converged").asBoolean()).isFalse();
    assertThat(apply.json().path("state_revision").asLong()).isEqualTo(2);
    // the output reports the on-disk statuses, and the file is byte for byte what it was
    assertThat(status(apply, "schema.knowledge").path("status").asText()).isEqualTo("applied");
    assertThat(bytes(STATE)).isEqualTo(before);
    assertThat(faults.fired()).containsExactly("COMPARE_AND_SWAP " + STATE);
    faults.clear();
    assertThat(AcceptedSchema.source(graphUri(), Map.of())).isEqualTo(ClusterFixture.SCHEMA_V2);
    List<String> sidecars = keys(RECOVERIES);
    assertThat(sidecars).hasSize(1);
    assertThat(text(sidecars.get(0))).contains("\"kind\" : \"schema_apply\"");
    return sidecars.get(0);
  }

  @Test
  void unreadableLedgerFailsEveryCommandThatReadsItAndChangesNothing() {
    c.deploy();
    byte[] before = bytes(STATE);
    faults.fail(Op.GET, STATE);
    for (String cmd : List.of("plan", "apply", "refresh", "import", "status")) {
      Result r = c.run(cmd);
      assertFailedCleanly(r);
      assertDiag(
          r,
          "state_read_error",
          "error",
          uriOf(STATE),
          "nothing was changed: check the storage root's permissions or credentials");
      assertThat(r.json().path("state_observations").path("state_found").asBoolean()).isFalse();
    }
    Result apply = c.run("apply");
    assertThat(apply.json().path("state_written").asBoolean()).isFalse();
    assertThat(apply.json().path("changes").size()).isZero();
    Result approve = c.run("approve", "graph.knowledge", "--as", "andrew");
    assertFailedCleanly(approve);
    diag(approve, "state_read_error");
    faults.clear();
    assertThat(bytes(STATE)).isEqualTo(before);
    assertThat(revision()).isEqualTo(2);
    assertThat(keys("__cluster/approvals/")).isEmpty();
  }

  @Test
  void failedLedgerWriteKeepsTheSidecarAndTheNextApplyRollsForward() {
    String sidecar = schemaMovedButLedgerWriteFailed();
    // read-only commands show the interrupted operation, at the sidecar's location
    for (String cmd : List.of("plan", "status")) {
      Result r = c.ok(cmd);
      assertDiag(
          r,
          "cluster_recovery_pending",
          "warning",
          uriOf(sidecar),
          "awaits recovery; run `omnigraph cluster apply`");
    }
    Result again = c.ok("apply", "--as", "andrew");
    assertThat(diag(again, "cluster_recovery_rolled_forward").path("path").asText())
        .isEqualTo("graph.knowledge");
    assertThat(again.json().path("converged").asBoolean()).isTrue();
    assertThat(again.json().path("state_revision").asLong()).isEqualTo(3);
    assertThat(keys(RECOVERIES)).isEmpty();
    assertLockReleased();
    assertThat(c.ok("plan").json().path("changes").size()).isZero();
  }

  @Test
  void sidecarWhoseGraphMovedElsewhereIsKeptAsActualAppliedStatePending() {
    String sidecar = schemaMovedButLedgerWriteFailed();
    // someone migrates the graph by hand to a third schema before the next apply
    applyOutOfBand(graphUri(), SCHEMA_V3);
    Result apply = c.run("apply", "--as", "andrew");
    assertThat(apply.exit()).as(apply.json().toPrettyString()).isZero();
    assertDiag(
        apply,
        "cluster_recovery_pending",
        "warning",
        uriOf(sidecar),
        "matches neither the ledger nor the interrupted operation");
    for (String a : List.of("graph.knowledge", "schema.knowledge")) {
      assertThat(status(apply, a).path("status").asText()).as(a).isEqualTo("drifted");
      assertThat(status(apply, a).path("conditions").toString())
          .as(a)
          .isEqualTo("[\"actual_applied_state_pending\"]");
    }
    assertThat(apply.change("schema.knowledge").path("disposition").asText()).isEqualTo("blocked");
    assertThat(apply.change("schema.knowledge").path("reason").asText())
        .isEqualTo("cluster_recovery_pending");
    assertDiag(
        apply,
        "apply_dependency_blocked",
        "warning",
        "schema.knowledge",
        "is blocked: cluster_recovery_pending");
    assertThat(apply.json().path("converged").asBoolean()).isFalse();
    assertThat(apply.json().path("state_written").asBoolean()).isTrue();
    assertThat(keys(RECOVERIES)).containsExactly(sidecar);
    assertThat(AcceptedSchema.source(graphUri(), Map.of())).isEqualTo(SCHEMA_V3);
    assertLockReleased();
    // the remedy: bring the graph to the declared schema; the interrupted operation then completes
    applyOutOfBand(graphUri(), ClusterFixture.SCHEMA_V2);
    Result fixed = c.ok("apply", "--as", "andrew");
    diag(fixed, "cluster_recovery_rolled_forward");
    assertThat(fixed.json().path("converged").asBoolean()).isTrue();
    assertThat(keys(RECOVERIES)).isEmpty();
  }

  @Test
  void lockLocationThatCannotBeCreatedIsStateLockError() throws Exception {
    c.deploy();
    byte[] before = bytes(STATE);
    // a directory squats on the lock's key: create-if-absent cannot place the file
    Files.createDirectories(dir.resolve(LOCK));
    for (String cmd : List.of("plan", "apply", "refresh")) {
      Result r = c.run(cmd);
      assertFailedCleanly(r);
      assertDiag(
          r,
          "state_lock_error",
          "error",
          uriOf(LOCK),
          "nothing was changed: make the lock location writable");
      assertThat(r.json().path("state_observations").path("lock_acquired").asBoolean()).isFalse();
    }
    assertFailedCleanly(c.run("approve", "graph.knowledge", "--as", "andrew"));
    assertThat(bytes(STATE)).isEqualTo(before);
    Files.delete(dir.resolve(LOCK));
    assertThat(c.ok("apply").json().path("converged").asBoolean()).isTrue();
  }

  @Test
  void unreadableLockWarnsInStatusFailsForceUnlockAndIsNeverBrokenBlindly() {
    c.deploy();
    String lock =
        "{\"version\":1,\"lock_id\":\"01LOCKHELD\",\"operation\":\"apply\","
            + "\"created_at\":\"2026-01-01T00:00:00Z\",\"pid\":42}\n";
    put(LOCK, lock);
    faults.fail(Op.GET, LOCK);
    Result status = c.ok("status");
    assertDiag(
        status,
        "state_lock_read_error",
        "warning",
        uriOf(LOCK),
        "check the storage root's permissions or credentials");
    Result unlock = c.run("force-unlock", "01LOCKHELD");
    assertThat(unlock.exit()).isEqualTo(1);
    assertDiag(unlock, "state_lock_read_error", "error", uriOf(LOCK), "file left untouched");
    assertThat(unlock.json().path("lock_removed").asBoolean()).isFalse();
    assertThat(text(LOCK)).isEqualTo(lock);
    // apply cannot take the lock and cannot name its holder: no made-up lock id in the remedy
    Result apply = c.run("apply");
    assertThat(apply.exit()).isEqualTo(1);
    String held =
        assertDiag(apply, "state_lock_held", "error", uriOf(LOCK), "cannot be read")
            .path("message")
            .asText();
    assertThat(held).doesNotContain("unknown").contains("inspect " + uriOf(LOCK));
    assertThat(text(LOCK)).isEqualTo(lock);
    faults.clear();
    c.ok("force-unlock", "01LOCKHELD");
    c.ok("apply");
  }

  @Test
  void unreadableSidecarIsWarnedAndLeftInPlace() {
    String sidecar = schemaMovedButLedgerWriteFailed();
    byte[] content = bytes(sidecar);
    faults.fail(Op.GET, sidecar);
    for (String cmd : List.of("plan", "status")) {
      Result r = c.ok(cmd);
      assertDiag(r, "recovery_sidecar_read_error", "warning", uriOf(sidecar), "file left in place");
      assertThat(r.codes()).doesNotContain("cluster_recovery_pending");
    }
    faults.clear();
    faults.fail(Op.LIST, RECOVERIES);
    Result listing = c.ok("plan");
    assertDiag(
        listing,
        "recovery_sidecar_read_error",
        "warning",
        uriOf("__cluster/recoveries") + "/",
        "cannot list recovery sidecars");
    faults.clear();
    assertThat(bytes(sidecar)).isEqualTo(content);
    Result apply = c.ok("apply");
    diag(apply, "cluster_recovery_rolled_forward");
    assertThat(keys(RECOVERIES)).isEmpty();
  }

  @Test
  void ledgerWithUnboundGraphMetadataIsRefusedByApplyAndRefresh() throws Exception {
    c.deploy();
    ObjectMapper json = new ObjectMapper();
    ObjectNode state = (ObjectNode) json.readTree(bytes(STATE));
    ((ObjectNode) state.path("applied_revision").path("resources").path("graph.knowledge"))
        .set(
            "external_blob_policy",
            json.readTree(
                "{\"mode\":\"allow\",\"bases\":[{\"uri\":\"s3://elsewhere/\","
                    + "\"scope\":\"server_safe\"}]}"));
    String tampered = json.writerWithDefaultPrettyPrinter().writeValueAsString(state) + "\n";
    put(STATE, tampered);
    for (String cmd : List.of("apply", "refresh")) {
      Result r = c.run(cmd);
      assertFailedCleanly(r);
      assertDiag(
          r,
          "external_blob_policy_digest_mismatch",
          "error",
          "graph.knowledge",
          "restore state.json from a trusted copy (never hand-edit it)");
      assertThat(r.json().path("state_written").asBoolean()).isFalse();
    }
    assertThat(text(STATE)).isEqualTo(tampered);
    assertThat(keys(RECOVERIES)).isEmpty();
  }
}
