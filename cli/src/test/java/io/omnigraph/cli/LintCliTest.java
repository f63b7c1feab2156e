package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      "node Person { slug: String @key\n  name: String?\n  age: I32? }\n"
          + "edge Knows: Person -> Person\n";
  @TempDir Path dir;

  private Path write(String name, String text) {
    return CliRunner.write(dir, name, text);
  }

  @Test
  void cleanFileExitsZeroWithPerQueryStatus() throws Exception {
    Path pg = write("s.pg", SCHEMA);
    Path gq =
        write(
            "q.gq",
            "query friends($s: String) {\n  match { $p: Person { slug: $s }\n  $p knows $f }\n"
                + "  return { $f.name }\n}\n"
                + "query rename($s: String, $n: String) {\n"
                + "  update Person set { name: $n } where slug = $s\n}\n");
    CliRunner.Run r = CliRunner.run("lint", "--schema", pg.toString(), "--query", gq.toString());
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("ok    read     friends", "ok    mutation rename");
    assertThat(r.out()).contains("warning[L201]: Person.age");
  }

  @Test
  void jsonCarriesResultsFindingsAndOperation() throws Exception {
    Path pg = write("s.pg", SCHEMA);
    Path gq = write("q.gq", "query all() { match { $p: Person } return { $p.slug, $p.age } }\n");
    CliRunner.Run r =
        CliRunner.run("lint", "--schema", pg.toString(), "--query", gq.toString(), "--json");
    assertThat(r.exitCode()).isZero();
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("status").asText()).isEqualTo("ok");
    assertThat(j.get("schema_source").get("kind").asText()).isEqualTo("file");
    assertThat(j.get("queries_processed").asInt()).isEqualTo(1);
    JsonNode op = j.get("results").get(0).get("operation");
    assertThat(op.get("result").get(1).get("kind").asText()).isEqualTo("int");
    assertThat(op.get("result").get(1).get("nullable").asBoolean()).isTrue();
    assertThat(op.get("reads").get(0).get("type_name").asText()).isEqualTo("Person");
  }

  @Test
  void typeErrorsExitOneWithCodeAndPosition() throws Exception {
    Path pg = write("s.pg", SCHEMA);
    Path gq = write("q.gq", "query q() {\n  match { $p: Persn }\n  return { $p.slug }\n}\n");
    CliRunner.Run r =
        CliRunner.run("check", "--schema", pg.toString(), "--query", gq.toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode res = JSON.readTree(r.out()).get("results").get(0);
    assertThat(res.get("status").asText()).isEqualTo("error");
    assertThat(res.get("error").asText()).startsWith("T1: ").endsWith("(line 2, column 15)");
  }

  @Test
  void syntaxErrorsShowTheSourceLine() throws Exception {
    Path pg = write("s.pg", SCHEMA);
    Path gq = write("q.gq", "query q( {\n");
    CliRunner.Run r = CliRunner.run("lint", "--schema", pg.toString(), "--query", gq.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("error[Q000]", "1 | query q( {");
  }

  @Test
  void aBrokenSchemaIsReportedFirst() throws Exception {
    Path pg = write("s.pg", "node { }\n");
    Path gq = write("q.gq", "query q() { match { $p: P } return { $p } }\n");
    CliRunner.Run r = CliRunner.run("lint", "--schema", pg.toString(), "--query", gq.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("error[S000]", "does not compile");
  }

  @Test
  void missingOptionIsAUsageError() {
    CliRunner.Run r = CliRunner.run("lint", "--query", "x.gq");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--schema");
  }
}
