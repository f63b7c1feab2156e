package io.omnigraph.engine.exec;

import static io.omnigraph.engine.exec.Exec.col;
import static io.omnigraph.engine.exec.Exec.date;
import static io.omnigraph.engine.exec.Exec.props;
import static io.omnigraph.engine.exec.Exec.row;
import static io.omnigraph.engine.exec.Exec.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchTest {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node Person {
            name: String @key
            age: I32?
            nick: String?
            tags: [String]?
            status: enum(active, retired)?
            score: F32?
            born: Date?
          }
          node Company {
            slug: String @key
            name: String
            size: I64?
          }
          edge Knows: Person -> Person { since: Date? }
          edge WorksAt: Person -> Company { role: String? }
          """);

  /** Rows are inserted out of id order on purpose: results must come back in id order. */
  static final InMemoryGraph G =
      InMemoryGraph.builder(CATALOG)
          .node(
              "Person",
              "dan",
              props(
                  "name",
                  "dan",
                  "age",
                  40L,
                  "tags",
                  List.of("x", "y"),
                  "status",
                  "active",
                  "score",
                  1.5,
                  "born",
                  date("1985-01-02")))
          .node(
              "Person",
              "ann",
              props(
                  "name",
                  "ann",
                  "age",
                  30L,
                  "nick",
                  "annie",
                  "tags",
                  List.of("y"),
                  "status",
                  "retired",
                  "score",
                  (double) 0.1f))
          .node("Person", "cat", props("name", "cat", "nick", "kitty", "status", "active"))
          .node(
              "Person",
              "bob",
              props(
                  "name",
                  "bob",
                  "age",
                  30L,
                  "tags",
                  List.of(),
                  "status",
                  "active",
                  "born",
                  date("1995-06-30")))
          .node("Company", "acme", props("slug", "acme", "name", "Acme", "size", 100L))
          .node("Company", "zeta", props("slug", "zeta", "name", "Zeta"))
          .edge("Knows", "k1", "ann", "bob", props("since", date("2020-01-01")))
          .edge("Knows", "k2", "bob", "cat", props())
          .edge("Knows", "k3", "cat", "dan", props())
          .edge("Knows", "k4", "ann", "cat", props())
          .edge("Knows", "k5", "dan", "ann", props())
          .edge("WorksAt", "w1", "ann", "acme", props("role", "eng"))
          .edge("WorksAt", "w2", "bob", "acme", props("role", "ceo"))
          .edge("WorksAt", "w3", "cat", "zeta", props())
          .build();

  private static List<Object> names(String match) {
    return col(run(G, "query q() { match { " + match + " } return { $p.name } }"));
  }

  @Test
  void keyLookupFindsOneRowOrNone() {
    String q =
        "query q($n: String) { match { $p: Person { name: $n } } return { $p.name, $p.age } }";
    assertThat(run(G, q, "{\"n\":\"bob\"}").values()).containsExactly(row("bob", 30L));
    assertThat(run(G, q, "{\"n\":\"zed\"}").values()).isEmpty();
  }

  @Test
  void keyLookupAlsoServesAFilterLine() {
    String q = "query q($n: String) { match { $p: Person  $p.name = $n } return { $p.age } }";
    assertThat(col(run(G, q, "{\"n\":\"dan\"}"))).containsExactly(40L);
  }

  @Test
  void inlinePropertyMatchesAndScanOrder() {
    assertThat(names("$p: Person { age: 30 }")).containsExactly("ann", "bob");
    assertThat(names("$p: Person")).containsExactly("ann", "bob", "cat", "dan");
    assertThat(names("$p: Person { age: 30, status: \"active\" }")).containsExactly("bob");
  }

  @Test
  void comparisonsWithNullAreFalse() {
    assertThat(names("$p: Person  $p.age > 30")).containsExactly("dan");
    assertThat(names("$p: Person  $p.age != 30")).containsExactly("dan");
    assertThat(names("$p: Person  $p.age <= 40")).containsExactly("ann", "bob", "dan");
    assertThat(names("$p: Person  $p.nick != \"annie\"")).containsExactly("cat");
  }

  @Test
  void optionalParamBoundToNullMatchesNothing() {
    String q =
        "query q($nick: String?) { match { $p: Person { nick: $nick } } return { $p.name } }";
    assertThat(run(G, q, "{}").values()).isEmpty();
    assertThat(run(G, q, "{\"nick\": null}").values()).isEmpty();
    assertThat(col(run(G, q, "{\"nick\": \"kitty\"}"))).containsExactly("cat");
  }

  @Test
  void containsIsListMembershipOrSubstring() {
    assertThat(names("$p: Person  $p.tags contains \"y\"")).containsExactly("ann", "dan");
    assertThat(names("$p: Person  $p.nick contains \"nn\"")).containsExactly("ann");
    assertThat(names("$p: Person  $p.nick contains \"NN\"")).isEmpty();
    assertThat(names("$p: Person  \"annie and kitty\" contains $p.nick"))
        .containsExactly("ann", "cat");
    assertThat(names("$p: Person  $p.nick contains \"%\"")).isEmpty();
  }

  @Test
  void startsWithIsAPrefixTest() {
    assertThat(names("$p: Person  $p.nick starts_with \"kit\"")).containsExactly("cat");
    assertThat(names("$p: Person  $p.nick starts_with \"\"")).containsExactly("ann", "cat");
  }

  @Test
  void enumParamOutsideTheValueSetFindsNoRows() {
    String q = "query q($s: String) { match { $p: Person { status: $s } } return { $p.name } }";
    assertThat(col(run(G, q, "{\"s\":\"active\"}"))).containsExactly("bob", "cat", "dan");
    assertThat(run(G, q, "{\"s\":\"bogus\"}").values()).isEmpty();
  }

  @Test
  void datesCompareAsDates() {
    assertThat(names("$p: Person  $p.born < date(\"1990-01-01\")")).containsExactly("dan");
    assertThat(names("$p: Person  $p.born >= date(\"1985-01-02\")")).containsExactly("bob", "dan");
  }

  @Test
  void f32PropertiesMatchLiteralsAtFloatPrecision() {
    assertThat(names("$p: Person  $p.score = 0.1")).containsExactly("ann");
    assertThat(names("$p: Person { score: 0.1 }")).containsExactly("ann");
  }

  @Test
  void clausesAreAnOrderIndependentConjunction() {
    List<String> clauses =
        List.of(
            "$a: Person { name: \"ann\" }",
            "$a knows $b",
            "$b worksAt $c",
            "$c.size > 10",
            "$b.age = 30");
    List<List<String>> orders =
        List.of(
            clauses,
            List.of(clauses.get(4), clauses.get(3), clauses.get(2), clauses.get(1), clauses.get(0)),
            List.of(clauses.get(2), clauses.get(0), clauses.get(4), clauses.get(3), clauses.get(1)),
            List.of(
                clauses.get(3), clauses.get(1), clauses.get(0), clauses.get(2), clauses.get(4)));
    for (List<String> order : orders) {
      String q =
          "query q() { match { "
              + String.join("\n", order)
              + " } return { $a.name, $b.name as b, $c.slug } }";
      assertThat(run(G, q).values()).as(q).containsExactly(row("ann", "bob", "acme"));
    }
  }

  @Test
  void bindingABoundVariableAgainAddsFilters() {
    assertThat(names("$p: Person  $p: Person { age: 30 }")).containsExactly("ann", "bob");
    assertThat(names("$x knows $p  $p: Person { name: \"cat\" }")).containsExactly("cat", "cat");
  }

  @Test
  void entityEqualityComparesIdentity() {
    String q =
        "query q() { match { $a: Person  $a knows $b  $b knows $c  $a != $c }"
            + " return { $a.name, $c.name as c } }";
    assertThat(run(G, q).values())
        .containsExactly(
            row("ann", "cat"),
            row("ann", "dan"),
            row("bob", "dan"),
            row("cat", "ann"),
            row("dan", "bob"),
            row("dan", "cat"));
  }

  @Test
  void unrelatedBindingsFormACrossProduct() {
    String q =
        "query q() { match { $p: Person { name: \"ann\" }  $c: Company }"
            + " return { $p.name, $c.slug } }";
    assertThat(run(G, q).values()).containsExactly(row("ann", "acme"), row("ann", "zeta"));
  }

  @Test
  void constantFiltersApplyToEveryRow() {
    String q = "query q($x: I64) { match { $p: Person  $x > 3 } return { $p.name } }";
    assertThat(run(G, q, "{\"x\": 5}").rowCount()).isEqualTo(4);
    assertThat(run(G, q, "{\"x\": 1}").rowCount()).isZero();
  }

  @Test
  void edgePropertiesFilter() {
    String q =
        "query q() { match { $a: Person  $a $w:worksAt $c  $w.role = \"ceo\" }"
            + " return { $a.name, $w.role } }";
    assertThat(run(G, q).values()).containsExactly(row("bob", "ceo"));
  }

  @Test
  void equalityLookupsAcrossRepresentations() {
    Catalog c =
        Exec.catalog(
            """
            node T { k: String @key  f: F64?  d: Date?  b: Bool?  n: I64? }
            """);
    InMemoryGraph g =
        InMemoryGraph.builder(c)
            .node("T", "t2", props("k", "t2", "f", 1.0, "d", date("2024-02-29"), "b", true))
            .node("T", "t1", props("k", "t1", "f", 2.5, "b", false, "n", 7L))
            .node("T", "t3", props("k", "t3", "f", 1.0, "b", true, "n", 7L))
            .build();
    String byF = "query q() { match { $t: T { f: 1 } } return { $t.k } }";
    assertThat(col(run(g, byF))).containsExactly("t2", "t3");
    String byD = "query q() { match { $t: T { d: date(\"2024-02-29\") } } return { $t.k } }";
    assertThat(col(run(g, byD))).containsExactly("t2");
    String both = "query q() { match { $t: T { b: true, n: 7 } } return { $t.k } }";
    assertThat(col(run(g, both))).containsExactly("t3");
    String param = "query q($f: F64) { match { $t: T { f: $f } } return { $t.k } }";
    assertThat(col(run(g, param, "{\"f\": 2.5}"))).containsExactly("t1");
    assertThat(col(run(g, param, "{\"f\": 3}"))).isEmpty();
    // the same lookups again, now served by the cached column indexes
    assertThat(col(run(g, byF))).containsExactly("t2", "t3");
    assertThat(col(run(g, both))).containsExactly("t3");
  }
}
