package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.storage.testing.FaultyObjectStore.Op;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Catalog payloads (05 §6) and approval artifacts (05 §7 approve) when storage misbehaves: an
 * unreadable payload (status error, refresh condition), a payload location that cannot be written
 * (apply publishes nothing), unreadable, future-version and unwritable approval artifacts.
 */
class ClusterCatalogApprovalFaultsCliTest extends ClusterFaultsBase {
  static final String QUERY = "query.knowledge.find_person";
  static final String APPROVALS = "__cluster/approvals/";

  private String queryBlob() {
    return keys("__cluster/resources/").stream()
        .filter(k -> k.contains("/query/"))
        .findFirst()
        .orElseThrow();
  }

  /** Deploys knowledge + scratch, drops scratch from the config and approves its delete. */
  private String approvedScratchDelete() {
    c.config(List.of("knowledge", "scratch"), "");
    c.deploy();
    c.config(List.of("knowledge"), "");
    String id =
        c.ok("approve", "graph.scratch", "--as", "andrew").json().path("approval_id").asText();
    return APPROVALS + id + ".json";
  }

  private void assertDeleteBlockedForWantOfApproval(Result apply) {
    assertThat(apply.exit()).as(apply.json().toPrettyString()).isZero();
    assertThat(apply.change("graph.scratch").path("disposition").asText()).isEqualTo("blocked");
    assertThat(apply.change("graph.scratch").path("reason").asText())
        .isEqualTo("approval_required");
    assertDiag(
        apply,
        "apply_dependency_blocked",
        "warning",
        "graph.scratch",
        "is blocked: approval_required");
    assertThat(apply.json().path("converged").asBoolean()).isFalse();
    assertThat(keys("graphs/scratch.omni/")).isNotEmpty();
    assertLockReleased();
  }

  @Test
  void unreadablePayloadIsAnErrorForStatusAndAKeptDigestForRefresh() {
    c.deploy();
    String blob = queryBlob();
    String digest = c.ok("status").json().path("resource_digests").path(QUERY).asText();
    byte[] state = bytes(STATE);
    faults.fail(Op.GET, blob);

    Result status = c.run("status");
    assertThat(status.exit()).isEqualTo(1);
    assertThat(status.json().path("ok").asBoolean()).isFalse();
    assertThat(
            assertDiag(
                    status,
                    "catalog_payload_read_error",
                    "error",
                    QUERY,
                    "it cannot be verified: fix the storage root, then run `cluster refresh`")
                .path("message")
                .asText())
        .contains(uriOf(blob));
    assertThat(bytes(STATE)).isEqualTo(state);

    Result refresh = c.run("refresh");
    assertFailedCleanly(refresh);
    assertDiag(refresh, "catalog_payload_read_error", "error", QUERY, "the digest is kept");
    assertThat(status(refresh, QUERY).path("status").asText()).isEqualTo("error");
    assertThat(status(refresh, QUERY).path("conditions").toString())
        .isEqualTo("[\"payload_read_error\"]");
    assertThat(refresh.json().path("resource_digests").path(QUERY).asText()).isEqualTo(digest);
    assertThat(refresh.json().path("state_written").asBoolean()).isTrue();
    assertThat(refresh.json().path("state_revision").asLong()).isEqualTo(3);

    // once readable again, refresh clears the error status (nothing else would: the digest is
    // unchanged, so no plan ever touches the resource)
    faults.clear();
    Result healed = c.ok("refresh");
    assertThat(status(healed, QUERY).path("status").asText()).isEqualTo("applied");
    assertThat(status(healed, QUERY).has("conditions")).isFalse();
    assertThat(c.ok("status").codes()).isEmpty();
  }

  @Test
  void payloadThatCannotBeWrittenAbortsTheApplyBeforeTheLedgerMoves() throws Exception {
    c.ok("import");
    byte[] state = bytes(STATE);
    // a stray file where the query catalog directory must be
    Files.createDirectories(dir.resolve("__cluster/resources"));
    Files.writeString(dir.resolve("__cluster/resources/query"), "stray\n");

    Result apply = c.run("apply", "--as", "andrew");
    assertFailedCleanly(apply);
    assertDiag(
        apply,
        "resource_payload_write_error",
        "error",
        QUERY,
        "the ledger was not changed (graph moves of this run are rolled forward by the next"
            + " apply)");
    assertThat(apply.json().path("state_written").asBoolean()).isFalse();
    assertThat(apply.json().path("converged").asBoolean()).isFalse();
    assertThat(apply.json().path("state_revision").asLong()).isEqualTo(1);
    assertThat(bytes(STATE)).isEqualTo(state);
    // the graph was created before the catalog step; its sidecar stays for the next sweep
    assertThat(keys("graphs/knowledge.omni/")).isNotEmpty();
    assertThat(keys(RECOVERIES)).hasSize(1);

    Files.delete(dir.resolve("__cluster/resources/query"));
    Result again = c.ok("apply", "--as", "andrew");
    assertThat(diag(again, "cluster_recovery_rolled_forward").path("path").asText())
        .isEqualTo("graph.knowledge");
    assertThat(again.json().path("converged").asBoolean()).isTrue();
    assertThat(keys(RECOVERIES)).isEmpty();
    assertThat(c.ok("status").codes()).isEmpty();
  }

  @Test
  void unreadableApprovalAuthorizesNothingAndIsLeftInPlace() {
    String key = approvedScratchDelete();
    String artifact = text(key);
    faults.fail(Op.GET, key);

    Result plan = c.ok("plan");
    assertDiag(
        plan,
        "approval_read_error",
        "warning",
        uriOf(key),
        "it authorizes nothing until it can be read");
    assertThat(plan.json().path("approvals_required").get(0).path("satisfied").asBoolean())
        .isFalse();
    Result apply = c.run("apply", "--as", "andrew");
    assertDeleteBlockedForWantOfApproval(apply);
    diag(apply, "approval_read_error");

    faults.clear();
    faults.fail(Op.LIST, APPROVALS);
    Result listing = c.ok("plan");
    assertDiag(
        listing,
        "approval_read_error",
        "warning",
        uriOf("__cluster/approvals") + "/",
        "no approval counts until the listing works");

    faults.clear();
    assertThat(text(key)).isEqualTo(artifact);
    Result healed = c.ok("apply", "--as", "andrew");
    assertThat(healed.change("graph.scratch").path("disposition").asText()).isEqualTo("applied");
    assertThat(healed.json().path("converged").asBoolean()).isTrue();
  }

  @Test
  void approvalOfAFutureVersionIsWarnedAndIgnored() {
    String key = approvedScratchDelete();
    String future = text(key).replace("\"schema_version\" : 1", "\"schema_version\" : 2");
    assertThat(future).contains("\"schema_version\" : 2");
    put(key, future);

    Result plan = c.ok("plan");
    assertDiag(
        plan,
        "unsupported_approval_version",
        "warning",
        uriOf(key),
        "(file left in place; it authorizes nothing: re-run `cluster approve`");
    assertThat(diag(plan, "unsupported_approval_version").path("message").asText())
        .contains("approval schema_version 2 is not supported");
    assertDeleteBlockedForWantOfApproval(c.run("apply", "--as", "andrew"));
    assertThat(text(key)).isEqualTo(future);

    c.ok("approve", "graph.scratch", "--as", "andrew");
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean()).isTrue();
    assertThat(text(key)).isEqualTo(future);
  }

  @Test
  void approvalThatCannotBeWrittenApprovesNothing() throws Exception {
    c.config(List.of("knowledge", "scratch"), "");
    c.deploy();
    c.config(List.of("knowledge"), "");
    byte[] state = bytes(STATE);
    // a stray file where the approvals directory must be
    Files.writeString(dir.resolve("__cluster/approvals"), "stray\n");

    Result approve = c.run("approve", "graph.scratch", "--as", "andrew");
    assertFailedCleanly(approve);
    assertDiag(
        approve,
        "approval_write_error",
        "error",
        "graph.scratch",
        "nothing was approved: check the storage root's permissions or credentials");
    assertThat(approve.json().has("approval_id")).isFalse();
    assertThat(bytes(STATE)).isEqualTo(state);
    assertThat(c.text("approve", "graph.scratch", "--as", "andrew").out())
        .contains("cluster approve failed")
        .contains("ERROR approval_write_error graph.scratch:");

    Files.delete(dir.resolve("__cluster/approvals"));
    c.ok("approve", "graph.scratch", "--as", "andrew");
  }

  @Test
  void consumedApprovalThatCannotBeRewrittenIsAWarningAfterTheDelete() {
    String key = approvedScratchDelete();
    String id = key.substring(APPROVALS.length(), key.length() - ".json".length());
    faults.fail(Op.PUT, key);

    Result apply = c.ok("apply", "--as", "andrew");
    assertDiag(
        apply, "approval_write_error", "warning", uriOf(key), "the ledger records the consumption");
    assertThat(apply.json().path("converged").asBoolean()).isTrue();
    assertThat(keys("graphs/scratch.omni/")).isEmpty();
    assertThat(text(STATE)).contains(id).contains("\"consumed_by_operation\" : \"apply\"");
    assertThat(text(key)).contains("\"consumed_at\" : null");
    faults.clear();
    Result plan = c.ok("plan");
    assertThat(plan.json().path("changes").size()).isZero();
    assertThat(plan.codes()).isEmpty();
  }
}
