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

/** Signals s1…s4, patterns p1, p2; s1 forms p1, s2 forms p1 and p2, s3 contradicts p2. */
class NegationTest {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node Signal { slug: String @key  score: I32 }
          node Pattern { slug: String @key }
          edge FormsPattern: Signal -> Pattern
          edge ContradictsPattern: Signal -> Pattern
          edge Next: Signal -> Signal
          """);

  static final InMemoryGraph G =
      InMemoryGraph.builder(CATALOG)
          .node("Signal", "s4", props("slug", "s4", "score", 4L))
          .node("Signal", "s3", props("slug", "s3", "score", 3L))
          .node("Signal", "s2", props("slug", "s2", "score", 2L))
          .node("Signal", "s1", props("slug", "s1", "score", 1L))
          .node("Pattern", "p2", props("slug", "p2"))
          .node("Pattern", "p1", props("slug", "p1"))
          .edge("FormsPattern", "f1", "s1", "p1", props())
          .edge("FormsPattern", "f2", "s2", "p1", props())
          .edge("FormsPattern", "f3", "s2", "p2", props())
          .edge("ContradictsPattern", "c1", "s3", "p2", props())
          .edge("Next", "n1", "s1", "s2", props())
          .edge("Next", "n2", "s2", "s3", props())
          .build();

  private static List<Object> slugs(String match) {
    return col(run(G, "query q() { match { " + match + " } return { $s.slug } }"));
  }

  @Test
  void antiJoinWithUnderscoreVariables() {
    assertThat(slugs("$s: Signal  not { $s formsPattern $_ }")).containsExactly("s3", "s4");
    assertThat(slugs("$s: Signal  not { $s formsPattern $_ }  not { $s contradictsPattern $_ }"))
        .containsExactly("s4");
  }

  @Test
  void localFiltersInsideNegation() {
    String q =
        "query q($min: I32) { match { $p: Pattern  not { $s formsPattern $p  $s.score >= $min } }"
            + " return { $p.slug } }";
    assertThat(col(run(G, q, "{\"min\": 2}"))).isEmpty();
    assertThat(col(run(G, q, "{\"min\": 3}"))).containsExactly("p1", "p2");
    assertThat(col(run(G, q, "{\"min\": 1}"))).isEmpty();
  }

  @Test
  void negationOverTwoOuterVariables() {
    String q =
        "query q() { match { $s: Signal  $p: Pattern  not { $s formsPattern $p } }"
            + " return { $s.slug, $p.slug as p } }";
    assertThat(run(G, q).values())
        .containsExactly(
            row("s1", "p2"), row("s3", "p1"), row("s3", "p2"), row("s4", "p1"), row("s4", "p2"));
  }

  @Test
  void negationOfOuterFilterOnly() {
    assertThat(slugs("$s: Signal  not { $s.score > 2 }")).containsExactly("s1", "s2");
  }

  @Test
  void nestedNegation() {
    // signals all of whose successors form no pattern: s2 -> s3 (forms none) fails, s1 -> s2
    // (forms) passes? No: keep $s unless some successor $t has no pattern.
    String q = "$s: Signal  not { $s next $t  not { $t formsPattern $_ } }";
    assertThat(slugs(q)).containsExactly("s1", "s3", "s4");
  }

  @Test
  void negationCombinedWithTraversalAndVariableLength() {
    assertThat(slugs("$s: Signal  not { $s next{1,2} $t  $t contradictsPattern $_ }"))
        .containsExactly("s3", "s4");
  }

  @Test
  void negationAfterAKeyLookup() {
    String q =
        "query q($s: String) { match { $x: Signal { slug: $s }  not { $x formsPattern $_ } }"
            + " return { $x.slug } }";
    assertThat(col(run(G, q, "{\"s\":\"s1\"}"))).isEmpty();
    assertThat(col(run(G, q, "{\"s\":\"s3\"}"))).containsExactly("s3");
  }

  @Test
  void localKeyLookupInsideNegation() {
    assertThat(slugs("$s: Signal  not { $p: Pattern { slug: \"p2\" }  $s formsPattern $p }"))
        .containsExactly("s1", "s3", "s4");
  }
}
