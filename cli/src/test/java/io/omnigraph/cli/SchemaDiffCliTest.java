package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaDiffCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  private Path write(String name, String text) {
    return CliRunner.write(dir, name, text);
  }

  @Test
  void printsTheStepsOfASupportedPlan() throws Exception {
    Path a = write("a.pg", "node P { slug: String @key\n  age: I32?\n  old: String? }\n");
    Path b = write("b.pg", "node P { slug: String @key\n  age: I32?\n  nick: String? }\n");
    CliRunner.Run r = CliRunner.run("schema", "diff", a.toString(), b.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("+ add_property node:P.nick String?")
        .contains("- drop_property node:P.old [soft]")
        .contains("Plan: 2 step(s), supported.");
  }

  @Test
  void equivalentSchemasHaveNoSteps() throws Exception {
    Path a = write("a.pg", "node P { k: enum(x, y) }\n");
    Path b = write("b.pg", "// reordered\nnode P {\n  k: enum(y, x)\n}\n");
    CliRunner.Run r = CliRunner.run("schema", "diff", a.toString(), b.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("No changes");
  }

  @Test
  void unsupportedPlanExitsOneAndSaysWhy() throws Exception {
    Path a = write("a.pg", "node P { age: I32? }\n");
    Path b = write("b.pg", "node P { age: String? }\n");
    CliRunner.Run r = CliRunner.run("schema", "diff", a.toString(), b.toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("supported").asBoolean()).isFalse();
    JsonNode step = j.get("steps").get(0);
    assertThat(step.get("kind").asText()).isEqualTo("unsupported_change");
    assertThat(step.get("entity").asText()).isEqualTo("node:P.age");
    assertThat(step.get("code").asText()).isEqualTo("OG-MF-106");
  }

  @Test
  void allowDataLossMakesDropsHard() throws Exception {
    Path a = write("a.pg", "node P { a: I32?\n b: I32? }\n");
    Path b = write("b.pg", "node P { a: I32? }\n");
    CliRunner.Run r =
        CliRunner.run("schema", "diff", a.toString(), b.toString(), "--allow-data-loss", "--json");
    assertThat(r.exitCode()).isZero();
    assertThat(JSON.readTree(r.out()).get("steps").get(0).get("mode").asText()).isEqualTo("hard");
  }

  @Test
  void schemaErrorsAreReportedNotPlanned() throws Exception {
    Path a = write("a.pg", "node P { a: I32? }\n");
    Path b = write("b.pg", "node P { a: Nope }\n");
    CliRunner.Run r = CliRunner.run("schema", "diff", a.toString(), b.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("b.pg:1:13: error[S000]", "fix the schema errors");
  }
}
