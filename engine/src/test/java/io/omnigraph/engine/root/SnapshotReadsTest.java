package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.exec.ExecOptions;
import io.omnigraph.engine.exec.QueryExecutor;
import io.omnigraph.engine.exec.QueryResult;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lazy snapshot tables, the process-wide table cache and point reads, on real Lance roots. */
class SnapshotReadsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      """
      node Person { slug: String @key
        age: I32? }
      node Company { slug: String @key }
      edge WorksAt: Person -> Company
      """;
  private static final String QUERIES =
      """
      query byKey($slug: String) {
        match { $p: Person { slug: $slug } }
        return { $p.slug, $p.age }
      }
      query countKey($slug: String) {
        match {
          $p: Person { slug: $slug }
          $p.age > 1
        }
        return { count($p) as n }
      }
      query employer($slug: String) {
        match {
          $p: Person { slug: $slug }
          $p worksAt $c
        }
        return { $c.slug }
      }
      query all() {
        match { $p: Person }
        return { $p.slug }
        order { $p.slug }
      }
      """;

  @TempDir Path dir;

  private static CompiledSchema schema() {
    return SchemaCompiler.compile("s.pg", SCHEMA).value();
  }

  private static void load(GraphRoot root, String... lines) throws IOException {
    root.load(
        new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
        LoadMode.MERGE,
        "main",
        "test");
  }

  private static CompiledQuery query(Catalog c, String name) {
    return QueryCompiler.compileOne(c, new SourceText("q.gq", QUERIES), name).value();
  }

  private static List<List<Object>> run(RootSnapshot s, CompiledQuery q, String params)
      throws IOException {
    JsonNode p = JSON.readTree(params);
    QueryResult r = QueryExecutor.execute(s.forQuery(q, p), q, p, ExecOptions.defaults());
    return r.values();
  }

  private String init(String name) throws IOException {
    String uri = dir.resolve(name).toString();
    GraphRoot.init(uri, schema(), "test", Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      load(
          root,
          "{\"type\":\"Person\",\"data\":{\"slug\":\"ann\",\"age\":30}}",
          "{\"type\":\"Person\",\"data\":{\"slug\":\"bob\",\"age\":40}}",
          "{\"type\":\"Company\",\"data\":{\"slug\":\"acme\"}}",
          "{\"edge\":\"WorksAt\",\"from\":\"ann\",\"to\":\"acme\",\"data\":{}}");
    }
    return uri;
  }

  @Test
  void tablesAreReadOnFirstTouchAndStayReadableAfterTheRootCloses() throws IOException {
    String uri = init("g");
    RootSnapshot s;
    Catalog c;
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      s = root.snapshot("main");
      c = root.catalog();
    }
    assertThat(run(s, query(c, "employer"), "{\"slug\":\"ann\"}")).containsExactly(List.of("acme"));
    assertThat(run(s, query(c, "all"), "{}")).containsExactly(List.of("ann"), List.of("bob"));
    assertThat(s.nodes("Person")).isSameAs(s.nodes("Person"));
  }

  @Test
  void snapshotsOfTheSameTableStateShareOneTableAndNewVersionsAreRead() throws IOException {
    String uri = init("g");
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      RootSnapshot a = root.snapshot("main");
      RootSnapshot b = root.snapshot("main");
      assertThat(a.nodes("Person")).isSameAs(b.nodes("Person"));
      assertThat(a.edges("WorksAt")).isSameAs(b.edges("WorksAt"));
      load(root, "{\"type\":\"Company\",\"data\":{\"slug\":\"zeta\"}}");
      RootSnapshot after = root.snapshot("main");
      // Person was not written: same pinned version, same table; Company moved on
      assertThat(after.nodes("Person")).isSameAs(a.nodes("Person"));
      assertThat(after.nodes("Company").size()).isEqualTo(2);
      assertThat(a.nodes("Company").size()).isEqualTo(1);
    }
  }

  @Test
  void aRootInitializedAgainAtTheSamePathIsNotServedFromTheCache() throws IOException {
    String uri = init("g");
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      assertThat(root.snapshot("main").nodes("Person").size()).isEqualTo(2);
    }
    try (Stream<Path> files = Files.walk(Path.of(uri))) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    GraphRoot.init(uri, schema(), "test", Map.of());
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      load(root, "{\"type\":\"Person\",\"data\":{\"slug\":\"cy\",\"age\":5}}");
      RootSnapshot s = root.snapshot("main");
      assertThat(run(s, query(root.catalog(), "all"), "{}")).containsExactly(List.of("cy"));
    }
  }

  @Test
  void keyLookupsReadOnlyTheirRowAndAnswerAsTheWholeTableDoes() throws IOException {
    String uri = init("g");
    TableCache.clear();
    try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
      Catalog c = root.catalog();
      RootSnapshot s = root.snapshot("main");
      CompiledQuery byKey = query(c, "byKey");
      JsonNode bob = JSON.readTree("{\"slug\":\"bob\"}");
      RootSnapshot narrowed = s.forQuery(byKey, bob);
      assertThat(narrowed).isNotSameAs(s);
      assertThat(narrowed.nodes("Person").size()).isEqualTo(1);
      assertThat(run(s, byKey, "{\"slug\":\"bob\"}")).containsExactly(List.of("bob", 40L));
      assertThat(run(s, byKey, "{\"slug\":\"nobody\"}")).isEmpty();
      assertThat(run(s, byKey, "{\"slug\":\"it's\"}")).isEmpty();
      assertThat(run(s, query(c, "countKey"), "{\"slug\":\"ann\"}")).containsExactly(List.of(1L));
      // traversals need whole tables: no narrowing
      CompiledQuery employer = query(c, "employer");
      assertThat(s.forQuery(employer, bob)).isSameAs(s);
      // once the whole table is read, lookups use it
      s.nodes("Person");
      assertThat(s.forQuery(byKey, bob)).isSameAs(s);
      assertThat(run(s, byKey, "{\"slug\":\"bob\"}")).containsExactly(List.of("bob", 40L));
    }
  }
}
