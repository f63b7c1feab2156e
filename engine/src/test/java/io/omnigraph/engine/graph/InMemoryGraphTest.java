package io.omnigraph.engine.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.SchemaCompiler;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryGraphTest {
  private static final Catalog CATALOG =
      SchemaCompiler.compile(
              "t.pg",
              "node Person { slug: String @key\n age: I32? }\nedge Knows: Person -> Person\n")
          .value()
          .catalog();

  @Test
  void adjacencyListsEdgesPerNodeOrderedByEdgeId() {
    GraphSnapshot g =
        InMemoryGraph.builder(CATALOG)
            .node("Person", "a", Map.of("slug", "a", "age", 30L))
            .node("Person", "b", Map.of("slug", "b"))
            .node("Person", "c", Map.of("slug", "c"))
            .edge("knows", "e2", "a", "c", Map.of())
            .edge("Knows", "e1", "a", "b", Map.of())
            .edge("Knows", "e3", "c", "a", Map.of())
            .build();
    NodeTable people = g.nodes("Person");
    EdgeTable knows = g.edges("KNOWS");
    int a = people.rowOf("a");
    assertThat(people.value(a, "age")).isEqualTo(30L);
    assertThat(people.value(people.rowOf("b"), "age")).isNull();
    assertThat(knows.out().degree(a)).isEqualTo(2);
    assertThat(knows.id(knows.out().edge(a, 0))).isEqualTo("e1");
    assertThat(knows.id(knows.out().edge(a, 1))).isEqualTo("e2");
    assertThat(knows.in().degree(a)).isEqualTo(1);
    assertThat(people.id(knows.src(knows.in().edge(a, 0)))).isEqualTo("c");
    assertThat(knows.out().degree(people.rowOf("b"))).isZero();
  }

  @Test
  void danglingEndpointsAreRejected() {
    var b = InMemoryGraph.builder(CATALOG).node("Person", "a", Map.of("slug", "a"));
    b.edge("Knows", "e", "a", "zz", Map.of());
    assertThatThrownBy(b::build).hasMessageContaining("target 'zz' is not a Person id");
  }
}
