package io.omnigraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server as a process: the listen line on stdout once bound (port 0), a request, graceful
 * shutdown on SIGTERM; usage errors and legacy boot sources with their exit codes.
 */
class ServerProcessTest {
  @TempDir Path dir;

  private ProcessBuilder java(Map<String, String> env, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--add-opens=java.base/java.nio=ALL-UNNAMED");
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ServerMain.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().keySet().removeIf(k -> k.startsWith("OMNIGRAPH_"));
    pb.environment().putAll(env);
    return pb;
  }

  @Test
  void listenLineRequestAndSigterm() throws Exception {
    Path root = dir.resolve("c");
    Files.createDirectories(root);
    new TestCluster(root.toString(), Map.of())
        .graph("g", BootMatrixTest.SCHEMA, BootMatrixTest.SEED)
        .apply();
    Process p =
        java(
                Map.of("OMNIGRAPH_SERVER_BEARER_TOKEN", "tok-proc"),
                "--cluster",
                root.toString(),
                "--bind",
                "127.0.0.1:0",
                "--log-format",
                "json")
            .redirectError(dir.resolve("stderr.log").toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertThat(line).matches("OMNIGRAPH_LISTEN_ADDR=127\\.0\\.0\\.1:\\d+");
      Http http = new Http(line.substring(line.indexOf('=') + 1));
      assertThat(http.get("/graphs/g/snapshot", "tok-proc").status()).isEqualTo(200);
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isIn(0, 143);
    } finally {
      p.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("stderr.log"));
    assertThat(log).contains("\"event\":\"request\"").contains("\"actor\":\"default\"");
    assertThat(log).doesNotContain("tok-proc");
  }

  @Test
  void usageErrors() throws Exception {
    assertThat(exit(Map.of())).isEqualTo(2);
    assertThat(exit(Map.of(), "/some/graph.omni")).isEqualTo(2);
    assertThat(exit(Map.of("OMNIGRAPH_TARGET_URI", "/x"))).isEqualTo(64);
    assertThat(exit(Map.of(), "--cluster", "x", "--bind", "nope")).isEqualTo(2);
    assertThat(exit(Map.of(), "--cluster", dir.resolve("missing").toString())).isEqualTo(1);
  }

  private int exit(Map<String, String> env, String... args) {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int code =
        ServerMain.run(
            args,
            env,
            new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
            new java.io.PrintStream(err));
    assertThat(err.toString()).doesNotContain("Exception");
    return code;
  }
}
