package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.catalog;
import static io.omnigraph.engine.load.LoadTesting.fails;
import static io.omnigraph.engine.load.LoadTesting.knows;
import static io.omnigraph.engine.load.LoadTesting.lines;
import static io.omnigraph.engine.load.LoadTesting.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** append / merge / overwrite: duplicates within the batch, ids in the graph, replaced types. */
class ModesTest {
  private static final Catalog CATALOG = catalog();

  /** A graph with persons a and b, a Knows edge k1 (a→b) and a note n1 that wrote a. */
  static GraphSnapshot graph() {
    return InMemoryGraph.builder(CATALOG)
        .node("Person", "a", Map.of("slug", "a", "name", "A", "email", "a@x.org"))
        .node("Person", "b", Map.of("slug", "b", "name", "B"))
        .node("Note", "n1", Map.of("text", "hello"))
        .edge("Knows", "k1", "a", "b", Map.of())
        .edge("Wrote", "w1", "n1", "a", Map.of())
        .build();
  }

  private static String named(String slug, String name) {
    return "{\"type\":\"Person\",\"data\":{\"slug\":\"" + slug + "\",\"name\":\"" + name + "\"}}";
  }

  @Test
  void mergeLastRecordForAnIdWins() {
    StagedBatch b = load(graph(), LoadMode.MERGE, lines(named("c", "one"), named("c", "two")));
    StagedNodes p = b.nodes("Person").orElseThrow();
    assertThat(p.size()).isEqualTo(1);
    assertThat(p.value(0, "name")).isEqualTo("two");
    assertThat(p.line(0)).isEqualTo(2);
    assertThat(b.nodeCounts()).containsExactly(new TypeCount("Person", 1));
  }

  @Test
  void mergeMarksUpdatesOfExistingIds() {
    StagedBatch b = load(graph(), LoadMode.MERGE, lines(named("a", "A2"), named("z", "Z")));
    StagedNodes p = b.nodes("Person").orElseThrow();
    assertThat(p.updatesExisting(0)).isTrue();
    assertThat(p.updatesExisting(1)).isFalse();
    assertThat(b.replacedNodeTypes()).isEmpty();
  }

  @Test
  void mergeCommitsUpdatesInPlaceAndLeavesOutPropertiesNull() {
    GraphSnapshot g = graph();
    StagedBatch b = load(g, LoadMode.MERGE, lines(named("a", "A2"), named("z", "Z")));
    GraphSnapshot after = InMemoryCommit.apply(g, b, "c1");
    assertThat(after.nodes("Person").size()).isEqualTo(3);
    int a = after.nodes("Person").rowOf("a");
    assertThat(after.nodes("Person").value(a, "name")).isEqualTo("A2");
    assertThat(after.nodes("Person").value(a, "email")).isNull(); // a record is the full row
    assertThat(after.edges("Knows").size()).isEqualTo(1);
  }

  @Test
  void appendRejectsADuplicateWithinTheBatch() {
    LoadException e = fails(graph(), LoadMode.APPEND, lines(named("c", "1"), named("c", "2")));
    assertError(
        e, "key_conflict", 2, "Person \"c\" already appears on line 1", "use merge to update");
  }

  @Test
  void appendRejectsAnIdThatExistsInTheGraph() {
    LoadException e = fails(graph(), LoadMode.APPEND, lines(named("z", "Z"), named("a", "A")));
    assertError(e, "key_conflict", 2, "Person \"a\" already exists in the graph");
    assertThat(e.loadCode().httpStatus()).isEqualTo(409);
  }

  @Test
  void appendRejectsEdgeIdsThatExist() {
    String edge = "{\"edge\":\"Knows\",\"from\":\"a\",\"to\":\"b\",\"data\":{\"id\":\"k1\"}}";
    assertError(fails(graph(), LoadMode.APPEND, lines(edge)), "key_conflict", 1, "Knows \"k1\"");
    String twice = edge.replace("k1", "k9");
    assertError(
        fails(graph(), LoadMode.APPEND, lines(twice, twice)),
        "key_conflict",
        2,
        "already appears on line 1");
  }

  @Test
  void appendOfNewIdsAndGeneratedEdgeIdsIsFine() {
    StagedBatch b = load(graph(), LoadMode.APPEND, lines(named("c", "C"), knows("a", "c")));
    assertThat(b.totalEntities()).isEqualTo(2);
    assertThat(b.nodes("Person").orElseThrow().updatesExisting(0)).isFalse();
  }

  @Test
  void mergeUpdatesAnEdgeById() {
    String edge = "{\"edge\":\"Knows\",\"from\":\"b\",\"to\":\"a\",\"data\":{\"id\":\"k1\"}}";
    StagedEdges k = load(graph(), LoadMode.MERGE, lines(edge, edge)).edges("Knows").orElseThrow();
    assertThat(k.size()).isEqualTo(1);
    assertThat(k.updatesExisting(0)).isTrue();
    assertThat(k.src(0)).isEqualTo("b");
    assertThat(k.dst(0)).isEqualTo("a");
  }

  @Test
  void overwriteReplacesTouchedTypesAndIgnoresTheirOldRows() {
    StagedBatch b =
        load(
            graph(),
            LoadMode.OVERWRITE,
            lines(named("a", "new"), named("a", "newer"), named("b", "B"), knows("a", "b")));
    assertThat(b.replacedNodeTypes()).containsExactly("Person");
    assertThat(b.replacedEdgeTypes()).containsExactly("Knows");
    StagedNodes p = b.nodes("Person").orElseThrow();
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.value(0, "name")).isEqualTo("newer");
    assertThat(p.updatesExisting(0)).isFalse();
  }

  @Test
  void overwriteEndpointsMustBeInTheBatchForAReplacedNodeType() {
    LoadException e = fails(graph(), LoadMode.OVERWRITE, lines(knows("a", "b"), named("a", "A")));
    assertError(
        e,
        "unknown_endpoint",
        1,
        "edge Knows 'to' is \"b\"",
        "in this batch (overwrite replaces every Person)");
  }

  @Test
  void overwriteOfAnEdgeTypeAloneResolvesAgainstTheGraph() {
    StagedBatch b = load(graph(), LoadMode.OVERWRITE, lines(knows("b", "a")));
    assertThat(b.replacedEdgeTypes()).containsExactly("Knows");
    assertThat(b.replacedNodeTypes()).isEmpty();
  }

  @Test
  void overwriteMayNotLeaveUntouchedEdgesDangling() {
    LoadException e =
        fails(
            graph(), LoadMode.OVERWRITE, lines(named("b", "B"), named("c", "C"), knows("b", "c")));
    assertError(
        e,
        "dangling_edge",
        1,
        "overwrite replaces every Person",
        "Wrote edge \"w1\" points to Person \"a\"",
        "include that Person or overwrite Wrote");
  }

  @Test
  void overwriteKeepingReferencedNodesIsFine() {
    // b is dropped, but Knows (a -> b) is replaced too; Wrote (n1 -> a) still finds a
    StagedBatch b =
        load(graph(), LoadMode.OVERWRITE, lines(named("a", "A"), named("c", "C"), knows("a", "c")));
    assertThat(b.nodes("Person").orElseThrow().size()).isEqualTo(2);
  }

  @Test
  void overwriteDroppingANodeStillReferencedFails() {
    LoadException e = fails(graph(), LoadMode.OVERWRITE, lines(named("b", "B")));
    assertError(e, "dangling_edge", 1, "Knows edge \"k1\" points to Person \"a\"");
  }

  @Test
  void summaryJsonIsSortedByName() {
    StagedBatch b =
        load(
            graph(),
            LoadMode.MERGE,
            lines(
                "{\"type\":\"Note\",\"data\":{\"id\":\"n2\",\"text\":\"t\"}}",
                named("c", "C"),
                "{\"edge\":\"Wrote\",\"from\":\"n2\",\"to\":\"c\"}",
                knows("a", "c")));
    assertThat(b.summaryJson().toString())
        .isEqualTo(
            "{\"nodes\":[{\"name\":\"Note\",\"entities_loaded\":1},"
                + "{\"name\":\"Person\",\"entities_loaded\":1}],"
                + "\"edges\":[{\"name\":\"Knows\",\"entities_loaded\":1},"
                + "{\"name\":\"Wrote\",\"entities_loaded\":1}],\"total_entities\":4}");
  }

  @Test
  void modeWireSpellings() {
    assertThat(LoadMode.parse("append")).isEqualTo(LoadMode.APPEND);
    assertThat(LoadMode.OVERWRITE.wire()).isEqualTo("overwrite");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LoadMode.parse("upsert"))
        .hasMessageContaining("append, merge or overwrite");
  }

  @Test
  void anEmptyBatchStagesNothing() {
    StagedBatch b = load(graph(), LoadMode.MERGE, "\n\n");
    assertThat(b.totalEntities()).isZero();
    assertThat(b.lines()).isEqualTo(2);
    assertThat(b.nodes()).isEmpty();
  }
}
