package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.cluster.ClusterFixture.Result;
import io.omnigraph.cluster.ops.ClusterFailpoints;
import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.engine.failpoint.Failpoints;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kill tests on an S3 storage root: a child {@code cluster apply} (talking to the in-process
 * S3Proxy) halts at a failpoint; force-unlock + apply converge with the sweep's roll-forward.
 */
class ClusterS3CrashTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();
  @TempDir Path dir;

  @AfterEach
  void reset() {
    ClusterFixture.env(Map.of());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        ClusterFailpoints.CREATE_AFTER_INIT,
        ClusterFailpoints.CATALOG_AFTER_WRITE,
        ClusterFailpoints.STATE_AFTER_WRITE
      })
  void killedApplyOnS3Converges(String failpoint) throws Exception {
    String root = S3.uniqueUri("crash");
    ClusterFixture.env(S3.env());
    ClusterFixture c = new ClusterFixture(dir.resolve("c"), root);
    c.ok("import");
    Path log = dir.resolve("child.log");
    Process p =
        ChildCli.start(
            log,
            failpoint,
            S3.env(),
            "cluster",
            "apply",
            "--config",
            c.dir.toString(),
            "--as",
            "crash");
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(log)).isEqualTo(Failpoints.EXIT_CODE);

    JsonNode so = c.ok("status").json().path("state_observations");
    assertThat(so.path("locked").asBoolean()).isTrue();
    c.ok("force-unlock", so.path("lock_id").asText());
    Result apply = c.ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean())
        .as(apply.json().toPrettyString())
        .isTrue();
    if (!failpoint.equals(ClusterFailpoints.STATE_AFTER_WRITE)) {
      assertThat(apply.codes()).contains("cluster_recovery_rolled_forward");
    }
    assertThat(c.ok("status").codes()).isEmpty();
    try (ObjectStore s = ObjectStores.open(root, S3.env())) {
      assertThat(s.list("__cluster/recoveries/")).isEmpty();
      assertThat(s.exists("__cluster/lock.json")).isFalse();
    }
    AppliedCluster applied = AppliedCluster.read(root, S3.env());
    assertThat(applied.graphs()).containsOnlyKeys("knowledge");
    assertThat(applied.schemaSource("knowledge")).isEqualTo(ClusterFixture.SCHEMA);
  }
}
