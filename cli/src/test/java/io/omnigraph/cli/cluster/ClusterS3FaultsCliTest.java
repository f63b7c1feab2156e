package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.engine.root.AcceptedSchema;
import io.omnigraph.storage.testing.FaultyObjectStore.Op;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The I/O faults that only an outage can cause, on an {@code s3://} root (S3Proxy): the faulty
 * decorator wraps the real S3 store, so conditional writes, listings and prefix deletes are S3's.
 */
class ClusterS3FaultsCliTest extends ClusterFaultsBase {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @Override
  String storage() {
    return S3.uniqueUri("faults-" + dir.getFileName());
  }

  @Override
  Map<String, String> env() {
    return S3.env();
  }

  @Test
  void unreadableLedgerOnS3FailsWithoutWriting() {
    c.deploy();
    byte[] before = bytes(STATE);
    faults.fail(Op.GET, STATE);
    for (String cmd : List.of("apply", "status")) {
      Result r = c.run(cmd);
      assertFailedCleanly(r);
      assertDiag(
          r,
          "state_read_error",
          "error",
          uriOf(STATE),
          "check the storage root's permissions or credentials");
    }
    faults.clear();
    assertThat(bytes(STATE)).isEqualTo(before);
  }

  @Test
  void failedConditionalLedgerWriteOnS3KeepsTheSidecarForTheNextApply() {
    c.deploy();
    byte[] before = bytes(STATE);
    c.write("knowledge.pg", ClusterFixture.SCHEMA_V2);
    faults.fail(Op.COMPARE_AND_SWAP, STATE);
    Result apply = c.run("apply", "--as", "andrew");
    assertFailedCleanly(apply);
    assertDiag(apply, "state_write_error", "error", uriOf(STATE), "the ledger was not changed");
    assertThat(bytes(STATE)).isEqualTo(before);
    assertThat(keys(RECOVERIES)).hasSize(1);
    faults.clear();
    Result again = c.ok("apply", "--as", "andrew");
    diag(again, "cluster_recovery_rolled_forward");
    assertThat(again.json().path("converged").asBoolean()).isTrue();
    assertThat(keys(RECOVERIES)).isEmpty();
    assertThat(AcceptedSchema.source(uriOf("graphs/knowledge.omni"), env()))
        .isEqualTo(ClusterFixture.SCHEMA_V2);
  }

  @Test
  void failedPrefixDeleteOnS3IsGraphDeleteFailedAndIsRetried() {
    c.config(List.of("knowledge", "scratch"), "");
    c.deploy();
    c.config(List.of("knowledge"), "");
    c.ok("approve", "graph.scratch", "--as", "andrew");
    faults.fail(Op.DELETE_PREFIX, "graphs/scratch.omni/");
    Result apply = c.run("apply", "--as", "andrew");
    assertFailedCleanly(apply);
    assertDiag(apply, "graph_delete_failed", "error", "graph.scratch", "the delete stays approved");
    assertThat(keys("graphs/scratch.omni/")).isNotEmpty();
    faults.clear();
    Result again = c.ok("apply", "--as", "andrew");
    assertThat(again.json().path("converged").asBoolean()).isTrue();
    assertThat(keys("graphs/scratch.omni/")).isEmpty();
    assertThat(keys(RECOVERIES)).isEmpty();
  }
}
