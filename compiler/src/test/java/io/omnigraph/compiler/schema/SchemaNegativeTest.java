package io.omnigraph.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad schemas: each case names the exact code and line:column of the first error. */
class SchemaNegativeTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        // --- syntax (S000) ---
        c("garbage at top level", "nodes Person {}", "S000", 1, 1),
        c("missing brace", "node Person\n  name: String\n}", "S000", 2, 3),
        c("lower-case type name", "node person { name: String }", "S000", 1, 6),
        c("upper-case property", "node Person { Name: String }", "S000", 1, 15),
        c("unknown scalar", "node P {\n  age: Int\n}", "S000", 2, 8),
        c("missing colon", "node P { name String }", "S000", 1, 15),
        c("unterminated string", "node P @description(\"abc\n) { }", "S000", 1, 21),
        c("edge without arrow", "node A {}\nedge E: A A", "S000", 2, 11),
        c("edge missing colon", "node A {}\nedge E A -> A", "S000", 2, 8),
        c("unknown list element type", "node P { tags: [Text] }", "S000", 1, 17),
        c("stray character", "node P { name: String # }", "S000", 1, 23),
        c("unbounded card star", "node A {}\nedge E: A -> A @card(0..*)", "S000", 2, 25),
        c(
            "annotation after implements",
            "interface I { a: I32 }\nnode P implements I @x { }",
            "S000",
            2,
            21),
        c("positional after keyword", "node P { v: Vector(2) @embed(model=\"m\") }", "S000", 1, 35),
        c("unterminated comment", "node P {}\n/* never closed", "S000", 2, 1),
        c("enum missing paren", "node P { k: enum(a, b }", "S000", 1, 23),
        c("interface annotated", "interface I @x { a: I32 }", "S000", 1, 13),
        c("body annotation alone", "node P { @description(\"x\") name: String }", "S000", 1, 11),
        // --- catalog ---
        c("duplicate node", "node A {}\nnode A {}", "S101", 2, 6),
        c("node and edge share a name", "node A {}\nedge A: A -> A", "S101", 2, 6),
        c("unknown interface", "node P implements Named { }", "S102", 1, 19),
        c("unknown edge source", "node A {}\nedge E: B -> A", "S103", 2, 9),
        c("unknown edge target", "node A {}\nedge E: A -> Z", "S103", 2, 14),
        c(
            "edge endpoint is an interface",
            "interface I {}\nnode A {}\nedge E: I -> A",
            "S103",
            3,
            9),
        c("edge case collision", "node A {}\nedge Knows: A -> A\nedge KNOWS: A -> A", "S104", 3, 6),
        c("duplicate property", "node P {\n  a: I32\n  a: String\n}", "S105", 3, 3),
        c("reserved system column", "node P { _rowid: I64 }", "S106", 1, 10),
        c("reserved id", "node P { id: String }", "S106", 1, 10),
        c("reserved src on edge", "node A {}\nedge E: A -> A { src: String }", "S106", 2, 18),
        c("key on list", "node P { tags: [String] @key }", "S107", 1, 25),
        c("unique on vector", "node P { v: Vector(3) @unique }", "S107", 1, 23),
        c("index on blob", "node P { b: Blob @index }", "S107", 1, 18),
        c("key on edge property", "node A {}\nedge E: A -> A { w: I32 @key }", "S107", 2, 25),
        c("nullable key", "node P { slug: String? @key }", "S107", 1, 24),
        c("embed on non-vector", "node P { t: String @embed(\"t\") }", "S107", 1, 20),
        c("constraint on unknown property", "node P {\n  a: I32\n  @unique(b)\n}", "S108", 3, 11),
        c("range on unknown property", "node P { @range(age, 0..10) }", "S108", 1, 17),
        c("description needs a string", "node P @description(3) { }", "S109", 1, 8),
        c("instruction on property", "node P { a: I32 @instruction(\"x\") }", "S109", 1, 17),
        c("embed source missing", "node P {\n  v: Vector(4) @embed(\"text\")\n}", "S109", 2, 3),
        c(
            "embed source not a string",
            "node P {\n  n: I32\n  v: Vector(4) @embed(\"n\")\n}",
            "S109",
            3,
            3),
        c("duplicate enum value", "node P { k: enum(a, b, a) }", "S110", 1, 24),
        c("zero vector dimension", "node P { v: Vector(0) }", "S111", 1, 13),
        c("huge vector dimension", "node P { v: Vector(3000000000) }", "S111", 1, 13),
        c(
            "interface type conflict",
            "interface I { a: I32 }\nnode P implements I {\n  a: String\n}",
            "S113",
            3,
            3),
        c("key twice on property", "node P { a: String @key @key }", "S114", 1, 25),
        c("two keys", "node P {\n  a: String @key\n  b: String\n  @key(b)\n}", "S114", 4, 3),
        c("range on string", "node P {\n  s: String\n  @range(s, 0..1)\n}", "S115", 3, 10),
        c("range min above max", "node P {\n  n: I32\n  @range(n, 10..1)\n}", "S115", 3, 3),
        c("check bad regex", "node P {\n  s: String\n  @check(s, \"[a-\")\n}", "S115", 3, 3),
        c("check on integer", "node P {\n  n: I32\n  @check(n, \"x\")\n}", "S115", 3, 10),
        c("card max below min", "node A {}\nedge E: A -> A @card(2..1)", "S116", 2, 16),
        c("key in edge body", "node A {}\nedge E: A -> A {\n  w: I32\n  @key(w)\n}", "S117", 4, 3),
        c("key as type annotation", "node P @key { a: String }", "S117", 1, 8),
        c("range as property annotation", "node P { n: I32 @range }", "S117", 1, 17));
  }

  private static Arguments c(String name, String schema, String code, int line, int col) {
    return Arguments.of(name, schema, code, line, col);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactCodeAndPosition(String name, String schema, String code, int line, int col) {
    Result<CompiledSchema> r = SchemaCompiler.compile("t.pg", schema);
    assertThat(r.ok()).as("should fail: %s", name).isFalse();
    Diagnostic first = r.errors().get(0);
    assertThat(first.code() + "@" + first.line() + ":" + first.column())
        .as("%s -> %s", name, first.render())
        .isEqualTo(code + "@" + line + ":" + col);
    assertThat(first.file()).isEqualTo("t.pg");
    assertThat(first.message()).isNotBlank();
  }
}
