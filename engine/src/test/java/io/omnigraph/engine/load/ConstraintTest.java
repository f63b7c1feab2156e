package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.fails;
import static io.omnigraph.engine.load.LoadTesting.lines;
import static io.omnigraph.engine.load.LoadTesting.load;
import static io.omnigraph.engine.load.LoadTesting.merge;
import static io.omnigraph.engine.load.LoadTesting.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.engine.graph.GraphSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * @range, @check, @unique and @card, over the batch and the snapshot.
 */
class ConstraintTest {
  private static String personWith(String slug, String member) {
    return "{\"type\":\"Person\",\"data\":{\"slug\":\""
        + slug
        + "\",\"name\":\"N\","
        + member
        + "}}";
  }

  private static String note(String id, String text, String lang) {
    String l = lang == null ? "" : ",\"lang\":\"" + lang + "\"";
    return "{\"type\":\"Note\",\"data\":{\"id\":\""
        + id
        + "\",\"text\":\""
        + text
        + "\""
        + l
        + "}}";
  }

  private static String wrote(String note, String person) {
    return "{\"edge\":\"Wrote\",\"from\":\"" + note + "\",\"to\":\"" + person + "\"}";
  }

  private static String worksAt(String person, String org) {
    return "{\"edge\":\"WorksAt\",\"from\":\"" + person + "\",\"to\":\"" + org + "\"}";
  }

  private static final String ORG = "{\"type\":\"Org\",\"data\":{\"num\":1,\"name\":\"o\"}}";
  private static final String ORG_ID = "[\\\"o\\\",\\\"1\\\"]";

  @ParameterizedTest
  @ValueSource(strings = {"0", "150", "\"75\""})
  void rangeBoundsAreInclusive(String age) {
    assertThat(merge(personWith("p", "\"age\":" + age) + "\n").totalEntities()).isEqualTo(1);
  }

  @Test
  void rangeViolations() {
    assertError(
        fails(lines(person("a"), personWith("p", "\"age\":151"))),
        "range_violation",
        2,
        "Person.age = 151 is outside @range(age, 0..150)",
        "give a value from 0 to 150");
    assertError(fails(personWith("p", "\"age\":-1") + "\n"), "range_violation", 1, "from 0 to 150");
  }

  @Test
  void rangeOnF32ComparesAtFloatPrecision() {
    assertThat(merge(personWith("p", "\"ratio\":0.1") + "\n").totalEntities()).isEqualTo(1);
    assertError(
        fails(personWith("p", "\"ratio\":0.11") + "\n"),
        "range_violation",
        1,
        "@range(ratio, ..0.1)",
        "of at most 0.1");
  }

  @Test
  void checkNeedsAFullMatch() {
    assertThat(merge(personWith("p", "\"email\":\"ada@math.org\"") + "\n").totalEntities())
        .isEqualTo(1);
    assertError(
        fails(personWith("p", "\"email\":\"ada@math.org.uk\"") + "\n"),
        "check_violation",
        1,
        "Person.email = \"ada@math.org.uk\" does not match @check(email,",
        "the whole value must match");
  }

  @Test
  void absentValuesPassRangeAndCheck() {
    assertThat(merge(personWith("p", "\"age\":null,\"email\":null") + "\n").totalEntities())
        .isEqualTo(1);
  }

  @Test
  void uniqueWithinTheBatch() {
    LoadException e =
        fails(
            lines(
                personWith("a", "\"email\":\"a@x.org\""),
                person("b"),
                personWith("c", "\"email\":\"a@x.org\"")));
    assertError(
        e,
        "unique_violation",
        3,
        "@unique(email) of Person: \"a@x.org\" is already used on line 1");
  }

  @Test
  void uniqueIgnoresNullsAndLastWinsReplacements() {
    StagedBatch b =
        merge(
            lines(
                personWith("a", "\"email\":\"a@x.org\""),
                person("b"),
                person("c"),
                personWith("a", "\"email\":\"b@x.org\""),
                personWith("d", "\"email\":\"a@x.org\"")));
    assertThat(b.totalEntities()).isEqualTo(4);
  }

  @Test
  void uniqueAgainstTheGraphUnlessTheHolderIsReplaced() {
    GraphSnapshot g = ModesTest.graph(); // a has a@x.org
    assertError(
        fails(g, LoadMode.MERGE, lines(personWith("z", "\"email\":\"a@x.org\""))),
        "unique_violation",
        1,
        "already used by Person \"a\" in the graph");
    StagedBatch moved =
        load(
            g,
            LoadMode.MERGE,
            lines(
                personWith("z", "\"email\":\"a@x.org\""),
                personWith("a", "\"email\":\"q@x.org\"")));
    assertThat(moved.totalEntities()).isEqualTo(2);
    StagedBatch replaced =
        load(
            g,
            LoadMode.OVERWRITE,
            lines(personWith("z", "\"email\":\"a@x.org\""), person("a"), person("b")));
    assertThat(replaced.totalEntities()).isEqualTo(3);
  }

  @Test
  void compositeUniqueNeedsAllMembers() {
    StagedBatch ok =
        merge(
            lines(
                person("a"),
                note("n1", "t", null),
                note("n2", "t", null),
                note("n3", "t", "en"),
                wrote("n1", "a"),
                wrote("n2", "a"),
                wrote("n3", "a")));
    assertThat(ok.nodeCounts()).contains(new TypeCount("Note", 3));
    assertError(
        fails(
            lines(
                note("n1", "t", "en"),
                note("n2", "t", "en"),
                person("a"),
                wrote("n1", "a"),
                wrote("n2", "a"))),
        "unique_violation",
        2,
        "@unique(lang, text) of Note: [\"en\", \"t\"] is already used on line 1");
  }

  @Test
  void edgeUniqueOverEndpoints() {
    assertError(
        fails(lines(person("a"), note("n1", "t", null), wrote("n1", "a"), wrote("n1", "a"))),
        "unique_violation",
        4,
        "@unique(src, dst) of Wrote: [\"n1\", \"a\"] is already used on line 3");
  }

  @Test
  void edgeUniqueAgainstTheGraph() {
    // the graph has Wrote w1: n1 -> a
    LoadException e = fails(ModesTest.graph(), LoadMode.MERGE, lines(wrote("n1", "a")));
    assertError(e, "unique_violation", 1, "already used by Wrote \"w1\" in the graph");
  }

  @Test
  void cardMaxCountsBatchAndGraph() {
    assertError(
        fails(lines(person("a"), ORG, worksAt("a", ORG_ID), worksAt("a", ORG_ID))),
        "cardinality_violation",
        4,
        "this WorksAt edge gives Person \"a\" more than 1 WorksAt edge(s), over @card(0..1)");
  }

  @Test
  void cardMinForNewSourceNodes() {
    LoadException e =
        fails(lines(person("a"), note("n1", "t", null), note("n2", "u", null), wrote("n1", "a")));
    assertError(
        e,
        "cardinality_violation",
        3,
        "Note \"n2\" would have 0 Wrote edge(s), but @card(1..2) needs at least 1");
  }

  @Test
  void cardMaxWithTheGraphsEdges() {
    // n1 already wrote a; two more from the batch make 3 > 2
    String batch = lines(person("c"), person("d"), wrote("n1", "c"), wrote("n1", "d"));
    assertError(
        fails(ModesTest.graph(), LoadMode.MERGE, batch),
        "cardinality_violation",
        4,
        "this Wrote edge gives Note \"n1\" more than 2 Wrote edge(s), over @card(1..2)");
    assertThat(
            load(ModesTest.graph(), LoadMode.MERGE, lines(person("c"), wrote("n1", "c")))
                .totalEntities())
        .isEqualTo(2);
  }

  @Test
  void cardMinAfterMovingAnEdgeAway() {
    // w1 (n1 -> a) is re-pointed from n2: n1 is left with none
    String moved = "{\"edge\":\"Wrote\",\"from\":\"n2\",\"to\":\"a\",\"data\":{\"id\":\"w1\"}}";
    LoadException e = fails(ModesTest.graph(), LoadMode.MERGE, lines(note("n2", "x", null), moved));
    assertError(e, "cardinality_violation", 2, "Note \"n1\" would have 0 Wrote edge(s)");
  }

  @Test
  void cardMinWhenOverwriteReplacesTheEdgeType() {
    GraphSnapshot g =
        io.omnigraph.engine.graph.InMemoryGraph.builder(LoadTesting.catalog())
            .node("Person", "a", java.util.Map.of("slug", "a", "name", "A"))
            .node("Note", "n1", java.util.Map.of("text", "one"))
            .node("Note", "n2", java.util.Map.of("text", "two"))
            .edge("Wrote", "w1", "n1", "a", java.util.Map.of())
            .edge("Wrote", "w2", "n2", "a", java.util.Map.of())
            .build();
    LoadException e = fails(g, LoadMode.OVERWRITE, lines(person("b")));
    assertThat(e.code()).isEqualTo("dangling_edge"); // overwriting Person drops a
    LoadException gone = fails(g, LoadMode.OVERWRITE, lines(person("b"), wrote("n1", "a")));
    assertError(gone, "unknown_endpoint", 2, "overwrite replaces every Person");
    LoadException lost = fails(g, LoadMode.OVERWRITE, lines(wrote("n1", "a")));
    assertError(
        lost,
        "cardinality_violation",
        1,
        "Note \"n2\" (in the graph) would have 0 Wrote edge(s), but @card(1..2) needs at least 1");
    StagedBatch both = load(g, LoadMode.OVERWRITE, lines(wrote("n2", "a"), wrote("n1", "a")));
    assertThat(both.replacedEdgeTypes()).containsExactly("Wrote");
    StagedBatch notes = load(g, LoadMode.OVERWRITE, lines(note("n9", "t", null), wrote("n9", "a")));
    assertThat(notes.replacedNodeTypes()).containsExactly("Note");
  }
}
