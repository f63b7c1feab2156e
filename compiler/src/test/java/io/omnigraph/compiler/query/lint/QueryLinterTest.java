package io.omnigraph.compiler.query.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.CookbookSchemas;
import io.omnigraph.compiler.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code lint --json} object of 03 §6. */
class QueryLinterTest {
  private static final Catalog CATALOG =
      SchemaCompiler.compile(
              "s.pg",
              """
              node Person {
                name: String @key
                nick: String?
                age: I32?
                bio: String?
                emb: Vector(3)? @embed("bio")
                status: enum(active, retired)
              }
              node Tag { label: String }
              edge Knows: Person -> Person
              """)
          .value()
          .catalog();

  private static ObjectNode source() {
    return JsonNodeFactory.instance.objectNode().put("kind", "file").put("path", "s.pg");
  }

  private static LintReport lint(String text) {
    return QueryLinter.lint(CATALOG, new SourceText("q.gq", text), source());
  }

  @Test
  void cleanFileReportsOperationsPerQuery() {
    LintReport r =
        lint(
            """
            query people($n: String) {
              match { $p: Person { name: $n }
                $p knows $f }
              return { $p.name, $f.age, count($f) as friends }
            }
            query add($n: String) { insert Person { name: $n, status: "active" } }
            """);
    JsonNode j = r.toJson();
    assertThat(j.get("status").asText()).isEqualTo("ok");
    assertThat(j.get("schema_source").toString())
        .isEqualTo("{\"kind\":\"file\",\"path\":\"s.pg\"}");
    assertThat(j.get("query_path").asText()).isEqualTo("q.gq");
    assertThat(j.get("queries_processed").asInt()).isEqualTo(2);
    assertThat(j.get("errors").asInt()).isZero();
    assertThat(j.get("warnings").asInt()).isZero();
    assertThat(j.get("infos").asInt()).isZero();
    assertThat(j.get("findings")).isEmpty();
    JsonNode people = j.get("results").get(0);
    assertThat(people.get("name").asText()).isEqualTo("people");
    assertThat(people.get("kind").asText()).isEqualTo("read");
    assertThat(people.get("status").asText()).isEqualTo("ok");
    assertThat(people.has("error")).isFalse();
    assertThat(people.get("operation").get("result").toString())
        .isEqualTo(
            "[{\"name\":\"name\",\"kind\":\"string\",\"nullable\":false},"
                + "{\"name\":\"age\",\"kind\":\"int\",\"nullable\":true},"
                + "{\"name\":\"friends\",\"kind\":\"int\",\"nullable\":false}]");
    assertThat(people.get("operation").get("reads").toString())
        .isEqualTo(
            "[{\"kind\":\"node\",\"type_name\":\"Person\"},{\"kind\":\"edge\",\"type_name\":\"Knows\"}]");
    JsonNode add = j.get("results").get(1);
    assertThat(add.get("kind").asText()).isEqualTo("mutation");
    assertThat(add.get("operation").get("writes").toString())
        .isEqualTo("[{\"kind\":\"node\",\"type_name\":\"Person\"}]");
  }

  @Test
  void failingQueryCarriesItsFirstErrorWithTheCodeFirst() {
    LintReport r =
        lint(
            """
            query bad() {
              match { $p: Person
                $p knws $f }
              return { $f.name }
            }
            query good() { match { $t: Tag } return { $t.label } }
            """);
    JsonNode j = r.toJson();
    assertThat(j.get("status").asText()).isEqualTo("error");
    assertThat(j.get("errors").asInt()).isEqualTo(1);
    JsonNode bad = j.get("results").get(0);
    assertThat(bad.get("status").asText()).isEqualTo("error");
    assertThat(bad.get("error").asText()).startsWith("T4: unknown edge type 'knws'");
    assertThat(bad.has("operation")).isFalse();
    assertThat(j.get("results").get(1).get("status").asText()).isEqualTo("ok");
    assertThat(r.ok()).isFalse();
    assertThat(r.results().get(0).errors()).isNotEmpty();
  }

  @Test
  void mutationWithoutParamsIsWarned() {
    LintReport r = lint("query seed() { insert Tag { label: \"x\" } }");
    JsonNode j = r.toJson();
    assertThat(j.get("status").asText()).isEqualTo("ok");
    assertThat(j.get("warnings").asInt()).isEqualTo(1);
    assertThat(j.get("results").get(0).get("warnings").get(0).asText())
        .startsWith("mutation declares no params");
  }

  @Test
  void unsetNullablePropertiesOfUpdatedTypesAreL201() {
    LintReport r =
        lint(
            """
            query rename($n: String, $k: String) { update Person set { nick: $k } where name = $n }
            query age($n: String, $a: I32) { update Person set { age: $a } where name = $n }
            """);
    JsonNode j = r.toJson();
    assertThat(j.get("status").asText()).isEqualTo("ok");
    assertThat(j.get("warnings").asInt()).isEqualTo(1);
    JsonNode f = j.get("findings").get(0);
    assertThat(f.toString())
        .isEqualTo(
            "{\"severity\":\"warning\",\"code\":\"L201\",\"message\":\"Person.emb exists in schema"
                + " but no update query sets it\",\"type_name\":\"Person\",\"property\":\"emb\","
                + "\"query_names\":[\"rename\",\"age\"]}");
  }

  @Test
  void parseErrorIsAFileFindingAndAnError() {
    LintReport r =
        lint(
            """
            query ok() { match { $t: Tag } return { $t.label } }
            query broken() { match { $t: Tag } }
            """);
    JsonNode j = r.toJson();
    assertThat(j.get("status").asText()).isEqualTo("error");
    assertThat(j.get("queries_processed").asInt()).isEqualTo(1);
    JsonNode f = j.get("findings").get(0);
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("code").asText()).isEqualTo("Q000");
    assertThat(f.get("message").asText()).contains("return").contains("line 2");
    assertThat(f.get("query_names")).isEmpty();
    assertThat(j.get("errors").asInt()).isEqualTo(1);
  }

  @Test
  void cookbookFilesLintClean() {
    for (Path p : Fixtures.files(".gq")) {
      Catalog c = CookbookSchemas.catalogFor(p);
      LintReport r = QueryLinter.lint(c, new SourceText(p.toString(), Fixtures.read(p)), source());
      assertThat(r.status()).as(p.toString()).isEqualTo("ok");
      assertThat(r.findings()).as(p.toString()).isEmpty();
      assertThat(r.results()).allMatch(LintResult::ok);
      assertThat(r.warnings()).isZero();
    }
  }
}
