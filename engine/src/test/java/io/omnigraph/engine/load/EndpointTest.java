package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.fails;
import static io.omnigraph.engine.load.LoadTesting.knows;
import static io.omnigraph.engine.load.LoadTesting.lines;
import static io.omnigraph.engine.load.LoadTesting.load;
import static io.omnigraph.engine.load.LoadTesting.merge;
import static io.omnigraph.engine.load.LoadTesting.person;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edge endpoints resolve to node ids of the declared types, in the batch or the graph. */
class EndpointTest {
  @Test
  void endpointsInTheBatchBeforeOrAfterTheEdge() {
    StagedEdges k =
        merge(lines(person("a"), knows("a", "b"), knows("b", "a"), person("b")))
            .edges("Knows")
            .orElseThrow();
    assertThat(k.src(0)).isEqualTo("a");
    assertThat(k.dst(0)).isEqualTo("b");
    assertThat(k.src(1)).isEqualTo("b");
  }

  @Test
  void endpointsInTheGraph() {
    StagedEdges k =
        load(
                ModesTest.graph(),
                LoadMode.APPEND,
                lines(knows("b", "a"), person("c"), knows("c", "b")))
            .edges("Knows")
            .orElseThrow();
    assertThat(k.src(0)).isEqualTo("b");
    assertThat(k.dst(1)).isEqualTo("b");
  }

  @Test
  void unknownEndpointNamesTheLineAndTheType() {
    LoadException e = fails(lines(person("a"), knows("a", "a"), knows("a", "nobody"), person("b")));
    assertError(
        e,
        "unknown_endpoint",
        3,
        "edge Knows 'to' is \"nobody\", which is no Person id in the graph or in this batch");
  }

  @Test
  void theLowestLineWinsAmongWholeBatchErrors() {
    LoadException e = fails(lines(person("a"), knows("x", "a"), knows("a", "y")));
    assertError(e, "unknown_endpoint", 2, "'from' is \"x\"");
  }

  @Test
  void endpointsMustHaveTheDeclaredType() {
    // n1 is a Note in the graph, not a Person
    LoadException e = fails(ModesTest.graph(), LoadMode.MERGE, lines(knows("a", "n1")));
    assertError(e, "unknown_endpoint", 1, "no Person id");
  }

  @Test
  void anUnkeyedNodeIsReachableByItsSuppliedId() {
    StagedEdges w =
        merge(
                lines(
                    person("a"),
                    "{\"type\":\"Note\",\"data\":{\"id\":\"n7\",\"text\":\"t\"}}",
                    "{\"edge\":\"Wrote\",\"from\":\"n7\",\"to\":\"a\"}"))
            .edges("Wrote")
            .orElseThrow();
    assertThat(w.src(0)).isEqualTo("n7");
  }

  @Test
  void aLineLocalErrorAfterAnUnresolvedEdgeIsReportedFirst() {
    // reading stops at line 3; endpoints are only checked once the whole batch is read
    LoadException e = fails(lines(person("a"), knows("a", "nobody"), "{\"type\":\"X\"}"));
    assertError(e, "unknown_type", 3);
  }
}
