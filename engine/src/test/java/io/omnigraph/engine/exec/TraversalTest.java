package io.omnigraph.engine.exec;

import static io.omnigraph.engine.exec.Exec.col;
import static io.omnigraph.engine.exec.Exec.props;
import static io.omnigraph.engine.exec.Exec.row;
import static io.omnigraph.engine.exec.Exec.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The graph: a→b (twice: e1, e6), b→c, c→d, a→c, d→d (self-loop), b→a; e is isolated. Asymmetric
 * edge G: a→m1, b→m2.
 */
class TraversalTest {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node N { name: String @key }
          node M { name: String @key }
          edge E: N -> N { w: I32? }
          edge G: N -> M
          """);

  static final InMemoryGraph G = graph();

  private static InMemoryGraph graph() {
    var b = InMemoryGraph.builder(CATALOG);
    for (String n : List.of("e", "d", "c", "b", "a")) {
      b.node("N", n, props("name", n));
    }
    b.node("M", "m1", props("name", "m1")).node("M", "m2", props("name", "m2"));
    b.edge("E", "e1", "a", "b", props("w", 1L))
        .edge("E", "e2", "b", "c", props("w", 2L))
        .edge("E", "e3", "c", "d", props("w", 3L))
        .edge("E", "e4", "a", "c", props("w", 4L))
        .edge("E", "e5", "d", "d", props("w", 5L))
        .edge("E", "e6", "a", "b", props("w", 6L))
        .edge("E", "e7", "b", "a", props("w", 7L))
        .edge("G", "g1", "a", "m1", props())
        .edge("G", "g2", "b", "m2", props());
    return b.build();
  }

  private static List<Object> from(String start, String traversal) {
    String q =
        "query q() { match { $x: N { name: \""
            + start
            + "\" }  "
            + traversal
            + " } return { $y.name } }";
    return col(run(G, q));
  }

  @Test
  void oneHopReportsEachNeighbourOnceDespiteParallelEdges() {
    assertThat(from("a", "$x e $y")).containsExactly("b", "c");
    assertThat(from("b", "$y e $x")).containsExactly("a");
    assertThat(from("e", "$x e $y")).isEmpty();
  }

  @Test
  void edgeBindingEmitsOneRowPerEdge() {
    String q = "query q() { match { $x: N { name: \"a\" }  $x $w:e $y } return { $y.name, $w.w } }";
    assertThat(run(G, q).values()).containsExactly(row("b", 1L), row("b", 6L), row("c", 4L));
  }

  @Test
  void edgeBindingBetweenBoundEndpointsListsEveryLinkingEdge() {
    String q =
        "query q() { match { $x: N { name: \"a\" }  $y: N { name: \"b\" }  $x $w:e $y }"
            + " return { $w.w } }";
    assertThat(col(run(G, q))).containsExactly(1L, 6L);
  }

  @Test
  void hopBoundsReportReachableNodesOnce() {
    assertThat(from("a", "$x e{1,3} $y")).containsExactly("a", "b", "c", "d");
    assertThat(from("a", "$x e{1,1} $y")).containsExactly("b", "c");
    assertThat(from("b", "$x e{1,2} $y")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void minimumHopsCountBreadthFirstFromTheStart() {
    // hop 1 reaches b, c; hop 2 (from b and c) sees c again, a (the start) and d.
    assertThat(from("a", "$x e{2,2} $y")).containsExactly("a", "c", "d");
    // hop 3 expands only d (first reached at hop 2): its self-loop.
    assertThat(from("a", "$x e{3,3} $y")).containsExactly("d");
    // d was visited at hop 2, so nothing is left to expand at hop 4: no walks beyond reachability.
    assertThat(from("a", "$x e{4,5} $y")).isEmpty();
  }

  @Test
  void selfLoopYieldsItsNodeOnce() {
    assertThat(from("d", "$x e $y")).containsExactly("d");
    assertThat(from("d", "$x e{1,3} $y")).containsExactly("d");
    assertThat(col(run(G, "query q() { match { $y: N  $y e $y } return { $y.name } }")))
        .containsExactly("d");
  }

  @Test
  void undirectedHasSetSemantics() {
    assertThat(from("b", "$x <e> $y")).containsExactly("a", "c");
    assertThat(from("d", "$x <e> $y")).containsExactly("c", "d");
    assertThat(from("a", "$x <e>{2,2} $y")).containsExactly("a", "b", "c", "d");
  }

  @Test
  void undirectedEdgeBindingCountsEachEdgeOnce() {
    String q =
        "query q() { match { $x: N { name: \"d\" }  $x $w:<e> $y } return { $y.name, $w.w } }";
    assertThat(run(G, q).values()).containsExactly(row("c", 3L), row("d", 5L));
    String ab =
        "query q() { match { $x: N { name: \"a\" }  $y: N { name: \"b\" }  $x $w:<e> $y }"
            + " return { $w.w } }";
    assertThat(col(run(G, ab))).containsExactly(1L, 6L, 7L);
  }

  @Test
  void boundEndpointsMakeATraversalATest() {
    String q =
        "query q($h: String) { match { $x: N { name: \"a\" }  $y: N { name: $h }  $x e{1,2} $y }"
            + " return { $y.name } }";
    assertThat(col(run(G, q, "{\"h\":\"d\"}"))).containsExactly("d");
    assertThat(col(run(G, q, "{\"h\":\"e\"}"))).isEmpty();
    String one =
        "query q() { match { $x: N { name: \"a\" }  $y: N { name: \"d\" }  $x e $y }"
            + " return { $y.name } }";
    assertThat(col(run(G, one))).isEmpty();
  }

  @Test
  void traversalWithoutBoundEndpointsEnumeratesPairs() {
    String q = "query q() { match { $x e $y } return { $x.name, $y.name as y } }";
    assertThat(run(G, q).values())
        .containsExactly(
            row("a", "b"),
            row("a", "c"),
            row("b", "a"),
            row("b", "c"),
            row("c", "d"),
            row("d", "d"));
  }

  @Test
  void countsOverVariableLengthTraversals() {
    String q =
        "query q() { match { $x: N { name: \"a\" }  $x e{1,3} $y } return { count($y) as n } }";
    assertThat(col(run(G, q))).containsExactly(4L);
  }

  @Test
  void asymmetricEdgesStopAfterOneHop() {
    assertThat(from2("a", "$x g{1,2} $y")).containsExactly("m1");
    assertThat(from2("a", "$x g{2,3} $y")).isEmpty();
  }

  private static List<Object> from2(String start, String traversal) {
    String q =
        "query q() { match { $x: N { name: \""
            + start
            + "\" }  "
            + traversal
            + " } return { $y.name } }";
    return col(run(G, q));
  }

  @Test
  void chainedTraversalsJoinOnSharedVariables() {
    String q =
        "query q() { match { $x: N { name: \"a\" }  $x e $y  $y e $z  $z g $m }"
            + " return { $y.name, $z.name as z, $m.name as m } }";
    assertThat(run(G, q).values()).containsExactly(row("b", "a", "m1"));
  }

  @Test
  void edgeVariablesTieBreakByEdgeId() {
    String q =
        "query q() { match { $x $w:e $y } return { $x.name, $w.w } order { $x.name } limit 3 }";
    assertThat(run(G, q).values()).containsExactly(row("a", 1L), row("a", 6L), row("a", 4L));
  }

  @Test
  void highDegreeNodesDedupeNeighboursToo() {
    var b = InMemoryGraph.builder(CATALOG);
    for (String n : List.of("hub", "x", "y", "z")) {
      b.node("N", n, props("name", n));
    }
    String[] targets = {"x", "y", "z"};
    for (int i = 0; i < 40; i++) {
      b.edge("E", String.format("h%02d", i), "hub", targets[i % 3], props("w", (long) i));
    }
    InMemoryGraph g = b.build();
    String q = "query q() { match { $x: N { name: \"hub\" }  $x e $y } return { $y.name } }";
    assertThat(col(run(g, q))).containsExactly("x", "y", "z");
    String u = "query q() { match { $x: N { name: \"x\" }  $x <e> $y } return { $y.name } }";
    assertThat(col(run(g, u))).containsExactly("hub");
    String w =
        "query q() { match { $x: N { name: \"hub\" }  $x $w:e $y } return { count($w.w) as n } }";
    assertThat(col(run(g, w))).containsExactly(40L);
  }
}
