package io.omnigraph.engine.exec;

import static io.omnigraph.engine.exec.Exec.col;
import static io.omnigraph.engine.exec.Exec.props;
import static io.omnigraph.engine.exec.Exec.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ParamTest {
  static final Catalog CATALOG =
      Exec.catalog(
          """
          node Person { name: String @key  age: I32?  big: I64?  seen: DateTime?  v: Vector(2)? }
          """);

  static final InMemoryGraph G =
      InMemoryGraph.builder(CATALOG)
          .node("Person", "ann", props("name", "ann", "age", 30L, "big", 9007199254740993L))
          .node("Person", "bob", props("name", "bob", "age", 40L, "seen", 1_700_000_000_000L))
          .build();

  static final String BY_NAME =
      "query q($name: String) { match { $p: Person { name: $name } } return { $p.age } }";

  private static void badParam(ThrowingCallable call, String... fragments) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            QueryExecutionException.class,
            e -> {
              assertThat(e.code()).isEqualTo("bad_param");
              assertThat(e.getMessage()).contains(fragments);
            });
  }

  @Test
  void missingRequiredParameterIsNamed() {
    badParam(() -> run(G, BY_NAME, "{}"), "$name", "missing required parameter", "String");
    badParam(() -> run(G, BY_NAME, null), "$name");
    badParam(() -> run(G, BY_NAME, "{\"name\": null}"), "$name");
  }

  @Test
  void wrongJsonTypeIsRefused() {
    badParam(() -> run(G, BY_NAME, "{\"name\": 3}"), "$name", "expected a string");
    String q = "query q($a: I32) { match { $p: Person { age: $a } } return { $p.name } }";
    badParam(() -> run(G, q, "{\"a\": \"x\"}"), "$a", "integer");
    badParam(() -> run(G, q, "{\"a\": 3000000000}"), "$a", "out of range");
    badParam(() -> run(G, q, "{\"a\": 1.5}"), "$a");
  }

  @Test
  void unknownParametersAreRefused() {
    badParam(() -> run(G, BY_NAME, "{\"name\": \"ann\", \"nme\": 1}"), "nme", "$name: String");
    badParam(
        () -> run(G, "query q() { match { $p: Person } return { $p.name } }", "{\"x\": 1}"),
        "no parameters");
    badParam(() -> run(G, BY_NAME, "{\"__nanograph_now\": 1, \"name\": \"ann\"}"), "unknown");
  }

  @Test
  void paramsMustBeAnObject() {
    badParam(() -> run(G, BY_NAME, "[1]"), "JSON object");
  }

  @Test
  void sixtyFourBitIntegersMayBeStrings() {
    String q = "query q($b: I64) { match { $p: Person { big: $b } } return { $p.name } }";
    assertThat(col(run(G, q, "{\"b\": \"9007199254740993\"}"))).containsExactly("ann");
    assertThat(col(run(G, q, "{\"b\": 9007199254740993}"))).containsExactly("ann");
  }

  @Test
  void datetimeParamsAcceptRfc3339AndEpochMillis() {
    String q = "query q($t: DateTime) { match { $p: Person  $p.seen >= $t } return { $p.name } }";
    assertThat(col(run(G, q, "{\"t\": \"2023-11-14T00:00:00Z\"}"))).containsExactly("bob");
    assertThat(col(run(G, q, "{\"t\": 1700000000001}"))).isEmpty();
    badParam(() -> run(G, q, "{\"t\": \"yesterday\"}"), "$t", "RFC 3339");
  }

  @Test
  void nowIsBoundOncePerExecutionFromTheClock() {
    Instant at = Instant.parse("2026-05-01T12:00:00Z");
    ExecOptions opts = ExecOptions.defaults().withClock(Clock.fixed(at, ZoneOffset.UTC));
    QueryResult r =
        run(
            G,
            "query q() { match { $p: Person  $p.seen < now() } return { $p.name, now() as t,"
                + " now() as u } }",
            null,
            opts);
    assertThat(r.values()).hasSize(1);
    assertThat(r.values().get(0)).containsExactly("bob", at.toEpochMilli(), at.toEpochMilli());
  }

  @Test
  void vectorParamsAreCheckedForDimension() {
    String q =
        "query q($v: Vector(2)) { match { $p: Person } return { $p.name }"
            + " order { nearest($p.v, $v) } limit 1 }";
    badParam(() -> run(G, q, "{\"v\": [1, 2, 3]}"), "$v", "2");
    String list =
        "query q($v: [F64]) { match { $p: Person } return { $p.name }"
            + " order { nearest($p.v, $v) } limit 1 }";
    badParam(() -> run(G, list, "{\"v\": [1, 2, 3]}"), "$v", "Vector(2)");
  }

  @Test
  void mutationsAreNotReads() {
    String m = "query m($n: String) { insert Person { name: $n } }";
    assertThatThrownBy(() -> run(G, m, "{\"n\": \"x\"}"))
        .isInstanceOfSatisfying(
            QueryExecutionException.class, e -> assertThat(e.code()).isEqualTo("not_a_read"));
  }

  @Test
  void intermediateRowsAreBounded() {
    ExecOptions opts = ExecOptions.defaults().withMaxIntermediateRows(3);
    assertThatThrownBy(
            () ->
                run(
                    G,
                    "query q() { match { $a: Person  $b: Person } return { $a.name } }",
                    null,
                    opts))
        .isInstanceOfSatisfying(
            QueryExecutionException.class, e -> assertThat(e.code()).isEqualTo("result_too_large"));
  }
}
