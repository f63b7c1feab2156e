package io.omnigraph.engine.exec;

import static io.omnigraph.engine.exec.Exec.props;
import static io.omnigraph.engine.exec.Exec.row;
import static io.omnigraph.engine.exec.Exec.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ann knows bob, cat, eve; dan knows ann; bob works at acme, cat at zeta, eve at acme, ann at acme.
 */
class AggregateTest {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node Person { name: String @key  age: I64?  nick: String?  w: F64? }
          node Company { slug: String @key }
          edge Knows: Person -> Person
          edge WorksAt: Person -> Company
          """);

  static final InMemoryGraph G =
      InMemoryGraph.builder(CATALOG)
          .node("Person", "eve", props("name", "eve", "age", 20L, "nick", "e", "w", 0.5))
          .node("Person", "dan", props("name", "dan", "age", 40L, "w", 1.0))
          .node("Person", "cat", props("name", "cat", "nick", "c"))
          .node("Person", "bob", props("name", "bob", "age", 30L, "nick", "b", "w", 2.0))
          .node("Person", "ann", props("name", "ann", "age", 30L))
          .node("Company", "zeta", props("slug", "zeta"))
          .node("Company", "acme", props("slug", "acme"))
          .edge("Knows", "k1", "ann", "bob", props())
          .edge("Knows", "k2", "ann", "cat", props())
          .edge("Knows", "k3", "ann", "eve", props())
          .edge("Knows", "k4", "dan", "ann", props())
          .edge("WorksAt", "w1", "bob", "acme", props())
          .edge("WorksAt", "w2", "cat", "zeta", props())
          .edge("WorksAt", "w3", "eve", "acme", props())
          .edge("WorksAt", "w4", "ann", "acme", props())
          .build();

  @Test
  void countGroupsByTheOtherColumnsOrderedByGroupKeys() {
    String q =
        "query q() { match { $p: Person  $p worksAt $c } return { $c.slug, count($p) as n } }";
    assertThat(run(G, q).values()).containsExactly(row("acme", 3L), row("zeta", 1L));
  }

  @Test
  void orderByAggregateAlias() {
    String q =
        "query q() { match { $p: Person  $p worksAt $c } return { $c.slug, count($p) as n }"
            + " order { n } }";
    assertThat(run(G, q).values()).containsExactly(row("zeta", 1L), row("acme", 3L));
  }

  @Test
  void orderByAnAggregateThatIsNotReturned() {
    String q =
        "query q() { match { $p: Person  $p worksAt $c } return { $c.slug, count($p) as n }"
            + " order { max($p.age) } }";
    assertThat(run(G, q).values()).containsExactly(row("zeta", 1L), row("acme", 3L));
  }

  @Test
  void countOfAVariableCountsDistinctNodes() {
    String q =
        "query q() { match { $a: Person { name: \"ann\" }  $a knows $b  $b worksAt $c }"
            + " return { $a.name, count($c) as companies, count($b.name) as paths } }";
    assertThat(run(G, q).values()).containsExactly(row("ann", 2L, 3L));
  }

  @Test
  void countOfAnExpressionCountsNonNullRows() {
    String q = "query q() { match { $p: Person } return { count($p.nick) as n, count($p) as m } }";
    assertThat(run(G, q).values()).containsExactly(row(3L, 5L));
  }

  @Test
  void sumStaysIntegerAvgMinMax() {
    String q =
        "query q() { match { $p: Person } return { sum($p.age) as s, avg($p.age) as a,"
            + " min($p.name) as lo, max($p.age) as hi, sum($p.w) as fs } }";
    List<Object> r = run(G, q).values().get(0);
    assertThat(r.get(0)).isEqualTo(120L);
    assertThat(r.get(1)).isEqualTo(30.0);
    assertThat(r.get(2)).isEqualTo("ann");
    assertThat(r.get(3)).isEqualTo(40L);
    assertThat(r.get(4)).isEqualTo(3.5);
  }

  @Test
  void aggregatesWithoutGroupsAlwaysGiveOneRow() {
    String q =
        "query q() { match { $p: Person { name: \"nobody\" } }"
            + " return { count($p) as n, sum($p.age) as s, max($p.name) as m } }";
    assertThat(run(G, q).values()).containsExactly(row(0L, null, null));
  }

  @Test
  void groupedAggregatesOverNothingGiveNoRows() {
    String q =
        "query q() { match { $p: Person { name: \"nobody\" } } return { $p.name, count($p) } }";
    assertThat(run(G, q).values()).isEmpty();
  }

  @Test
  void nullIsAGroupOfItsOwnAndSortsFirst() {
    String q = "query q() { match { $p: Person } return { $p.age, count($p) as n } }";
    assertThat(run(G, q).values())
        .containsExactly(row(null, 1L), row(20L, 1L), row(30L, 2L), row(40L, 1L));
  }

  @Test
  void entitiesGroupByIdentity() {
    String q =
        "query q() { match { $p: Person  $p worksAt $c } return { $c, count($p) as n }"
            + " order { n desc } }";
    QueryResult r = run(G, q);
    assertThat(r.values()).hasSize(2);
    EntityValue acme = (EntityValue) r.values().get(0).get(0);
    assertThat(acme.id()).isEqualTo("acme");
    assertThat(acme.properties()).containsEntry("slug", "acme");
    assertThat(r.values().get(0).get(1)).isEqualTo(3L);
  }

  @Test
  void limitAppliesToGroups() {
    String q =
        "query q() { match { $p: Person } return { $p.age, count($p) as n }"
            + " order { n desc } limit 2 }";
    assertThat(run(G, q).values()).containsExactly(row(30L, 2L), row(null, 1L));
  }

  @Test
  void integerSumOverflowIsATypedError() {
    InMemoryGraph big =
        InMemoryGraph.builder(CATALOG)
            .node("Person", "a", props("name", "a", "age", Long.MAX_VALUE))
            .node("Person", "b", props("name", "b", "age", 1L))
            .build();
    assertThatThrownBy(() -> run(big, "query q() { match { $p: Person } return { sum($p.age) } }"))
        .isInstanceOfSatisfying(
            QueryExecutionException.class, e -> assertThat(e.code()).isEqualTo("numeric_overflow"));
  }
}
