package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.graph.NodeTable;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A small graph for mutation, merge and export tests, and helpers to run queries on it. */
final class WriteFixture {
  static final String SCHEMA =
      """
      node Person { slug: String @key
        name: String
        age: I32?
        email: String? @unique
        status: enum(active, retired)?
        @range(age, 0..150) }
      node Note { text: String }
      edge Knows: Person -> Person { since: Date? }
      edge Wrote: Person -> Note
      """;

  static final String SEED =
      """
      {"type":"Person","data":{"slug":"ada","name":"Ada","age":36,"email":"ada@x.org"}}
      {"type":"Person","data":{"slug":"bob","name":"Bob","age":41}}
      {"type":"Person","data":{"slug":"cy","name":"Cy"}}
      {"edge":"Knows","from":"ada","to":"bob","data":{"since":"2020-01-02"}}
      {"edge":"Knows","from":"bob","to":"cy"}
      """;

  static final String QUERIES =
      """
      query add_person($slug: String, $name: String, $age: I32?) {
        insert Person { slug: $slug, name: $name, age: $age }
      }
      query add_friend($slug: String, $name: String, $from: String) {
        insert Person { slug: $slug, name: $name }
        insert Knows { from: $from, to: $slug }
      }
      query set_age($slug: String, $age: I32) {
        update Person set { age: $age } where slug = $slug
      }
      query set_email($slug: String, $email: String) {
        update Person set { email: $email } where slug = $slug
      }
      query set_status($slug: String, $status: String) {
        update Person set { status: $status } where slug = $slug
      }
      query retire_older($age: I32) {
        update Person set { status: "retired" } where age > $age
      }
      query remove_person($slug: String) {
        delete Person where slug = $slug
      }
      query remove_knows($from: String) {
        delete Knows where from = $from
      }
      query link($a: String, $b: String) {
        insert Knows { from: $a, to: $b }
      }
      query add_note($text: String, $by: String) {
        insert Note { text: $text }
      }
      query person($slug: String) {
        match { $p: Person { slug: $slug } }
        return { $p.name, $p.age, $p.email, $p.status }
      }
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private WriteFixture() {}

  static io.omnigraph.compiler.schema.CompiledSchema schema() {
    return SchemaCompiler.compile("s.pg", SCHEMA).value();
  }

  static String init(java.nio.file.Path dir) {
    String uri = dir.resolve("g").toString();
    GraphRoot.init(uri, schema(), "act-init", Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      root.load(jsonl(SEED), LoadMode.MERGE, "main", "act-seed");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return uri;
  }

  static ByteArrayInputStream jsonl(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  static CompiledQuery query(Catalog catalog, String name) {
    Result<CompiledQuery> r =
        QueryCompiler.compileOne(catalog, new SourceText("q.gq", QUERIES), name);
    if (!r.ok()) {
      throw new AssertionError(r.diagnostics().toString());
    }
    return r.value();
  }

  static JsonNode params(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MutationResult mutate(GraphRoot root, String name, String params, String branch) {
    return root.mutate(query(root.catalog(), name), params(params), branch, "act-m", null);
  }

  static Object value(RootSnapshot s, String slug, String property) {
    NodeTable t = s.nodes("Person");
    int row = t.rowOf(slug);
    return row < 0 ? null : t.value(row, property);
  }
}
