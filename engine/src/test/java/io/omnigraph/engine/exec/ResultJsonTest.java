package io.omnigraph.engine.exec;

import static io.omnigraph.engine.exec.Exec.date;
import static io.omnigraph.engine.exec.Exec.props;
import static io.omnigraph.engine.exec.Exec.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultJsonTest {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node P {
            name: String @key
            born: Date?
            at: DateTime?
            big: I64?
            tags: [String]?
            photo: Blob?
            v: Vector(2)?
            kind: enum(a, b)?
          }
          """);

  static final InMemoryGraph G =
      InMemoryGraph.builder(CATALOG)
          .node(
              "P",
              "ann",
              props(
                  "name",
                  "ann",
                  "born",
                  date("1990-01-02"),
                  "at",
                  Instant.parse("2026-05-01T12:00:00Z").toEpochMilli(),
                  "big",
                  9007199254740993L,
                  "tags",
                  List.of("x"),
                  "photo",
                  new byte[] {1},
                  "v",
                  new float[] {1f, 0.5f},
                  "kind",
                  "a"))
          .node("P", "bob", props("name", "bob", "big", 7L))
          .commitId("01JCOMMIT")
          .build();

  @Test
  void envelopeWithTypedColumnsAndRowsKeyedByColumn() throws Exception {
    QueryResult r =
        run(
            G,
            "query people() { match { $p: P } return { $p.name, $p.born, $p.at, $p.big as n,"
                + " $p.kind, count($p) as c } }");
    ObjectNode json = r.toJson("people", new ReadTarget("main", null), G.commitId());
    JsonNode expected =
        Exec.JSON.readTree(
            """
            {"query_name":"people","target":{"branch":"main","snapshot":null},"row_count":2,
             "columns":[{"name":"name","type":"String"},{"name":"born","type":"Date?"},
                        {"name":"at","type":"DateTime?"},{"name":"n","type":"I64?"},
                        {"name":"kind","type":"enum(a, b)?"},{"name":"c","type":"I64"}],
             "rows":[{"name":"ann","born":"1990-01-02","at":"2026-05-01T12:00:00.000Z",
                      "n":"9007199254740993","kind":"a","c":1},
                     {"name":"bob","born":null,"at":null,"n":7,"kind":null,"c":1}],
             "graph_commit_id":"01JCOMMIT"}
            """);
    assertThat(json.toString()).isEqualTo(expected.toString());
    assertThat(Exec.JSON.writeValueAsString(json))
        .startsWith("{\"query_name\":\"people\",\"target\":")
        .contains("\"rows\":[{\"name\":\"ann\",\"born\"");
  }

  @Test
  void wholeEntitiesAreObjectsWithoutBlobs() throws Exception {
    QueryResult r = run(G, "query q() { match { $p: P { name: \"ann\" } } return { $p } }");
    JsonNode json = r.toJson("q", ReadTarget.branch("dev"), null);
    JsonNode expected =
        Exec.JSON.readTree(
            """
            {"query_name":"q","target":{"branch":"dev","snapshot":null},"row_count":1,
             "columns":[{"name":"p","type":"P"}],
             "rows":[{"p":{"id":"ann","name":"ann","born":"1990-01-02",
                           "at":"2026-05-01T12:00:00.000Z","big":"9007199254740993",
                           "tags":["x"],"v":[1.0,0.5],"kind":"a"}}]}
            """);
    assertThat(json.toString()).isEqualTo(expected.toString());
    EntityValue e = (EntityValue) r.values().get(0).get(0);
    assertThat(e.typeName()).isEqualTo("P");
    assertThat(e.properties()).doesNotContainKey("photo");
  }

  @Test
  void literalAndParamColumns() throws Exception {
    QueryResult r =
        run(
            G,
            "query q($x: I64) { match { $p: P { name: \"bob\" } } return { 18446744073709551615,"
                + " $x, \"s\" as s, date(\"2024-02-29\") as d } }",
            "{\"x\": \"12\"}");
    JsonNode row = r.toJson("q", ReadTarget.branch("main"), null).get("rows").get(0);
    assertThat(row.toString())
        .isEqualTo("{\"col1\":\"18446744073709551615\",\"x\":12,\"s\":\"s\",\"d\":\"2024-02-29\"}");
  }

  @Test
  void streamedEnvelopeIsTheTreeSpelledOut() throws Exception {
    QueryResult r =
        run(
            G,
            "query q() { match { $p: P } return { $p, $p.tags, $p.v, $p.big, 18446744073709551615"
                + " as huge } order { $p.name } }");
    StringWriter out = new StringWriter();
    try (JsonGenerator g = Exec.JSON.createGenerator(out)) {
      r.writeJson(g, "q", new ReadTarget(null, "01JSNAP"), "01JCOMMIT");
    }
    ObjectNode tree = r.toJson("q", new ReadTarget(null, "01JSNAP"), "01JCOMMIT");
    assertThat(out.toString()).isEqualTo(Exec.JSON.writeValueAsString(tree));
    assertThat(tree.get("rows").get(0).get("p").get("v").toString()).isEqualTo("[1.0,0.5]");
    assertThat(tree.get("rows").get(1).get("huge").asText()).isEqualTo("18446744073709551615");
  }
}
