package io.omnigraph.compiler.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.query.ir.QueryKind;
import io.omnigraph.compiler.query.ir.Value;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.schema.TypeKind;
import io.omnigraph.compiler.source.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public API and the IR built for valid queries against {@link TestSchema}. */
class QueryCompilerTest {
  private static CompiledQuery ok(String text) {
    return ok(TestSchema.CATALOG, text);
  }

  private static CompiledQuery ok(Catalog catalog, String text) {
    Result<CompiledQuery> r = QueryCompiler.compileOne(catalog, new SourceText("t.gq", text), null);
    assertThat(r.diagnostics()).extracting(Diagnostic::render).isEmpty();
    return r.value();
  }

  @Test
  void declarationsCarryParamsAndAnnotations() {
    CompiledQuery q =
        ok(
            """
            query find($name: String, $tags: [String]?, $v: Vector(3), $n: I64?)
              @description("Find people") @instruction("Use for lookups") {
              match { $p: Person { name: $name } }
              return { $p.name }
            }
            """);
    assertThat(q.name()).isEqualTo("find");
    assertThat(q.description()).isEqualTo("Find people");
    assertThat(q.instruction()).isEqualTo("Use for lookups");
    assertThat(q.params()).extracting(p -> p.name()).containsExactly("name", "tags", "v", "n");
    assertThat(q.param("tags").orElseThrow().optional()).isTrue();
    assertThat(q.param("tags").orElseThrow().type().list()).isTrue();
    assertThat(q.param("v").orElseThrow().type().vectorDim()).isEqualTo(3);
    assertThat(q.param("n").orElseThrow().optional()).isTrue();
    assertThat(q.position().line()).isEqualTo(1);
  }

  @Test
  void nowCompilesToTheHiddenParameter() {
    CompiledQuery q =
        ok("query q() { match { $p: Person\n $p.seen < now() } return { $p.name, now() } }");
    assertThat(q.usesNow()).isTrue();
    assertThat(q.params()).isEmpty();
    var filter = (MatchItem.Filter) q.read().match().get(1);
    assertThat(((IrExpr.Param) filter.right()).isNow()).isTrue();
    assertThat(((IrExpr.Param) filter.right()).name()).isEqualTo(IrExpr.NOW_PARAM);
    assertThat(q.read().columns().get(1).name()).isEqualTo("now");
  }

  @Test
  void columnNamesFollowTheDocumentedRule() {
    CompiledQuery q =
        ok(
            """
            query q($n: String) {
              match { $p: Person
                $p knows $f }
              return { $p.name, $f.name, $p.age as name_2, $f.age, "x", $p.age }
            }
            """);
    assertThat(q.read().columns())
        .extracting(c -> c.name())
        .containsExactly("name", "f_name", "name_2", "age", "col5", "p_age");
  }

  @Test
  void aggregateAndCallColumnNames() {
    CompiledQuery q =
        ok(
            "query q($n: String) { match { $p: Person } return { $p.status, count($p), max($p.age),"
                + " avg($p.score) } }");
    assertThat(q.read().columns())
        .extracting(c -> c.name())
        .containsExactly("status", "count_p", "max_age", "avg_score");
    assertThat(q.read().columns().get(0).groupKey()).isTrue();
    assertThat(q.read().columns().get(2).type().nullable()).isTrue();
  }

  @Test
  void traversalsUndirectedBoundedAndEdgeBound() {
    CompiledQuery q =
        ok(
            """
            query q() {
              match {
                $p: Person
                $p <knows>{1,3} $f
                $f $w:knows $g
                $w.weight > 0.5
              }
              return { $g.name, $w.weight, $w.since }
              order { $w.weight desc }
            }
            """);
    var undirected = (MatchItem.Traverse) q.read().match().get(1);
    assertThat(undirected.undirected()).isTrue();
    assertThat(undirected.minHops()).isEqualTo(1);
    assertThat(undirected.maxHops()).isEqualTo(3);
    var bound = (MatchItem.Traverse) q.read().match().get(2);
    assertThat(bound.edgeVar()).isEqualTo("w");
    assertThat(bound.dstType()).isEqualTo("Person");
    assertThat(q.read().variables())
        .extracting(v -> v.name() + ":" + v.kind() + ":" + v.typeName())
        .containsExactly("p:NODE:Person", "f:NODE:Person", "g:NODE:Person", "w:EDGE:Knows");
    var col = (IrExpr.Prop) q.read().columns().get(1).expr();
    assertThat(col.ownerKind()).isEqualTo(TypeKind.EDGE);
    assertThat(q.read().order().get(0).descending()).isTrue();
  }

  @Test
  void clausesAreOrderIndependentAndRebindingAddsFilters() {
    CompiledQuery q =
        ok(
            """
            query q($n: String) {
              match {
                $p knows $f
                $f.age > 3
                $f: Person { status: "active" }
                $p: Person { name: $n }
              }
              return { $f.name }
            }
            """);
    List<MatchItem> items = q.read().match();
    assertThat(items.get(0)).isInstanceOf(MatchItem.Traverse.class);
    assertThat(items.get(2)).isInstanceOf(MatchItem.Scan.class);
    assertThat(((MatchItem.Scan) items.get(2)).props()).hasSize(1);
  }

  @Test
  void enumLiteralsAndStringParamsFitEnumProperties() {
    CompiledQuery q =
        ok(
            "query q($s: String) { match { $p: Person { status: \"retired\" }\n $p.status != $s }"
                + " return { $p.status } }");
    var scan = (MatchItem.Scan) q.read().match().get(0);
    var lit = (IrExpr.Literal) scan.props().get(0).right();
    assertThat(lit.value()).isEqualTo(new Value.Str("retired"));
  }

  @Test
  void literalsAreParsedAndTyped() {
    CompiledQuery q =
        ok(
            """
            query q() {
              match {
                $p: Person { born: date("2020-02-29"), seen: datetime("2024-01-31T12:00:00+02:00") }
                $p.big = 18446744073709551615
                $p.tags contains "a"
                $p.score > 1
              }
              return { $p.name }
            }
            """);
    var scan = (MatchItem.Scan) q.read().match().get(0);
    var born = (IrExpr.Literal) scan.props().get(0).right();
    assertThat(born.value()).isEqualTo(new Value.Date(java.time.LocalDate.of(2020, 2, 29)));
    var seen = (IrExpr.Literal) scan.props().get(1).right();
    assertThat(seen.value())
        .isEqualTo(new Value.DateTime(java.time.Instant.parse("2024-01-31T10:00:00Z")));
    var big = (IrExpr.Literal) ((MatchItem.Filter) q.read().match().get(1)).right();
    assertThat(big.litType().scalar().spelling()).isEqualTo("U64");
  }

  @Test
  void contextualKeywordsAreOrdinaryPropertyNames() {
    Catalog c =
        SchemaCompiler.compile(
                "kw.pg",
                """
                node Event { date: Date
                  order: I32
                  limit: I32?
                  match: String?
                  now: DateTime? }
                node Box { name: String }
                edge Contains: Box -> Box
                """)
            .value()
            .catalog();
    CompiledQuery q =
        ok(
            c,
            """
            query q() {
              match {
                $e: Event { date: date("2024-01-01") }
                $e.order > 1
                $e.now < now()
              }
              return { $e.limit, $e.date, $e.match }
              order { $e.order desc }
              limit 3
            }
            """);
    assertThat(q.read().columns())
        .extracting(col -> col.name())
        .containsExactly("limit", "date", "match");
    CompiledQuery t =
        ok(
            c,
            "query q() { match { $a: Box\n $a contains $b\n \"x\" contains $b.name } return { $b.name } }");
    var trav = (MatchItem.Traverse) t.read().match().get(1);
    assertThat(trav.edgeType()).isEqualTo("Contains");
    assertThat(((MatchItem.Filter) t.read().match().get(2)).op()).isEqualTo(FilterOp.CONTAINS);
  }

  @Test
  void mutationsResolveTargetsAndPredicates() {
    CompiledQuery q =
        ok(
            """
            query q($n: String, $v: Vector(3), $b: Blob) {
              insert Person { name: $n, status: "active", emb: $v, photo: $b, seen: now() }
              update Person set { nick: $n } where name = $n
              insert Doc { text: $n, rank: 1 }
              insert Knows { from: $n, to: $n, since: date("2024-01-01") }
            }
            """);
    assertThat(q.kind()).isEqualTo(QueryKind.MUTATION);
    assertThat(q.mutations()).hasSize(4);
    var update = (MutationOp.Update) q.mutations().get(1);
    assertThat(update.where().property()).isEqualTo("name");
    assertThat(update.values()).extracting(a -> a.property()).containsExactly("nick");
    var doc = (MutationOp.InsertNode) q.mutations().get(2);
    assertThat(doc.upsert()).isFalse();
    assertThat(doc.values()).extracting(a -> a.property()).containsExactly("text", "rank");

    CompiledQuery d =
        ok("query d($n: String) { delete Person where name = $n\n delete Knows where from = $n }");
    var nodes = (MutationOp.Delete) d.mutations().get(0);
    assertThat(nodes.kind()).isEqualTo(TypeKind.NODE);
    assertThat(nodes.cascadeEdgeTypes()).containsExactly("Knows", "WorksAt", "About");
    var edges = (MutationOp.Delete) d.mutations().get(1);
    assertThat(edges.kind()).isEqualTo(TypeKind.EDGE);
    assertThat(edges.where().property()).isEqualTo("from");
  }

  @Test
  void compileOneSelectsByNameAndReportsMissingQueries() {
    var src =
        new SourceText(
            "two.gq",
            "query a() { match { $p: Person } return { $p } }\n"
                + "query b() { match { $c: Company } return { $c.slug } }\n");
    assertThat(QueryCompiler.compileOne(TestSchema.CATALOG, src, "b").value().name())
        .isEqualTo("b");
    var none = QueryCompiler.compileOne(TestSchema.CATALOG, src, "c");
    assertThat(none.ok()).isFalse();
    assertThat(none.errors().get(0).code()).isEqualTo("Q004");
    assertThat(none.errors().get(0).message()).contains("a, b");
    assertThat(QueryCompiler.compileOne(TestSchema.CATALOG, src, null).errors().get(0).code())
        .isEqualTo("Q004");
    var all = QueryCompiler.compile(TestSchema.CATALOG, src);
    assertThat(all.value().queries()).extracting(CompiledQuery::name).containsExactly("a", "b");
  }

  @Test
  void syntaxRecoveryReportsEveryBrokenDeclaration() {
    var src =
        new SourceText(
            "broken.gq",
            """
            query a() { match { $p: } return { $p } }
            query b() { match { $p: Person } return { $p.name } }
            query c() { match { $p Person } return { $p } }
            """);
    QueryFileCheck check = QueryCompiler.check(TestSchema.CATALOG, src);
    assertThat(check.fileDiagnostics()).extracting(Diagnostic::line).containsExactly(1, 3);
    assertThat(check.queries()).extracting(QueryOutcome::name).containsExactly("b");
    assertThat(check.queries().get(0).ok()).isTrue();
    assertThat(check.ok()).isFalse();
    assertThat(QueryCompiler.compileOne(TestSchema.CATALOG, src, "b").ok()).isFalse();
  }

  @Test
  void describeSpellsTheCodeFirst() {
    var r =
        QueryCompiler.compileOne(
            TestSchema.CATALOG,
            new SourceText(
                "x.gq", "query q() {\n  match { $p: Person\n $p knws $f }\n  return { $f } }"),
            "q");
    assertThat(QueryCompiler.describe(r.errors().get(0)))
        .startsWith("T4: unknown edge type 'knws'")
        .endsWith("(line 3, column 5)");
  }

  @Test
  void checkerKeepsGoingAfterAnErrorAndSortsByPosition() {
    var r =
        QueryCompiler.compileOne(
            TestSchema.CATALOG,
            new SourceText(
                "x.gq",
                "query q() { match { $p: Person\n $p.nope = 1\n $p: Persn } return { $p.photo } }"),
            null);
    assertThat(r.errors()).extracting(Diagnostic::code).containsExactly("T6", "T1", "T24");
  }
}
