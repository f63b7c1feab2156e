package io.omnigraph.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.cli.CliException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** servers:, profiles:, defaults: of the operator config (08 §5): shapes, warnings, exclusions. */
class ScopeConfigTest {
  private final Path file = Path.of("config.yaml");

  @Test
  void readsServersProfilesAndDefaults() {
    OperatorConfig c =
        OperatorConfig.parse(
            file,
            """
            servers:
              prod: { url: https://graph.example.com, default_graph: knowledge, colour: red }
            profiles:
              staging: { server: prod, default_graph: spike }
              brain-admin: { cluster: brain }
              dev: { store: file:///data/dev.omni }
            defaults:
              output: table
              table_max_column_width: 40
              server: prod
              default_graph: knowledge
            """);
    ScopeConfig s = c.scopes();
    assertThat(s.servers().get("prod"))
        .isEqualTo(new ScopeConfig.Server("prod", "https://graph.example.com", "knowledge"));
    assertThat(s.profiles().get("staging").server()).isEqualTo("prod");
    assertThat(s.profiles().get("staging").defaultGraph()).isEqualTo("spike");
    assertThat(s.profiles().get("brain-admin").cluster()).isEqualTo("brain");
    assertThat(s.profiles().get("dev").store()).isEqualTo("file:///data/dev.omni");
    assertThat(s.defaults())
        .isEqualTo(new ScopeConfig.Defaults("prod", null, "knowledge", "table", 40, "truncate"));
    assertThat(c.warnings())
        .containsExactly("operator config config.yaml: unknown key 'servers.prod.colour' ignored");
    assertThat(OperatorConfig.parse(file, "").scopes().servers()).isEmpty();
    ScopeConfig.Alias a =
        OperatorConfig.parse(
                file,
                "aliases:\n  triage: { server: prod, graph: spike, query: weekly_triage,"
                    + " args: [since], params: { limit: 20 }, format: table }\n")
            .scopes()
            .aliases()
            .get("triage");
    assertThat(a.args()).containsExactly("since");
    assertThat(a.params().path("limit").asInt()).isEqualTo(20);
    assertThat(a.graph()).isEqualTo("spike");
  }

  @Test
  void wrongShapesAreErrors() {
    assertBad("servers: [a]\n", "servers must be a mapping");
    assertBad("servers:\n  p: { url: ftp://x }\n", "servers.p.url must be an http:// or https://");
    assertBad("servers:\n  p: {}\n", "servers.p.url must be an http:// or https://");
    assertBad("profiles:\n  p: { server: a, store: b }\n", "exactly one of server|cluster|store");
    assertBad("profiles:\n  p: { default_graph: g }\n", "exactly one of server|cluster|store");
    assertBad("defaults: { server: a, store: b }\n", "mutually exclusive");
    assertBad("defaults: { server: [a] }\n", "defaults.server must be a non-empty string");
    assertBad("defaults: { table_max_column_width: 0 }\n", "positive integer");
    assertBad("defaults: { table_cell_layout: fold }\n", "truncate or wrap");
    assertBad("aliases:\n  a: { server: s }\n", "aliases.a.query are required");
    assertBad("aliases:\n  a: { server: s, query: q, args: x }\n", "args must be a list");
    assertBad("aliases:\n  a: { server: s, query: q, params: [1] }\n", "params must be a mapping");
    assertBad("aliases:\n  a: { server: s, query: q, format: xml }\n", "format must be one of");
  }

  private void assertBad(String yaml, String message) {
    assertThatThrownBy(() -> OperatorConfig.parse(file, yaml))
        .isInstanceOf(CliException.class)
        .hasMessageContaining(message);
  }
}
