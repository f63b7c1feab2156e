package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.fails;
import static io.omnigraph.engine.load.LoadTesting.knows;
import static io.omnigraph.engine.load.LoadTesting.lines;
import static io.omnigraph.engine.load.LoadTesting.merge;
import static io.omnigraph.engine.load.LoadTesting.person;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The envelope rules of 04 §2, one case each, always on line 2 after a valid line 1. */
class EnvelopeTest {
  static Stream<Arguments> badRecords() {
    return Stream.of(
        c(
            "both discriminators",
            "{\"type\":\"Person\",\"edge\":\"Knows\"}",
            "bad_record",
            "graph batch record must contain exactly one of 'type' or 'edge'"),
        c(
            "neither discriminator",
            "{\"data\":{}}",
            "bad_record",
            "graph batch record must contain exactly one of 'type' or 'edge'"),
        c("empty object", "{}", "bad_record", "exactly one of 'type' or 'edge'"),
        c(
            "unknown node key",
            "{\"type\":\"Person\",\"data\":{},\"extra\":1}",
            "bad_record",
            "unknown key 'extra'",
            "only 'type' and 'data'"),
        c(
            "from on a node",
            "{\"type\":\"Person\",\"from\":\"a\"}",
            "bad_record",
            "'from' belongs to edge records"),
        c(
            "top-level id",
            "{\"type\":\"Person\",\"id\":\"a\",\"data\":{}}",
            "bad_record",
            "'id' is a physical field",
            "data.id"),
        c(
            "top-level src on edge",
            "{\"edge\":\"Knows\",\"src\":\"a\",\"from\":\"a\",\"to\":\"b\"}",
            "bad_record",
            "'src' is a physical edge column",
            "'from' and 'to'"),
        c(
            "top-level system column",
            "{\"type\":\"Person\",\"_rowid\":1}",
            "bad_record",
            "'_rowid' is a storage system column"),
        c(
            "unknown edge key",
            "{\"edge\":\"Knows\",\"from\":\"a\",\"to\":\"b\",\"type2\":1}",
            "bad_record",
            "unknown key 'type2'",
            "'edge', 'from', 'to' and 'data'"),
        c(
            "type not a string",
            "{\"type\":3,\"data\":{}}",
            "bad_record",
            "'type' must be a node type name",
            "got a number"),
        c("empty type", "{\"type\":\"\",\"data\":{}}", "bad_record", "got an empty string"),
        c(
            "edge missing to",
            "{\"edge\":\"Knows\",\"from\":\"a\"}",
            "bad_record",
            "needs 'to'",
            "target node"),
        c(
            "numeric from",
            "{\"edge\":\"Knows\",\"from\":1,\"to\":\"b\"}",
            "bad_record",
            "'from' must be a node id string",
            "\"1\""),
        c(
            "data is a list",
            "{\"type\":\"Person\",\"data\":[1]}",
            "bad_record",
            "'data' must be a JSON object",
            "got a list"),
        c(
            "data is null",
            "{\"type\":\"Person\",\"data\":null}",
            "bad_record",
            "'data' must be a JSON object",
            "got null"),
        c(
            "src in edge data",
            "{\"edge\":\"Knows\",\"from\":\"a\",\"to\":\"a\",\"data\":{\"src\":\"a\"}}",
            "bad_record",
            "'src' may not appear in the data of edge Knows"),
        c(
            "dst in edge data",
            "{\"edge\":\"Knows\",\"from\":\"a\",\"to\":\"a\",\"data\":{\"dst\":\"a\"}}",
            "bad_record",
            "'dst' may not appear"),
        c(
            "system column in data",
            "{\"type\":\"Person\",\"data\":{\"_rowaddr\":1}}",
            "unknown_property",
            "'_rowaddr' is a storage system column"),
        c(
            "unknown property",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"x\",\"nmae\":\"y\"}}",
            "unknown_property",
            "node type Person has no property 'nmae'",
            "did you mean 'name'?"),
        c(
            "unknown edge property",
            "{\"edge\":\"Knows\",\"from\":\"a\",\"to\":\"a\",\"data\":{\"w\":1}}",
            "unknown_property",
            "edge type Knows has no property 'w'"),
        c(
            "unknown node type",
            "{\"type\":\"Persn\",\"data\":{}}",
            "unknown_type",
            "unknown node type 'Persn'",
            "did you mean 'Person'?"),
        c(
            "node type is case-sensitive",
            "{\"type\":\"person\",\"data\":{}}",
            "unknown_type",
            "did you mean 'Person'?",
            "matched exactly"),
        c(
            "edge name as node type",
            "{\"type\":\"Knows\",\"data\":{}}",
            "unknown_type",
            "Knows is an edge type"),
        c(
            "unknown edge type",
            "{\"edge\":\"Likes\",\"from\":\"a\",\"to\":\"b\"}",
            "unknown_type",
            "unknown edge type 'Likes'"),
        c(
            "node name as edge type",
            "{\"edge\":\"Person\",\"from\":\"a\",\"to\":\"b\"}",
            "unknown_type",
            "Person is a node type"),
        c("array line", "[1,2]", "bad_record", "expected a JSON object", "got a JSON array"),
        c("scalar line", "42", "bad_record", "got a JSON number"),
        c("broken JSON", "{\"type\":\"Person\",", "bad_record", "each line must be one complete"),
        c("syntax error", "{\"type\" \"Person\"}", "bad_record", "invalid JSON at column"),
        c(
            "trailing content",
            "{\"type\":\"Person\",\"data\":{}} {}",
            "bad_record",
            "unexpected content after the JSON object"),
        c("comment", "{\"type\":\"Person\"} // hi", "bad_record", "invalid JSON"),
        c(
            "NaN literal",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"x\",\"name\":\"n\",\"score\":NaN}}",
            "bad_record",
            "invalid JSON"),
        c(
            "duplicate top-level member",
            "{\"type\":\"Person\",\"type\":\"Person\"}",
            "duplicate_member",
            "member 'type' appears twice in the record"),
        c(
            "duplicate data member",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"a\",\"slug\":\"b\"}}",
            "duplicate_member",
            "member 'slug' appears twice in 'data'"),
        c(
            "duplicate nested member",
            "{\"type\":\"Person\",\"data\":{\"slug\":\"a\",\"name\":\"n\",\"tags\":[{\"a\":1,\"a\":2}]}}",
            "duplicate_member",
            "member 'a' appears twice in 'data.tags[0]'"),
        c(
            "id not a string",
            "{\"type\":\"Note\",\"data\":{\"id\":7,\"text\":\"t\"}}",
            "type_mismatch",
            "data.id of Note must be a non-empty string",
            "\"7\""),
        c(
            "empty id",
            "{\"type\":\"Note\",\"data\":{\"id\":\"\",\"text\":\"t\"}}",
            "type_mismatch",
            "data.id of Note must be a non-empty string"));
  }

  private static Arguments c(String name, String line, String code, String... parts) {
    return Arguments.of(name, line, code, parts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRecords")
  void rejectsWithCodeLineAndMessage(String name, String line2, String code, String[] parts) {
    LoadException e = fails(lines(person("a"), line2));
    assertError(e, code, 2, parts);
  }

  @Test
  void dataMayBeOmittedForTypesWithoutRequiredProperties() {
    StagedBatch b = merge(lines(person("a"), "{\"edge\":\"Knows\",\"from\":\"a\",\"to\":\"a\"}"));
    assertThat(b.edges("Knows").orElseThrow().size()).isEqualTo(1);
  }

  @Test
  void edgeNamesMatchCaseInsensitivelyAndReportTheDeclaredName() {
    StagedBatch b =
        merge(
            lines(
                person("a"),
                "{\"edge\":\"knows\",\"from\":\"a\",\"to\":\"a\"}",
                "{\"edge\":\"KNOWS\",\"from\":\"a\",\"to\":\"a\"}"));
    assertThat(b.edgeCounts()).containsExactly(new TypeCount("Knows", 2));
  }

  @Test
  void blankAndWhitespaceLinesAreSkippedButCounted() {
    LoadException e = fails("\n   \n\t\r\n" + person("a") + "\r\n\n{\"type\":\"Nope\"}\n");
    assertError(e, "unknown_type", 6);
  }

  @Test
  void crlfLineEndingsAndAMissingFinalNewlineAreFine() {
    StagedBatch b = merge(person("a") + "\r\n" + person("b"));
    assertThat(b.totalEntities()).isEqualTo(2);
    assertThat(b.lines()).isEqualTo(2);
  }

  @Test
  void membersMayComeInAnyOrder() {
    StagedBatch b =
        merge(
            lines(
                "{\"data\":{\"name\":\"A\",\"slug\":\"a\"},\"type\":\"Person\"}",
                "{\"data\":{},\"to\":\"a\",\"from\":\"a\",\"edge\":\"Knows\"}"));
    assertThat(b.totalEntities()).isEqualTo(2);
  }

  @Test
  void mixedNodeAndEdgeRecordsInOneFile() {
    StagedBatch b = merge(lines(person("a"), knows("a", "b"), person("b"), knows("b", "a")));
    assertThat(b.nodeCounts()).containsExactly(new TypeCount("Person", 2));
    assertThat(b.edgeCounts()).containsExactly(new TypeCount("Knows", 2));
  }

  @Test
  void theFirstBadLineStopsTheRead() {
    LoadException e = fails(lines(person("a"), "{\"type\":\"X\"}", "not json"));
    assertError(e, "unknown_type", 2);
  }

  @Test
  void nonUtf8BytesAreABadRecord() {
    byte[] bad = {'{', '"', 't', 'y', 'p', 'e', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'};
    LoadException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            LoadException.class,
            () ->
                LoadTesting.reader(LoadTesting.empty(), LoadMode.MERGE)
                    .build()
                    .read(new java.io.ByteArrayInputStream(bad)));
    assertError(e, "bad_record", 1, "invalid JSON");
  }
}
