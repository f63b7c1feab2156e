package io.omnigraph.cli.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Alias positional arguments take the JSON type of the parameter kind the catalog declares. */
class AliasArgsTest {
  @Test
  void argumentsAreTypedByKind() {
    assertThat(AliasCommand.typed("20", "int").isIntegralNumber()).isTrue();
    assertThat(AliasCommand.typed("9007199254740993", "bigint").isTextual()).isTrue();
    assertThat(AliasCommand.typed("-9007199254740991", "bigint").asLong())
        .isEqualTo(-9007199254740991L);
    assertThat(AliasCommand.typed("0.5", "float").asDouble()).isEqualTo(0.5);
    assertThat(AliasCommand.typed("true", "bool").asBoolean()).isTrue();
    assertThat(AliasCommand.typed("yes", "bool").isTextual()).isTrue();
    assertThat(AliasCommand.typed("2026", "string").isTextual()).isTrue();
    assertThat(AliasCommand.typed("2026", null).isTextual()).isTrue();
    assertThat(AliasCommand.typed("x", "int").asText()).isEqualTo("x");
  }
}
