package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.compiler.testing.CookbookSchemas;
import io.omnigraph.compiler.testing.Fixtures;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real CLI, driven as an operator would, over every cookbook schema and query file. */
class CookbookCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> schemas() {
    return Fixtures.files(".pg").stream();
  }

  static Stream<Path> queryFiles() {
    return Fixtures.files(".gq").stream();
  }

  @ParameterizedTest
  @MethodSource("schemas")
  void schemaCheckPasses(Path pg) throws Exception {
    CliRunner.Run r = CliRunner.run("schema", "check", pg.toString(), "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    assertThat(JSON.readTree(r.out()).get("diagnostics")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("queryFiles")
  void lintPassesWithoutErrors(Path gq) throws Exception {
    Path pg = CookbookSchemas.schemaFor(gq);
    CliRunner.Run r =
        CliRunner.run("lint", "--schema", pg.toString(), "--query", gq.toString(), "--json");
    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    JsonNode report = JSON.readTree(r.out());
    assertThat(report.get("status").asText()).isEqualTo("ok");
    assertThat(report.get("errors").asInt()).isZero();
    assertThat(report.get("queries_processed").asInt()).isPositive();
    for (JsonNode q : report.get("results")) {
      assertThat(q.get("operation")).as(q.get("name").asText()).isNotNull();
    }
  }
}
