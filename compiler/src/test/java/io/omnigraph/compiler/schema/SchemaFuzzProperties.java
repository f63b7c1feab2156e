package io.omnigraph.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.compiler.testing.Mutations;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random and mutated schemas always yield a catalog or coded, positioned diagnostics. */
class SchemaFuzzProperties {
  private static final List<String> SEEDS =
      Fixtures.files(".pg").stream().map(Fixtures::read).toList();

  @Property(tries = 6000)
  void mutatedFixturesNeverThrow(@ForAll("mutatedSchemas") String text) {
    assertWellFormed(SchemaCompiler.compile("fuzz.pg", text));
  }

  @Property(tries = 4000)
  void tokenSoupNeverThrows(@ForAll("tokenSoup") String text) {
    assertWellFormed(SchemaCompiler.compile("fuzz.pg", text));
  }

  static void assertWellFormed(Result<CompiledSchema> r) {
    if (r.ok()) {
      assertThat(r.value().digest()).hasSize(64);
      return;
    }
    assertThat(r.errors()).isNotEmpty();
    for (Diagnostic d : r.errors()) {
      assertThat(d.code()).matches("S\\d{3}");
      assertThat(d.code()).as(d.message()).isNotEqualTo("S999");
      assertThat(d.line()).isGreaterThanOrEqualTo(1);
      assertThat(d.column()).isGreaterThanOrEqualTo(1);
      assertThat(d.message()).isNotBlank();
    }
  }

  @Provide
  Arbitrary<String> mutatedSchemas() {
    return Mutations.mutated(SEEDS);
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Mutations.tokenSoup(
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
            "\u0000"));
  }
}
