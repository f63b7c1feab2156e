package io.omnigraph.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the container entrypoint ({@code deploy/omnigraph-entrypoint}) with a stand-in server that
 * prints the arguments it was given, checking the environment contract of spec 09 §2.
 */
class EntrypointScriptTest {
  @TempDir Path tmp;
  private Path fakeServer;

  record Outcome(int exit, String out, String err) {}

  @BeforeEach
  void fakeServer() throws IOException {
    fakeServer = tmp.resolve("omnigraph-server");
    Files.writeString(fakeServer, "#!/usr/bin/env bash\nprintf 'ARGS:%s\\n' \"$*\"\n");
    Files.setPosixFilePermissions(fakeServer, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void argumentsPassStraightThrough() throws Exception {
    Outcome o = run(Map.of("OMNIGRAPH_TARGET_URI", "/ignored"), "--cluster", "/c", "--bind", ":1");
    assertThat(o.exit()).isZero();
    assertThat(o.out()).isEqualTo("ARGS:--cluster /c --bind :1\n");
  }

  @Test
  void clusterFromEnvironmentWithDefaultBind() throws Exception {
    Outcome o = run(Map.of("OMNIGRAPH_CLUSTER", "s3://bucket/prod"));
    assertThat(o.exit()).isZero();
    assertThat(o.out()).isEqualTo("ARGS:--cluster s3://bucket/prod --bind 0.0.0.0:8080\n");
  }

  @Test
  void bindAndRequireAllGraphs() throws Exception {
    Outcome o =
        run(
            Map.of(
                "OMNIGRAPH_CLUSTER", "/var/lib/omnigraph/cluster",
                "OMNIGRAPH_BIND", "127.0.0.1:9000",
                "OMNIGRAPH_REQUIRE_ALL_GRAPHS", "yes"));
    assertThat(o.out())
        .isEqualTo(
            "ARGS:--cluster /var/lib/omnigraph/cluster --bind 127.0.0.1:9000"
                + " --require-all-graphs\n");
  }

  @Test
  void falsyRequireAllGraphsValuesAreIgnored() throws Exception {
    for (String falsy : List.of("0", "false", "FALSE")) {
      Outcome o = run(Map.of("OMNIGRAPH_CLUSTER", "/c", "OMNIGRAPH_REQUIRE_ALL_GRAPHS", falsy));
      assertThat(o.out()).as(falsy).isEqualTo("ARGS:--cluster /c --bind 0.0.0.0:8080\n");
    }
  }

  @Test
  void clusterWithLegacyVariableExits64() throws Exception {
    for (String legacy : List.of("OMNIGRAPH_TARGET_URI", "OMNIGRAPH_CONFIG", "OMNIGRAPH_TARGET")) {
      Outcome o = run(Map.of("OMNIGRAPH_CLUSTER", "/c", legacy, "x"));
      assertThat(o.exit()).as(legacy).isEqualTo(64);
      assertThat(o.out()).isEmpty();
      assertThat(o.err()).contains("OMNIGRAPH_CLUSTER is an exclusive boot source");
    }
  }

  @Test
  void legacyVariableAloneNamesItAndTheReplacement() throws Exception {
    Outcome o = run(Map.of("OMNIGRAPH_CONFIG", "omnigraph.yaml"));
    assertThat(o.exit()).isEqualTo(64);
    assertThat(o.err()).contains("OMNIGRAPH_CONFIG").contains("set OMNIGRAPH_CLUSTER");
  }

  @Test
  void nothingSetPrintsUsage() throws Exception {
    Outcome o = run(Map.of());
    assertThat(o.exit()).isEqualTo(64);
    assertThat(o.err()).contains("usage: omnigraph-entrypoint").contains("OMNIGRAPH_CLUSTER");
  }

  private Outcome run(Map<String, String> env, String... args) throws Exception {
    Path script = repoRoot().resolve("deploy/omnigraph-entrypoint");
    ProcessBuilder pb = new ProcessBuilder();
    pb.command().add("bash");
    pb.command().add(script.toString());
    pb.command().addAll(List.of(args));
    pb.environment().keySet().removeIf(k -> k.startsWith("OMNIGRAPH_"));
    pb.environment().putAll(env);
    pb.environment().put("OMNIGRAPH_SERVER_BIN", fakeServer.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Outcome(p.waitFor(), out, err);
  }

  private static Path repoRoot() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("deploy/omnigraph-entrypoint"))) {
        return d;
      }
    }
    throw new IllegalStateException("deploy/omnigraph-entrypoint not found above the working dir");
  }
}
