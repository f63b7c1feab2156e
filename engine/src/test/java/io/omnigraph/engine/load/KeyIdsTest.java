package io.omnigraph.engine.load;

import static io.omnigraph.engine.load.LoadTesting.assertError;
import static io.omnigraph.engine.load.LoadTesting.catalog;
import static io.omnigraph.engine.load.LoadTesting.empty;
import static io.omnigraph.engine.load.LoadTesting.fails;
import static io.omnigraph.engine.load.LoadTesting.lines;
import static io.omnigraph.engine.load.LoadTesting.merge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.NodeType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Key-derived ids (02 §6): canonical spellings, composite order, supplied and legacy ids. */
class KeyIdsTest {
  private static final String KEYS =
      """
      node S { k: String @key }
      node B { k: Bool @key }
      node I { k: I64 @key }
      node U { k: U64 @key }
      node F { k: F64 @key }
      node G { k: F32 @key }
      node D { k: Date @key }
      node T { k: DateTime @key }
      node E { k: enum(x, y) @key }
      node C {
        name: String
        num: I64
        @key(num, name)
      }
      node R { n: I32 }
      edge L: R -> C
      """;

  private static String idOf(String type, String valueJson) {
    String line = "{\"type\":\"" + type + "\",\"data\":{\"k\":" + valueJson + "}}\n";
    StagedBatch b = LoadTesting.load(empty(catalog(KEYS)), LoadMode.MERGE, line);
    return b.nodes(type).orElseThrow().id(0);
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "S | \"Ada Lovelace\" | Ada Lovelace",
        "S | \"\" | ''",
        "B | true | true",
        "I | 42 | 42",
        "I | \"-9223372036854775808\" | -9223372036854775808",
        "I | \"0042\" | 42",
        "U | \"9223372036854775807\" | 9223372036854775807",
        "F | 1.50 | 1.5",
        "F | -0.0 | 0",
        "F | 0 | 0",
        "F | 1e21 | 1000000000000000000000",
        "F | 1.0E-7 | 0.0000001",
        "F | 0.1 | 0.1",
        "G | 0.1 | 0.1",
        "G | 16777217 | 16777216",
        "D | \"2024-01-02\" | 19724",
        "D | 19724 | 19724",
        "T | \"2024-01-02T03:04:05.5+00:00\" | 1704164645500",
        "T | 1704164645500 | 1704164645500",
        "E | \"y\" | y",
      })
  void singleKeysUseTheCanonicalScalarSpelling(String type, String json, String id) {
    assertThat(idOf(type, json)).isEqualTo(id);
  }

  @Test
  void compositeKeysAreAJsonArrayInStableIdOrder() {
    String line = "{\"type\":\"C\",\"data\":{\"num\":42,\"name\":\"acme\"}}\n";
    StagedBatch b = LoadTesting.load(empty(catalog(KEYS)), LoadMode.MERGE, line);
    assertThat(b.nodes("C").orElseThrow().id(0)).isEqualTo("[\"acme\",\"42\"]");
  }

  @Test
  void anInjectedKeyOrderDecidesTheCompositeOrder() {
    KeyOrder reversed = t -> t.keyProperties(); // the @key(num, name) list order
    String line = "{\"type\":\"C\",\"data\":{\"num\":42,\"name\":\"a\\\"b\"}}\n";
    StagedBatch b =
        LoadTesting.read(
            LoadTesting.reader(empty(catalog(KEYS)), LoadMode.MERGE).keyOrder(reversed), line);
    assertThat(b.nodes("C").orElseThrow().id(0)).isEqualTo("[\"42\",\"a\\\"b\"]");
  }

  @Test
  void publicDeriveMatchesTheLoader() {
    Catalog c = catalog(KEYS);
    NodeType t = c.node("C").orElseThrow();
    assertThat(KeyIds.derive(t, Map.of("num", 7L, "name", "x"), KeyOrder.DECLARATION))
        .isEqualTo("[\"x\",\"7\"]");
    assertThat(KeyIds.derive(c.node("D").orElseThrow(), Map.of("k", 3), KeyOrder.DECLARATION))
        .isEqualTo("3");
    assertThatThrownBy(
            () -> KeyIds.derive(c.node("R").orElseThrow(), Map.of(), KeyOrder.DECLARATION))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(KeyOrder.DECLARATION.keyProperties(t)).containsExactly("name", "num");
  }

  @Test
  void aSuppliedIdEqualToTheDerivedIdIsAccepted() {
    StagedBatch b =
        merge("{\"type\":\"Person\",\"data\":{\"id\":\"ada\",\"slug\":\"ada\",\"name\":\"A\"}}\n");
    assertThat(b.nodes("Person").orElseThrow().id(0)).isEqualTo("ada");
  }

  @Test
  void aSuppliedIdThatDiffersIsAnError() {
    LoadException e =
        fails(
            "{\"type\":\"Person\",\"data\":{\"id\":\"grace\",\"slug\":\"ada\",\"name\":\"A\"}}\n");
    assertError(
        e,
        "id_mismatch",
        1,
        "data.id \"grace\" of Person does not match the id its key derives, \"ada\"",
        "leave data.id out or write \"ada\"");
  }

  @Test
  void legacySpellingsAreAcceptedRewrittenAndFollowedByEdges() {
    String batch =
        lines(
            "{\"type\":\"D\",\"data\":{\"id\":\"2024-01-02\",\"k\":19724}}",
            "{\"type\":\"C\",\"data\":{\"id\":\"[\\\"42\\\",\\\"acme\\\"]\",\"num\":42,\"name\":\"acme\"}}",
            "{\"type\":\"R\",\"data\":{\"id\":\"r1\",\"n\":1}}",
            "{\"edge\":\"L\",\"from\":\"r1\",\"to\":\"[\\\"42\\\",\\\"acme\\\"]\"}");
    StagedBatch b = LoadTesting.load(empty(catalog(KEYS)), LoadMode.MERGE, batch);
    assertThat(b.nodes("D").orElseThrow().id(0)).isEqualTo("19724");
    assertThat(b.nodes("C").orElseThrow().id(0)).isEqualTo("[\"acme\",\"42\"]");
    assertThat(b.edges("L").orElseThrow().dst(0)).isEqualTo("[\"acme\",\"42\"]");
  }

  @Test
  void aLegacySpellingOfAnotherValueIsStillAMismatch() {
    LoadException e =
        LoadTesting.fails(
            empty(catalog(KEYS)),
            LoadMode.MERGE,
            "{\"type\":\"C\",\"data\":{\"id\":\"[\\\"43\\\",\\\"acme\\\"]\",\"num\":42,\"name\":\"acme\"}}\n");
    assertError(e, "id_mismatch", 1, "[\\\"acme\\\",\\\"42\\\"]");
  }

  @Test
  void unkeyedNodesAndEdgesTakeASuppliedIdOrAGeneratedUlid() {
    String batch =
        lines(
            "{\"type\":\"R\",\"data\":{\"id\":\"mine\",\"n\":1}}",
            "{\"type\":\"R\",\"data\":{\"n\":2}}",
            "{\"type\":\"R\",\"data\":{\"n\":3}}",
            "{\"type\":\"C\",\"data\":{\"num\":1,\"name\":\"c\"}}",
            "{\"edge\":\"L\",\"from\":\"mine\",\"to\":\"[\\\"c\\\",\\\"1\\\"]\"}",
            "{\"edge\":\"L\",\"from\":\"mine\",\"to\":\"[\\\"c\\\",\\\"1\\\"]\",\"data\":{\"id\":\"e1\"}}");
    StagedBatch b = LoadTesting.load(empty(catalog(KEYS)), LoadMode.MERGE, batch);
    StagedNodes r = b.nodes("R").orElseThrow();
    assertThat(r.id(0)).isEqualTo("mine");
    assertThat(List.of(r.id(1), r.id(2))).allSatisfy(id -> assertThat(id).hasSize(26));
    assertThat(r.id(1)).isLessThan(r.id(2));
    assertThat(Ulid.parse(r.id(1)).timeMs()).isEqualTo(1_700_000_000_000L);
    StagedEdges l = b.edges("L").orElseThrow();
    assertThat(l.id(0)).hasSize(26);
    assertThat(l.id(1)).isEqualTo("e1");
  }
}
