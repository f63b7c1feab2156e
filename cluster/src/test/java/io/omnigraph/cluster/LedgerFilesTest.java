package io.omnigraph.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.cluster.state.ApprovalArtifact;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.cluster.state.RecoverySidecar;
import io.omnigraph.cluster.state.StateException;
import io.omnigraph.cluster.state.StateLock;
import io.omnigraph.cluster.state.StateRead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict shapes of state.json, lock.json, sidecars and approvals; CAS writes; the lock. */
class LedgerFilesTest {
  @TempDir Path dir;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String code(Runnable r) {
    try {
      r.run();
    } catch (StateException e) {
      return e.code();
    }
    throw new AssertionError("no StateException");
  }

  @Test
  void minimalLedgerParsesWithDefaultsAndRoundTrips() {
    ClusterState s =
        ClusterState.parse(
            b("{\"version\":1,\"applied_revision\":{\"config_digest\":null,\"resources\":{}}}"));
    assertThat(s.stateRevision()).isZero();
    assertThat(s.configDigest()).isNull();
    String full =
        """
        {"version":1,"state_revision":7,
         "applied_revision":{"config_digest":"abc","resources":{
           "policy.base":{"digest":"d1","applies_to":["graph.k"]},
           "provider.embedding.default":{"digest":"d2","embedding_profile":{"kind":"mock"}},
           "graph.k":{"digest":"d3","embedding_provider":"provider.embedding.default",
                      "external_blob_policy":{"mode":"allow","bases":[{"uri":"s3://a/b/","scope":"server_safe"}]}}}},
         "resource_statuses":{"graph.k":{"status":"drifted","conditions":["schema_mismatch"],"message":"m"}},
         "approval_records":{"01A":{"consumed_at":"2026-01-01T00:00:00Z","consumed_by_operation":"apply"}},
         "recovery_records":{"01B":{"kind":"graph_create","graph_id":"k","outcome":"rolled_forward","recovered_at":"2026-01-01T00:00:00Z","actor":null}},
         "observations":{"graph.k":{"kind":"graph","address":"graph.k","manifest_version":4}}}
        """;
    ClusterState f = ClusterState.parse(b(full));
    assertThat(f.stateRevision()).isEqualTo(7);
    assertThat(f.resources().get("policy.base").appliesTo()).containsExactly("graph.k");
    assertThat(f.observations().get("graph.k").path("graph_manifest_version").asLong())
        .isEqualTo(4);
    byte[] once = f.toBytes();
    assertThat(ClusterState.parse(once).toBytes()).isEqualTo(once);
    assertThat(new String(once, StandardCharsets.UTF_8))
        .endsWith("}\n")
        .doesNotContain("manifest_version\" : 4,\n    \"kind");
  }

  @Test
  void strictness() {
    assertThat(code(() -> ClusterState.parse(b("{\"version\":2,\"applied_revision\":{}}"))))
        .isEqualTo("unsupported_state_version");
    assertThat(
            code(
                () -> ClusterState.parse(b("{\"version\":1,\"applied_revision\":{},\"extra\":1}"))))
        .isEqualTo("invalid_state_json");
    assertThat(
            code(
                () ->
                    ClusterState.parse(
                        b(
                            "{\"version\":1,\"applied_revision\":{\"resources\":{\"a\":{\"digest\":\"x\",\"bogus\":1}}}}"))))
        .isEqualTo("invalid_state_json");
    assertThat(
            code(
                () ->
                    ClusterState.parse(
                        b(
                            "{\"version\":1,\"applied_revision\":{},\"resource_statuses\":{\"a\":{\"status\":\"happy\"}}}"))))
        .isEqualTo("invalid_state_json");
    assertThat(code(() -> ClusterState.parse(b("not json")))).isEqualTo("invalid_state_json");
    assertThat(
            code(
                () ->
                    ClusterState.parse(
                        b(
                            "{\"version\":1,\"applied_revision\":{},\"observations\":{\"graph.k\":{\"kind\":\"graph\",\"manifest_version\":1,\"graph_manifest_version\":2}}}"))))
        .isEqualTo("conflicting_graph_manifest_observation");
  }

  @Test
  void casWritesDetectAConcurrentChange() {
    try (ClusterStore store = ClusterStore.open(dir.toString(), Map.of())) {
      assertThat(store.readState()).isEmpty();
      ClusterState s = ClusterState.empty();
      s.setStateRevision(1);
      store.writeState(s, null);
      assertThat(code(() -> store.writeState(s, null))).isEqualTo("state_cas_mismatch");
      StateRead read = store.readState().orElseThrow();
      ClusterState next = read.state().copy();
      next.setStateRevision(2);
      ClusterState other = read.state().copy();
      other.setStateRevision(3);
      store.writeState(other, read); // someone else wins
      assertThat(code(() -> store.writeState(next, read))).isEqualTo("state_cas_mismatch");
      assertThat(store.readState().orElseThrow().state().stateRevision()).isEqualTo(3);
      assertThat(store.readState().orElseThrow().cas()).startsWith("sha256:").hasSize(71);
    }
  }

  @Test
  void lockIsExclusiveAndReleasedOnlyByItsHolder() {
    try (ClusterStore store = ClusterStore.open(dir.toString(), Map.of())) {
      StateLock mine = StateLock.acquire(store, "apply").orElseThrow();
      assertThat(StateLock.acquire(store, "plan")).isEmpty();
      StateLock fake = new StateLock("01OTHER", "apply", "2026-01-01T00:00:00Z", 1);
      fake.release(store);
      assertThat(StateLock.read(store)).contains(mine);
      mine.release(store);
      assertThat(StateLock.read(store)).isEmpty();
      store
          .objects()
          .put(
              "__cluster/lock.json",
              b(
                  "{\"version\":2,\"lock_id\":\"x\",\"operation\":\"apply\",\"created_at\":\"t\",\"pid\":1}"));
      assertThat(code(() -> StateLock.read(store))).isEqualTo("unsupported_state_lock_version");
      store.objects().put("__cluster/lock.json", b("{\"version\":1,\"lock_id\":\"x\"}"));
      assertThat(code(() -> StateLock.read(store))).isEqualTo("invalid_state_lock");
    }
  }

  @Test
  void sidecarsAndApprovalsAreStrictAndListingProblemsAreWarnings() {
    try (ClusterStore store = ClusterStore.open(dir.toString(), Map.of())) {
      RecoverySidecar sc =
          new RecoverySidecar(
              "01OP",
              "2026-01-01T00:00:00Z",
              null,
              "graph_create",
              "k",
              "/x/graphs/k.omni",
              null,
              null,
              "abc",
              null,
              null);
      sc.write(store);
      store
          .objects()
          .put("__cluster/recoveries/01BAD.json", b("{\"schema_version\":1,\"kind\":\"explode\"}"));
      store.objects().put("__cluster/recoveries/01NEW.json", b("{\"schema_version\":9}"));
      Diagnostics d = new Diagnostics();
      List<RecoverySidecar> listed = RecoverySidecar.list(store, d);
      assertThat(listed).containsExactly(sc);
      assertThat(d.all())
          .extracting(ClusterDiagnostic::code)
          .containsExactlyInAnyOrder(
              "invalid_recovery_sidecar", "unsupported_recovery_sidecar_version");
      assertThat(d.hasErrors()).isFalse();

      ApprovalArtifact a =
          new ApprovalArtifact(
              "01AP",
              "graph.s",
              "delete",
              ApprovalArtifact.DELETE_REASON,
              "c",
              "b",
              null,
              "andrew",
              "t",
              null,
              null);
      store.objects().put(a.key(), a.toBytes());
      store.objects().put("__cluster/approvals/01X.json", b("{}"));
      Diagnostics d2 = new Diagnostics();
      assertThat(ApprovalArtifact.list(store, d2)).containsExactly(a);
      assertThat(d2.all())
          .extracting(ClusterDiagnostic::code)
          .containsExactly("invalid_approval_artifact");
      assertThat(ApprovalArtifact.parse(a.consume("t2", "apply").toBytes()).consumed()).isTrue();
    }
  }

  @Test
  void appliedClusterReportsAMissingLedger() {
    assertThat(code(() -> AppliedCluster.read(dir.toString(), Map.of())))
        .isEqualTo("cluster_state_missing");
    assertThat(Optional.empty()).isEmpty();
    assertThatThrownBy(() -> AppliedCluster.read("s3://", Map.of()))
        .isInstanceOf(RuntimeException.class);
  }
}
