package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control-plane commands that move no graph never load Lance or Arrow (decision "Lance Java
 * facts"): checked with {@code -verbose:class} in real child processes.
 */
class LazyLanceCliTest {
  @TempDir Path dir;

  @Test
  void readOnlyAndNoopCommandsLoadNoLanceClass() throws Exception {
    ClusterFixture c = new ClusterFixture(dir.resolve("c"), null);
    c.deploy();
    for (List<String> cmd :
        List.of(
            List.of("validate"),
            List.of("status"),
            List.of("plan"),
            List.of("refresh"),
            List.of("apply", "--as", "x"))) {
      Path log = dir.resolve("log-" + cmd.get(0));
      List<String> args = new java.util.ArrayList<>(List.of("cluster"));
      args.addAll(cmd);
      args.addAll(List.of("--config", c.dir.toString(), "--json"));
      Process p =
          ChildCli.start(
              log, null, List.of("-verbose:class"), Map.of(), args.toArray(String[]::new));
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(log);
      assertThat(p.exitValue())
          .as(cmd + ": " + out.lines().filter(l -> !l.startsWith("[")).toList())
          .isZero();
      assertThat(
              out.lines()
                  .filter(l -> l.contains("org.lance") || l.contains("org.apache.arrow"))
                  .toList())
          .as(cmd.get(0))
          .isEmpty();
    }
  }
}
