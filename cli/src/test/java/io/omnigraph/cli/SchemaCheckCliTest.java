package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCheckCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path write(String name, String text) {
    return CliRunner.write(dir, name, text);
  }

  @Test
  void summarisesAValidSchema() throws Exception {
    Path pg =
        write(
            "people.pg",
            "node Person { slug: String @key\n name: String? }\n"
                + "edge Knows: Person -> Person @card(0..5)\n");
    CliRunner.Run r = CliRunner.run("schema", "check", pg.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("ok", "1 node type(s), 1 edge type(s)", "key(slug)");
    assertThat(r.out()).contains("edge Knows: Person -> Person  @card(0..5)");
  }

  @Test
  void jsonHasTheStableShape() throws Exception {
    Path pg = write("people.pg", "node Person { slug: String @key }\n");
    CliRunner.Run r = CliRunner.run("schema", "check", pg.toString(), "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("status").asText()).isEqualTo("ok");
    assertThat(j.get("digest").asText()).matches("[0-9a-f]{64}");
    assertThat(j.get("node_types").get(0).get("key").get(0).asText()).isEqualTo("slug");
    assertThat(j.get("diagnostics")).isEmpty();
  }

  @Test
  void errorsAreCodedWithPositionAndSnippet() throws Exception {
    Path pg = write("bad.pg", "node P {\n  age: Int\n}\n");
    CliRunner.Run r = CliRunner.run("schema", "check", pg.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("bad.pg:2:8: error[S000]", "2 |   age: Int", "^^^");
    assertThat(r.err()).doesNotContain("Exception", "\tat ");
  }

  @Test
  void jsonErrorsCarryCodeLineAndColumn() throws Exception {
    Path pg = write("bad.pg", "node A {}\nedge E: A -> B\n");
    CliRunner.Run r = CliRunner.run("schema", "check", pg.toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode d = JSON.readTree(r.out()).get("diagnostics").get(0);
    assertThat(d.get("code").asText()).isEqualTo("S103");
    assertThat(d.get("severity").asText()).isEqualTo("error");
    assertThat(d.get("line").asInt()).isEqualTo(2);
    assertThat(d.get("column").asInt()).isEqualTo(14);
  }

  @Test
  void missingFileIsAPlainError() {
    CliRunner.Run r = CliRunner.run("schema", "check", dir.resolve("nope.pg").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith("error: cannot read schema").contains("no such file");
  }

  @Test
  void notUtf8IsAPlainError() throws Exception {
    Path p = dir.resolve("latin1.pg");
    Files.write(p, new byte[] {'n', 'o', 'd', 'e', ' ', (byte) 0xE9});
    CliRunner.Run r = CliRunner.run("schema", "check", p.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("not valid UTF-8");
  }

  @Test
  void usageErrorsExitTwo() {
    CliRunner.Run r = CliRunner.run("schema", "chek");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("Did you mean", "--help");
  }

  @Test
  void versionPrintsBothLines() {
    CliRunner.Run r = CliRunner.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).containsPattern("omnigraph \\S+").contains("internal-schema 6");
    assertThat(CliRunner.run("version").out()).isEqualTo(r.out());
  }
}
