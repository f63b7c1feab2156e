package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code cluster apply} processes started together: exactly one proceeds, the other fails with
 * {@code state_lock_held}; the ledger stays valid. Local disk and S3.
 */
class ConcurrentApplyTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();
  @TempDir Path dir;
  private static final ObjectMapper JSON = new ObjectMapper();

  @AfterEach
  void reset() {
    ClusterFixture.env(Map.of());
  }

  @Test
  void localRoot() throws Exception {
    race(null, Map.of());
  }

  @Test
  void s3Root() throws Exception {
    race(S3.uniqueUri("race"), S3.env());
  }

  private void race(String storage, Map<String, String> env) throws Exception {
    ClusterFixture.env(env);
    ClusterFixture c = new ClusterFixture(dir.resolve("c"), storage);
    // three graphs make the winner hold the lock for several seconds
    c.config(List.of("knowledge", "scratch", "spare"), "");
    c.ok("import");
    List<Process> ps = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      ps.add(
          ChildCli.start(
              dir.resolve("child" + i + ".log"),
              null,
              env,
              "cluster",
              "apply",
              "--config",
              c.dir.toString(),
              "--json"));
    }
    int ok = 0;
    int held = 0;
    for (int i = 0; i < 2; i++) {
      assertThat(ps.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(dir.resolve("child" + i + ".log"));
      JsonNode j = JSON.readTree(out.substring(out.indexOf('{')));
      if (ps.get(i).exitValue() == 0) {
        ok++;
        assertThat(j.path("converged").asBoolean()).isTrue();
      } else {
        assertThat(j.path("diagnostics").toString()).contains("state_lock_held");
        held++;
      }
    }
    assertThat(ok).isEqualTo(1);
    assertThat(held).isEqualTo(1);
    AppliedCluster applied = AppliedCluster.read(storage == null ? c.dir.toString() : storage, env);
    assertThat(applied.graphs()).containsOnlyKeys("knowledge", "scratch", "spare");
    assertThat(applied.stateRevision()).isEqualTo(2);
    assertThat(c.ok("plan").json().path("changes").size()).isZero();
  }
}
