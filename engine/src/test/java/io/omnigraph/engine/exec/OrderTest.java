package io.omnigraph.engine.exec;

import static io.omnigraph.engine.exec.Exec.col;
import static io.omnigraph.engine.exec.Exec.props;
import static io.omnigraph.engine.exec.Exec.row;
import static io.omnigraph.engine.exec.Exec.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node Item { id2: String @key  rank: I32?  label: String?  grp: I32 }
          """);

  /** Items i00…i39 inserted in a scrambled order; rank = i mod 3 except every 5th is null. */
  static final InMemoryGraph G = graph();

  private static InMemoryGraph graph() {
    var b = InMemoryGraph.builder(CATALOG);
    for (int k = 0; k < 40; k++) {
      int i = (k * 17) % 40;
      String id = String.format("i%02d", i);
      Long rank = i % 5 == 0 ? null : (long) (i % 3);
      b.node("Item", id, props("id2", id, "rank", rank, "label", "L" + (i % 4), "grp", 1L));
    }
    return b.build();
  }

  private static List<String> expectedIds(java.util.function.IntPredicate keep) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      if (keep.test(i)) {
        out.add(String.format("i%02d", i));
      }
    }
    return out;
  }

  @Test
  void withoutOrderRowsComeInIdOrder() {
    assertThat(col(run(G, "query q() { match { $x: Item } return { $x.id2 } }")))
        .containsExactlyElementsOf(expectedIds(i -> true));
  }

  @Test
  void tiesBreakByIdAscendingInBothDirections() {
    List<Object> asc =
        col(run(G, "query q() { match { $x: Item } return { $x.id2 } order { $x.rank } }"));
    List<String> expected = new ArrayList<>(expectedIds(i -> i % 5 == 0));
    for (int r = 0; r < 3; r++) {
      int rr = r;
      expected.addAll(expectedIds(i -> i % 5 != 0 && i % 3 == rr));
    }
    assertThat(asc).containsExactlyElementsOf(expected);

    List<Object> desc =
        col(run(G, "query q() { match { $x: Item } return { $x.id2 } order { $x.rank desc } }"));
    List<String> expectedDesc = new ArrayList<>();
    for (int r = 2; r >= 0; r--) {
      int rr = r;
      expectedDesc.addAll(expectedIds(i -> i % 5 != 0 && i % 3 == rr));
    }
    expectedDesc.addAll(expectedIds(i -> i % 5 == 0));
    assertThat(desc).containsExactlyElementsOf(expectedDesc);
  }

  @Test
  void nullsFirstAscendingLastDescending() {
    List<Object> asc =
        col(run(G, "query q() { match { $x: Item } return { $x.rank } order { $x.rank } }"));
    assertThat(asc.subList(0, 8)).containsOnlyNulls();
    assertThat(asc.get(8)).isEqualTo(0L);
    List<Object> desc =
        col(run(G, "query q() { match { $x: Item } return { $x.rank } order { $x.rank desc } }"));
    assertThat(desc.get(0)).isEqualTo(2L);
    assertThat(desc.subList(32, 40)).containsOnlyNulls();
  }

  @Test
  void limitKeepsTheFirstRowsOfTheTotalOrder() {
    String q =
        "query q() { match { $x: Item } return { $x.id2, $x.rank } order { $x.rank desc } limit 3"
            + " }";
    assertThat(run(G, q).values()).containsExactly(row("i02", 2L), row("i08", 2L), row("i11", 2L));
    String big =
        "query q() { match { $x: Item } return { $x.id2 } order { $x.rank desc } limit 30 }";
    assertThat(col(run(G, big))).hasSize(30).startsWith("i02", "i08", "i11");
  }

  @Test
  void severalKeys() {
    String q =
        "query q() { match { $x: Item  $x.rank = 1 } return { $x.label, $x.id2 }"
            + " order { $x.label desc, $x.id2 desc } limit 4 }";
    assertThat(run(G, q).values())
        .containsExactly(row("L3", "i31"), row("L3", "i19"), row("L3", "i07"), row("L2", "i34"));
  }

  @Test
  void orderByAlias() {
    String q =
        "query q() { match { $x: Item  $x.rank = 2 } return { $x.id2 as k } order { k desc }"
            + " limit 2 }";
    assertThat(col(run(G, q))).containsExactly("i38", "i32");
  }

  @Test
  void orderIsReproducible() {
    String q = "query q() { match { $x: Item } return { $x.id2 } order { $x.grp } limit 5 }";
    List<Object> first = col(run(G, q));
    assertThat(first).containsExactly("i00", "i01", "i02", "i03", "i04");
    for (int i = 0; i < 5; i++) {
      assertThat(col(run(G, q))).isEqualTo(first);
    }
  }
}
