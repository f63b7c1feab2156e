package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code query --format table|kv|csv|jsonl|json} through the real CLI. */
class QueryFormatCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String Q =
      "query q() { match { $p: Person } return { $p.slug, $p.note, $p.age } order { $p.slug } }";
  @TempDir Path dir;
  String uri;

  @BeforeEach
  void graph() {
    Path pg =
        CliRunner.write(
            dir, "s.pg", "node Person { slug: String @key\n  note: String?\n  age: I32? }\n");
    uri = dir.resolve("g").toString();
    assertThat(CliRunner.run("init", "--schema", pg.toString(), uri).exitCode()).isZero();
    Path data =
        CliRunner.write(
            dir,
            "d.jsonl",
            """
            {"type":"Person","data":{"slug":"ada","note":"says \\"hi\\", twice","age":36}}
            {"type":"Person","data":{"slug":"bartholomew","note":"line1\\nline2"}}
            """);
    assertThat(CliRunner.run("load", uri, "--data", data.toString(), "--mode", "merge").exitCode())
        .isZero();
  }

  private CliRunner.Run query(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("query", uri, "-e", Q));
    args.addAll(List.of(extra));
    CliRunner.Run r = CliRunner.run(args.toArray(String[]::new));
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r;
  }

  @Test
  void tableIsAligned() {
    String[] lines = query("--format", "table").out().split("\n");
    assertThat(lines[0]).isEqualTo("slug         note              age");
    assertThat(lines[1]).isEqualTo("ada          says \"hi\", twice  36");
    assertThat(lines[2]).isEqualTo("bartholomew  line1\\nline2");
    assertThat(lines[lines.length - 1]).isEqualTo("(2 rows)");
    assertThat(query().out()).isEqualTo(query("--format", "table").out());
  }

  @Test
  void csvQuotesPerRfc4180() {
    String out = query("--format", "csv").out();
    assertThat(out)
        .isEqualTo(
            "slug,note,age\r\n"
                + "ada,\"says \"\"hi\"\", twice\",36\r\n"
                + "bartholomew,\"line1\nline2\",\r\n");
  }

  @Test
  void jsonlIsAMetadataLineThenOneObjectPerRow() throws Exception {
    String[] lines = query("--format", "jsonl").out().split("\n");
    assertThat(lines).hasSize(3);
    JsonNode meta = JSON.readTree(lines[0]);
    assertThat(meta.has("rows")).isFalse();
    assertThat(meta.get("row_count").asInt()).isEqualTo(2);
    assertThat(meta.get("graph_commit_id").asText()).isNotEmpty();
    assertThat(JSON.readTree(lines[1]).get("slug").asText()).isEqualTo("ada");
    assertThat(JSON.readTree(lines[2]).get("age").isNull()).isTrue();
    JsonNode json = JSON.readTree(query("--format", "json").out());
    assertThat(json).isEqualTo(JSON.readTree(query("--json").out()));
    assertThat(json.get("rows")).hasSize(2);
  }

  @Test
  void kvPrintsOneBlockPerRow() {
    assertThat(query("--format", "kv").out())
        .startsWith("slug: ada\nnote: says \"hi\", twice\nage:  36\n\nslug: bartholomew\n");
  }

  @Test
  void unknownOrConflictingFormatsAreUsageErrors() {
    assertThat(CliRunner.run("query", uri, "-e", Q, "--format", "xml").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("query", uri, "-e", Q, "--format", "csv", "--json").exitCode())
        .isEqualTo(2);
  }
}
