package io.omnigraph.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.compiler.testing.Mutations;
import io.omnigraph.compiler.testing.PropertyCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Robustness: 10,000 random and mutated schemas per run (new inputs each run; see {@link
 * PropertyCheck}) always yield a catalog or coded, positioned diagnostics — never an exception and
 * never an internal error ({@code S999}).
 */
class SchemaFuzzProperties {
  private static final List<String> SEEDS =
      Fixtures.files(".pg").stream().map(Fixtures::read).toList();
  private static final List<String> VOCABULARY =
      List.of(
          "node",
          "edge",
          "interface",
          "implements",
          "Person",
          "Knows",
          "name",
          "age",
          ":",
          "String",
          "I32",
          "Vector",
          "enum",
          "(",
          ")",
          "{",
          "}",
          "[",
          "]",
          "?",
          "@key",
          "@unique",
          "@index",
          "@range",
          "@check",
          "@card",
          "@embed",
          "@description",
          "..",
          "->",
          ",",
          "\"x\"",
          "0",
          "1",
          "-",
          "=",
          "model",
          "\n",
          "//c\n",
          "/*",
          "*/",
          "$",
          "ä",
          "\u0000",
          "@rename_from(\"old\")",
          "Vector(3)",
          "[String]",
          "enum(a, b-c)");

  @Test
  void mutatedFixturesNeverThrow() {
    PropertyCheck.forAll(
        "mutated schemas", 6000, r -> Mutations.mutated(r, SEEDS), SchemaFuzzProperties::holds);
  }

  @Test
  void tokenSoupNeverThrows() {
    PropertyCheck.forAll(
        "schema token soup",
        4000,
        r -> Mutations.tokenSoup(r, VOCABULARY),
        SchemaFuzzProperties::holds);
  }

  static void holds(String text) {
    Result<CompiledSchema> r = SchemaCompiler.compile("fuzz.pg", text);
    if (r.ok()) {
      assertThat(r.value().digest()).hasSize(64);
      return;
    }
    assertThat(r.errors()).isNotEmpty();
    for (Diagnostic d : r.errors()) {
      assertThat(d.code()).as(d.message()).matches("S\\d{3}").isNotEqualTo("S999");
      assertThat(d.line()).isGreaterThanOrEqualTo(1);
      assertThat(d.column()).isGreaterThanOrEqualTo(1);
      assertThat(d.message()).isNotBlank();
    }
  }
}
