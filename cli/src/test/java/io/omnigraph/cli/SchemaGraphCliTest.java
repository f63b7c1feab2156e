package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schema show} and {@code schema plan} against an initialized graph root. */
class SchemaGraphCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V1 = "// people\nnode Person { slug: String @key\n  age: I32? }\n";
  @TempDir Path dir;

  private String initGraph() {
    Path pg = CliRunner.write(dir, "v1.pg", V1);
    String uri = dir.resolve("g.omni").toString();
    CliRunner.Run r = CliRunner.run("init", "--schema", pg.toString(), uri);
    assertThat(r.exitCode()).as(r.err()).isZero();
    return uri;
  }

  @Test
  void showPrintsTheAcceptedSource() throws Exception {
    String uri = initGraph();
    CliRunner.Run r = CliRunner.run("schema", "show", uri);
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(V1);
    JsonNode j = JSON.readTree(CliRunner.run("schema", "get", "--uri", uri, "--json").out());
    assertThat(j.get("source").asText()).isEqualTo(V1);
    assertThat(j.get("schema_digest").asText()).matches("[0-9a-f]{64}");
  }

  @Test
  void planPreviewsTheMigrationWithoutWriting() throws Exception {
    String uri = initGraph();
    Path v2 = CliRunner.write(dir, "v2.pg", "node Person { slug: String @key\n  nick: String? }\n");
    CliRunner.Run r = CliRunner.run("schema", "plan", uri, "--schema", v2.toString(), "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("uri").asText()).isEqualTo(uri);
    assertThat(j.get("supported").asBoolean()).isTrue();
    assertThat(j.get("step_count").asInt()).isEqualTo(2);
    assertThat(j.get("steps").get(0).get("kind").asText()).isEqualTo("add_property");
    assertThat(j.get("steps").get(1).get("mode").asText()).isEqualTo("soft");
    assertThat(CliRunner.run("schema", "show", uri).out()).isEqualTo(V1);
  }

  @Test
  void unsupportedPlansExitOne() {
    String uri = initGraph();
    Path v2 = CliRunner.write(dir, "v2.pg", "node Person { slug: String @key\n  age: String? }\n");
    CliRunner.Run r = CliRunner.run("schema", "plan", uri, "--schema", v2.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("! unsupported node:Person.age", "NOT supported");
  }

  @Test
  void aMissingGraphIsAPlainError() {
    Path v2 = CliRunner.write(dir, "v2.pg", V1);
    CliRunner.Run r =
        CliRunner.run("schema", "plan", dir.resolve("none").toString(), "--schema", v2.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: no graph at").contains("omnigraph init");
  }
}
