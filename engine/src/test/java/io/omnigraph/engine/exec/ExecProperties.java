package io.omnigraph.engine.exec;

import static io.omnigraph.engine.exec.Exec.props;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.PropertyCheck;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random graphs, queries built from type-correct clauses in random order, and random (sometimes
 * invalid) parameters: the executor either answers or fails with a typed, non-internal error;
 * answers are reproducible; and reversing the clauses of the match block gives the same rows.
 */
class ExecProperties {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node Person {
            name: String @key
            age: I32?
            nick: String?
            tags: [String]?
            status: enum(active, retired)?
            bio: String?
            emb: Vector(3)? @embed("bio")
          }
          node Company { slug: String @key  size: I64? }
          edge Knows: Person -> Person { weight: F64? }
          edge WorksAt: Person -> Company
          """);

  static final List<String> CLAUSES =
      List.of(
          "$p knows $f",
          "$p knows{1,3} $f",
          "$f knows{2,2} $p",
          "$p <knows> $f",
          "$p $w:knows $f",
          "$p $w:<knows> $f",
          "$p worksAt $c",
          "$f worksAt $c",
          "$c: Company { slug: $n }",
          "$f: Person { status: $n }",
          "$p: Person { name: $n }",
          "$p.age > $i",
          "$p.nick starts_with \"a\"",
          "$p.tags contains $n",
          "$p.status = $o",
          "$p != $f",
          "$f.age <= $p.age",
          "$w.weight > 0.5",
          "search($p.bio, $n)",
          "fuzzy($p.name, $n, 1)",
          "match_text($p.bio, \"red fox\")",
          "not { $p knows $_ }",
          "not { $_ knows $p }",
          "not { $p worksAt $c2  $c2.size > $i }",
          "not { $f knows $p }",
          "$c.size >= $i");
  static final List<String> COLUMNS =
      List.of("$p.name", "$p", "$p.age", "$f.name", "$c.slug", "$w.weight", "$p.tags");
  static final List<String> AGGREGATES =
      List.of("count($p)", "count($f)", "sum($p.age)", "max($p.name)", "avg($w.weight)");
  static final List<String> ORDERS =
      List.of(
          "$p.age desc",
          "$p.name",
          "bm25($p.bio, $n)",
          "nearest($p.emb, $v)",
          "rrf(nearest($p.emb, $l), bm25($p.bio, $n))");
  static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f", "g", "h");
  static final List<String> WORDS = List.of("red", "fox", "blue", "sky", "the", "a");

  record Case(InMemoryGraph graph, List<String> clauses, String tail, String params) {
    String source(List<String> order) {
      return "query q($n: String, $i: I64, $o: String?, $v: Vector(3), $l: [F64]) {\n match {\n  "
          + String.join("\n  ", order)
          + "\n }\n"
          + tail
          + "\n}";
    }

    @Override
    public String toString() {
      return source(clauses) + "\nparams: " + params;
    }
  }

  @Test
  void executionIsTotalReproducibleAndOrderIndependent() {
    int[] compiled = {0};
    PropertyCheck.forAllValues(
        "exec",
        400,
        ExecProperties::generate,
        c -> {
          if (check(c)) {
            compiled[0]++;
          }
        });
    assertThat(compiled[0]).isGreaterThan(PropertyCheck.tries(400) / 4);
  }

  /** Returns whether the query compiled (and so was executed). */
  private static boolean check(Case c) {
    CompiledQuery q = compile(c.source(c.clauses()));
    if (q == null) {
      return false;
    }
    List<List<Object>> first = runOrError(c, q);
    assertThat(runOrError(c, q)).isEqualTo(first);
    CompiledQuery reversed = compile(c.source(c.clauses().reversed()));
    if (reversed != null && first != null && !c.tail().contains("limit")) {
      assertThat(sorted(runOrError(c, reversed))).isEqualTo(sorted(first));
    }
    return true;
  }

  private static List<String> sorted(List<List<Object>> rows) {
    List<String> out = new ArrayList<>();
    rows.forEach(r -> out.add(String.valueOf(r)));
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static CompiledQuery compile(String src) {
    var r = QueryCompiler.compileOne(CATALOG, new SourceText("p.gq", src), null);
    return r.ok() ? r.value() : null;
  }

  /** The rows, or null after a typed error that is not internal. */
  private static List<List<Object>> runOrError(Case c, CompiledQuery q) {
    try {
      return QueryExecutor.execute(c.graph(), q, Exec.params(c.params()), ExecOptions.defaults())
          .values();
    } catch (QueryExecutionException e) {
      assertThat(e.code()).as(e.getMessage()).isNotEqualTo("internal");
      return null;
    }
  }

  static Case generate(Random rnd) {
    List<String> clauses = new ArrayList<>();
    clauses.add("$p: Person");
    int n = rnd.nextInt(4);
    for (int i = 0; i < n; i++) {
      clauses.add(pick(rnd, CLAUSES));
    }
    java.util.Collections.shuffle(clauses, rnd);
    return new Case(graph(rnd), clauses, tail(rnd), params(rnd));
  }

  private static String tail(Random rnd) {
    StringBuilder sb = new StringBuilder(" return { ");
    boolean agg = rnd.nextInt(4) == 0;
    sb.append(agg ? pick(rnd, AGGREGATES) + ", $p.status" : pick(rnd, COLUMNS));
    if (rnd.nextBoolean()) {
      sb.append(", ").append(pick(rnd, COLUMNS.subList(0, 5)));
    }
    sb.append(" }");
    if (!agg && rnd.nextBoolean()) {
      sb.append("\n order { ").append(pick(rnd, ORDERS)).append(" }");
    }
    if (rnd.nextInt(3) > 0) {
      sb.append("\n limit ").append(1 + rnd.nextInt(6));
    }
    return sb.toString();
  }

  private static String params(Random rnd) {
    if (rnd.nextInt(8) == 0) {
      return pick(rnd, List.of("{}", "[]", "{\"n\": 1}", "{\"n\":\"a\",\"zzz\":1}", "null"));
    }
    String o = pick(rnd, List.of("null", "\"active\"", "\"retired\"", "\"bogus\""));
    String v = rnd.nextInt(10) == 0 ? "[1, 2]" : "[1, 0.5, 0]";
    String l = rnd.nextInt(10) == 0 ? "[0, 0, 0, 1]" : "[0, 1, 0]";
    return "{\"n\": \"%s\", \"i\": %d, \"o\": %s, \"v\": %s, \"l\": %s}"
        .formatted(
            pick(rnd, List.of("a", "b", "red", "active", "retired", "x")),
            rnd.nextInt(60),
            o,
            v,
            l);
  }

  static InMemoryGraph graph(Random rnd) {
    var b = InMemoryGraph.builder(CATALOG);
    int persons = rnd.nextInt(NAMES.size() + 1);
    for (int i = persons - 1; i >= 0; i--) {
      String name = NAMES.get(i);
      b.node(
          "Person",
          name,
          props(
              "name",
              name,
              "age",
              rnd.nextBoolean() ? (long) rnd.nextInt(60) : null,
              "nick",
              rnd.nextBoolean() ? pick(rnd, List.of("al", "bo", "ann")) : null,
              "tags",
              rnd.nextBoolean() ? List.of(pick(rnd, NAMES)) : null,
              "status",
              rnd.nextBoolean() ? pick(rnd, List.of("active", "retired")) : null,
              "bio",
              rnd.nextBoolean() ? pick(rnd, WORDS) + " " + pick(rnd, WORDS) : null,
              "emb",
              rnd.nextBoolean() ? new float[] {rnd.nextInt(3) - 1, rnd.nextInt(2), 1} : null));
    }
    int companies = rnd.nextInt(3);
    for (int i = 0; i < companies; i++) {
      b.node("Company", "c" + i, props("slug", "c" + i, "size", (long) rnd.nextInt(50)));
    }
    for (int e = 0; persons > 0 && e < rnd.nextInt(3 * persons + 1); e++) {
      b.edge(
          "Knows",
          "k" + e,
          NAMES.get(rnd.nextInt(persons)),
          NAMES.get(rnd.nextInt(persons)),
          props("weight", rnd.nextBoolean() ? rnd.nextDouble() : null));
    }
    for (int e = 0; persons > 0 && companies > 0 && e < persons; e++) {
      b.edge(
          "WorksAt",
          "w" + e,
          NAMES.get(rnd.nextInt(persons)),
          "c" + rnd.nextInt(companies),
          props());
    }
    return b.build();
  }

  private static <T> T pick(Random rnd, List<T> items) {
    return items.get(rnd.nextInt(items.size()));
  }
}
