package io.omnigraph.cli.served;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** profile list|show over the operator config (no server, no graph). */
class ProfileCliTest {
  @TempDir Path dir;

  @BeforeEach
  void home() throws Exception {
    System.setProperty(OperatorConfig.HOME_PROPERTY, dir.toString());
    Files.writeString(
        dir.resolve("config.yaml"),
        """
        servers:
          prod: { url: https://graph.example.com }
        clusters:
          brain: { root: s3://acme/clusters/brain }
        profiles:
          staging: { server: prod, default_graph: knowledge }
          admin: { cluster: brain }
          dev: { store: file:///data/dev.omni }
          broken: { server: nowhere }
        """);
  }

  @AfterEach
  void clear() {
    System.clearProperty(OperatorConfig.HOME_PROPERTY);
    CliEnv.setOverrides(Map.of());
  }

  @Test
  void listsAndShowsProfilesWithTheirTargets() throws Exception {
    CliRunner.Run list = CliRunner.run("profile", "list");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out())
        .isEqualTo(
            "admin\tcluster\ts3://acme/clusters/brain\n"
                + "broken\tserved\t-\t(invalid: unknown server 'nowhere' (not in servers:))\n"
                + "dev\tdirect\tfile:///data/dev.omni\n"
                + "staging\tserved\thttps://graph.example.com\tgraph knowledge\n");
    JsonNode j = new ObjectMapper().readTree(CliRunner.run("profile", "list", "--json").out());
    assertThat(j.path("profiles").size()).isEqualTo(4);
    JsonNode staging = j.path("profiles").path(3);
    assertThat(staging.path("binding").asText()).isEqualTo("server");
    assertThat(staging.path("valid").asBoolean()).isTrue();
    assertThat(staging.path("error").isNull()).isTrue();
    assertThat(CliRunner.run("profile", "show", "broken").exitCode()).isEqualTo(1);
    CliEnv.setOverrides(Map.of("OMNIGRAPH_PROFILE", "dev"));
    CliRunner.Run show = CliRunner.run("profile", "show", "--json");
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("\"scope_kind\" : \"direct\"");
    assertThat(CliRunner.run("profile", "show", "nope").err()).contains("unknown profile 'nope'");
  }
}
