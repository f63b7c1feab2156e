package io.omnigraph.cli.served;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliRunner;
import io.omnigraph.cli.config.OperatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scope resolution without an explicit address (08 §2): store profiles and {@code defaults.store}
 * drive data and maintenance verbs; server-bound scopes are refused by maintenance verbs.
 */
class ConfiguredScopeCliTest {
  @TempDir Path dir;
  Path home;
  String graph;

  @BeforeEach
  void setUp() {
    home = dir.resolve("home");
    System.setProperty(OperatorConfig.HOME_PROPERTY, home.toString());
    graph = dir.resolve("g").toString();
    CliRunner.Run init =
        CliRunner.run("init", "--schema", ServedFixture.quickstart("people.pg").toString(), graph);
    assertThat(init.exitCode()).as(init.err()).isZero();
  }

  @AfterEach
  void clear() {
    System.clearProperty(OperatorConfig.HOME_PROPERTY);
    CliEnv.setOverrides(Map.of());
  }

  private void config(String yaml) throws Exception {
    Files.createDirectories(home);
    Files.writeString(home.resolve("config.yaml"), yaml);
  }

  @Test
  void storeScopesFromDefaultsAndProfiles() throws Exception {
    config(
        "servers:\n  prod: { url: http://127.0.0.1:1 }\n"
            + "defaults: { store: "
            + graph
            + " }\nprofiles:\n  remote: { server: prod }\n  local: { store: "
            + graph
            + " }\n");
    CliRunner.Run snap = CliRunner.run("snapshot");
    assertThat(snap.exitCode()).as(snap.err()).isZero();
    assertThat(snap.out()).isEqualTo(CliRunner.run("snapshot", graph).out());
    CliRunner.Run opt = CliRunner.run("optimize");
    assertThat(opt.exitCode()).as(opt.err()).isZero();
    assertThat(opt.err()).contains("omnigraph optimize → " + graph + " (direct, local)");
    assertThat(CliRunner.run("optimize", "--profile", "local").exitCode()).isZero();
    CliRunner.Run served = CliRunner.run("optimize", "--profile", "remote");
    assertThat(served.exitCode()).isEqualTo(2);
    assertThat(served.err())
        .contains("optimize is a direct (storage-native) command; profile 'remote' addresses a");
    assertThat(CliRunner.run("snapshot", "--graph", "x").err()).contains("drop --graph");
  }

  @Test
  void defaultServerIsRefusedByMaintenanceVerbs() throws Exception {
    config("servers:\n  prod: { url: http://127.0.0.1:1 }\ndefaults: { server: prod }\n");
    CliRunner.Run r = CliRunner.run("cleanup", "--keep", "1");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .contains(
            "cleanup is a direct (storage-native) command; the default scope (defaults.server)");
    assertThat(CliRunner.run("snapshot", "--graph", "g").err())
        .contains("cannot reach the omnigraph server at http://127.0.0.1:1");
  }
}
