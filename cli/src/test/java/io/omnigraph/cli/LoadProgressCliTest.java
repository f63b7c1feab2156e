package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load progress bar: only on a terminal stderr, above the size threshold, never with --json.
 */
class LoadProgressCliTest {
  @TempDir Path dir;
  String uri;
  Path data;

  @BeforeEach
  void graph() {
    Path pg = CliRunner.write(dir, "s.pg", "node P { slug: String @key }\n");
    uri = dir.resolve("g").toString();
    assertThat(CliRunner.run("init", "--schema", pg.toString(), uri).exitCode()).isZero();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      sb.append("{\"type\":\"P\",\"data\":{\"slug\":\"p").append(i).append("\"}}\n");
    }
    data = CliRunner.write(dir, "d.jsonl", sb.toString());
    System.setProperty("omnigraph.progress.min_bytes", "1000");
  }

  @AfterEach
  void clear() {
    System.clearProperty("omnigraph.stderr.tty");
    System.clearProperty("omnigraph.progress.min_bytes");
  }

  private CliRunner.Run load(String... extra) {
    String[] args = {"load", uri, "--data", data.toString(), "--mode", "merge"};
    String[] all =
        java.util.stream.Stream.of(args, extra)
            .flatMap(java.util.Arrays::stream)
            .toArray(String[]::new);
    CliRunner.Run r = CliRunner.run(all);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r;
  }

  @Test
  void aTerminalGetsABarThatEndsAtOneHundredPercent() {
    System.setProperty("omnigraph.stderr.tty", "true");
    String err = load().err();
    assertThat(err).contains("\r[", "] 100%", " MB\n");
    assertThat(err).contains("[" + "#".repeat(30) + "]");
  }

  @Test
  void noBarWithoutATerminalWithJsonOrBelowTheThreshold() {
    assertThat(load().err()).doesNotContain("%");
    System.setProperty("omnigraph.stderr.tty", "true");
    assertThat(load("--json").err()).doesNotContain("%");
    assertThat(load("--quiet").err()).isEmpty();
    System.setProperty("omnigraph.progress.min_bytes", Long.toString(1L << 30));
    assertThat(load().err()).doesNotContain("%");
  }
}
