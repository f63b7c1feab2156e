package io.omnigraph.engine.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.query.ir.OrderKey;
import io.omnigraph.compiler.query.ir.ReadPlan;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.CookbookSchemas;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.engine.graph.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every stored read query of every cookbook that uses no search function against the
 * cookbook's seed, with parameters taken from the seed. Key lookups and one-hop traversals are
 * checked against an evaluation over the JSONL records written here, independently of the
 * executor's planner.
 */
class CookbookTest {
  /** One stored query with its cookbook. */
  record Case(String cookbook, SeedGraph seed, CompiledQuery query, Path file) {
    @Override
    public String toString() {
      return cookbook + "/" + query.name();
    }
  }

  static List<Case> cases() {
    List<Case> out = new ArrayList<>();
    for (Path seedFile : Fixtures.files("seed.jsonl")) {
      Path dir = seedFile.getParent();
      List<Path> queryFiles =
          Fixtures.files(".gq").stream().filter(p -> p.startsWith(dir)).toList();
      if (queryFiles.isEmpty()) {
        continue;
      }
      Catalog catalog = CookbookSchemas.catalogFor(queryFiles.get(0));
      SeedGraph seed = new SeedGraph(catalog, seedFile);
      for (Path f : queryFiles) {
        var compiled =
            QueryCompiler.compile(catalog, new SourceText(f.toString(), Fixtures.read(f)));
        assertThat(compiled.ok()).as(f.toString()).isTrue();
        for (CompiledQuery q : compiled.value().queries()) {
          if (!q.isMutation() && !usesSearch(q.read())) {
            out.add(new Case(dir.getFileName().toString(), seed, q, f));
          }
        }
      }
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyStoredReadRunsOnTheSeed() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  @Test
  void theCookbooksExerciseTheExecutor() {
    List<Case> cases = cases();
    long checked = cases.stream().filter(c -> Shape.of(c.query().read()) != null).count();
    long nonEmpty = cases.stream().filter(c -> execute(c).rowCount() > 0).count();
    assertThat(cases).hasSizeGreaterThan(60);
    assertThat(checked).isGreaterThan(40);
    assertThat(nonEmpty).isGreaterThan(cases.size() * 3 / 4);
  }

  static void check(Case c) {
    QueryResult r = execute(c);
    ObjectNode json = r.toJson(c.query().name(), ReadTarget.branch("main"), "seed");
    assertThat(json.get("row_count").asInt()).isEqualTo(r.rowCount());
    Shape shape = Shape.of(c.query().read());
    if (shape != null) {
      List<List<Object>> expected = shape.expected(c.seed(), param(c, shape.param()));
      assertThat(r.values()).as(c.toString()).isEqualTo(expected);
    }
  }

  static QueryResult execute(Case c) {
    return QueryExecutor.execute(c.seed().graph, c.query(), params(c), ExecOptions.defaults());
  }

  /** The parameters every run of {@code c} uses (values taken from the seed). */
  static ObjectNode params(Case c) {
    ObjectNode params = Exec.JSON.createObjectNode();
    for (var p : c.query().params()) {
      params.set(p.name(), paramJson(c, p.name()));
    }
    return params;
  }

  private static Object param(Case c, String name) {
    IrExpr.Prop target = paramTarget(c.query().read().match(), name);
    var type = c.seed().catalog.node(target.ownerType()).orElseThrow();
    return Values.fromJson(paramJson(c, name), type.properties().get(target.property()).type());
  }

  /**
   * A value for a parameter compared with {@code $x.prop}: that property of a seed node of the
   * owner type — for one-hop shapes the first node that has such an edge, else the first node with
   * a value.
   */
  private static JsonNode paramJson(Case c, String name) {
    IrExpr.Prop target = paramTarget(c.query().read().match(), name);
    assertThat(target).as("%s: $%s is not compared with a property", c, name).isNotNull();
    Shape shape = Shape.of(c.query().read());
    JsonNode first = null;
    for (SeedGraph.NodeRec n : c.seed().nodes) {
      JsonNode v = n.data().get(target.property());
      if (!n.type().equals(target.ownerType()) || v == null || v.isNull()) {
        continue;
      }
      if (shape == null || shape.hasEdges(c.seed(), n)) {
        return v;
      }
      first = first == null ? v : first;
    }
    assertThat(first).as("%s: no seed value for $%s", c, name).isNotNull();
    return first;
  }

  private static IrExpr.Prop paramTarget(List<MatchItem> items, String name) {
    for (MatchItem m : items) {
      List<MatchItem.Filter> filters =
          switch (m) {
            case MatchItem.Scan s -> s.props();
            case MatchItem.Filter f -> List.of(f);
            case MatchItem.Negation n -> {
              IrExpr.Prop inner = paramTarget(n.items(), name);
              if (inner != null) {
                yield List.of(new MatchItem.Filter(inner, null, new IrExpr.Param(name, null)));
              }
              yield List.of();
            }
            default -> List.of();
          };
      for (MatchItem.Filter f : filters) {
        if (f.left() instanceof IrExpr.Prop p
            && f.right() instanceof IrExpr.Param q
            && q.name().equals(name)) {
          return p;
        }
      }
    }
    return null;
  }

  private static boolean usesSearch(ReadPlan plan) {
    Set<Object> seen = new LinkedHashSet<>();
    plan.match().forEach(seen::add);
    plan.columns().forEach(col -> seen.add(col.expr()));
    plan.order().forEach(k -> seen.add(k.expr()));
    return seen.stream().anyMatch(CookbookTest::searchy);
  }

  private static boolean searchy(Object o) {
    return switch (o) {
      case MatchItem.TextFilter t -> true;
      case MatchItem.Negation n -> n.items().stream().anyMatch(CookbookTest::searchy);
      case IrExpr.Nearest n -> true;
      case IrExpr.Bm25 b -> true;
      case IrExpr.Rrf r -> true;
      case IrExpr.TextMatch t -> true;
      default -> false;
    };
  }

  /**
   * A query shape evaluated independently: {@code $v: T { key: $p }}, optionally with one directed
   * one-hop traversal {@code $v edge $u} or {@code $u edge $v}; properties returned; optionally
   * ordered by properties.
   */
  record Shape(MatchItem.Scan scan, MatchItem.Traverse hop, String param, ReadPlan plan) {
    static Shape of(ReadPlan plan) {
      List<MatchItem> m = plan.match();
      if (plan.aggregate() || plan.limit() != null || m.isEmpty() || m.size() > 2) {
        return null;
      }
      if (!(m.get(0) instanceof MatchItem.Scan s) || s.props().size() != 1) {
        return null;
      }
      if (!(s.props().get(0).right() instanceof IrExpr.Param p)) {
        return null;
      }
      MatchItem.Traverse hop = null;
      if (m.size() == 2) {
        if (!(m.get(1) instanceof MatchItem.Traverse t) || !simpleHop(t, s.var())) {
          return null;
        }
        hop = t;
      }
      boolean props =
          plan.columns().stream().allMatch(c -> c.expr() instanceof IrExpr.Prop)
              && plan.order().stream().allMatch(k -> k.expr() instanceof IrExpr.Prop);
      return props ? new Shape(s, hop, p.name(), plan) : null;
    }

    private static boolean simpleHop(MatchItem.Traverse t, String v) {
      return t.edgeVar() == null
          && !t.undirected()
          && t.minHops() == 1
          && t.maxHops() == 1
          && (t.src().equals(v) ^ t.dst().equals(v));
    }

    boolean hasEdges(SeedGraph seed, SeedGraph.NodeRec n) {
      return hop == null || !neighbours(seed, n.id()).isEmpty();
    }

    /** Ids of the other endpoint, distinct, for the bound node id. */
    private List<String> neighbours(SeedGraph seed, String id) {
      boolean forward = hop.src().equals(scan.var());
      Set<String> out = new LinkedHashSet<>();
      for (SeedGraph.EdgeRec e : seed.edges) {
        if (e.type().equals(hop.edgeType()) && (forward ? e.from() : e.to()).equals(id)) {
          out.add(forward ? e.to() : e.from());
        }
      }
      return List.copyOf(out);
    }

    List<List<Object>> expected(SeedGraph seed, Object keyValue) {
      String keyProp = ((IrExpr.Prop) scan.props().get(0).left()).property();
      List<Map<String, SeedGraph.NodeRec>> bindings = new ArrayList<>();
      for (SeedGraph.NodeRec n : seed.nodes) {
        if (n.type().equals(scan.nodeType()) && keyValue.equals(seed.value(n, keyProp))) {
          if (hop == null) {
            bindings.add(Map.of(scan.var(), n));
          } else {
            String other = hop.src().equals(scan.var()) ? hop.dst() : hop.src();
            String otherType = hop.src().equals(scan.var()) ? hop.dstType() : hop.srcType();
            for (String id : neighbours(seed, n.id())) {
              bindings.add(Map.of(scan.var(), n, other, seed.node(otherType, id)));
            }
          }
        }
      }
      bindings.sort(order(seed));
      List<List<Object>> rows = new ArrayList<>();
      for (Map<String, SeedGraph.NodeRec> b : bindings) {
        List<Object> row = new ArrayList<>();
        for (Column c : plan.columns()) {
          IrExpr.Prop p = (IrExpr.Prop) c.expr();
          row.add(seed.value(b.get(p.var()), p.property()));
        }
        rows.add(row);
      }
      return rows;
    }

    private Comparator<Map<String, SeedGraph.NodeRec>> order(SeedGraph seed) {
      Comparator<Map<String, SeedGraph.NodeRec>> cmp = (a, b) -> 0;
      for (OrderKey k : plan.order()) {
        IrExpr.Prop p = (IrExpr.Prop) k.expr();
        Comparator<Map<String, SeedGraph.NodeRec>> key =
            (a, b) ->
                Values.compare(
                    seed.value(a.get(p.var()), p.property()),
                    seed.value(b.get(p.var()), p.property()));
        cmp = cmp.thenComparing(k.descending() ? key.reversed() : key);
      }
      for (var v : plan.variables()) {
        cmp =
            cmp.thenComparing(
                (a, b) -> Values.compareUtf8(a.get(v.name()).id(), b.get(v.name()).id()));
      }
      return cmp;
    }
  }
}
