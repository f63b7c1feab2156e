package io.omnigraph.compiler.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Severity;
import io.omnigraph.compiler.schema.SchemaLintCode.Family;
import io.omnigraph.compiler.schema.SchemaLintCode.Status;
import io.omnigraph.compiler.schema.SchemaLintCode.Tier;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The lint-code catalog matches the table of spec 02 §9. */
class SchemaLintCodeTest {

  @Test
  void catalogTable() {
    String table =
        Arrays.stream(SchemaLintCode.values())
            .map(
                c ->
                    String.join(
                        " | ",
                        c.code(),
                        c.family().title().orElseThrow(),
                        c.tier().wire(),
                        c.defaultSeverity().wire(),
                        c.meaning(),
                        c.status().wire()))
            .collect(Collectors.joining("\n"));
    assertThat(table)
        .isEqualTo(
            """
            OG-DS-101 | Destructive | destructive | error | removing a graph type that holds data | reserved
            OG-DS-102 | Destructive | destructive | error | removing a node type that holds data | in_catalog
            OG-DS-103 | Destructive | destructive | error | removing an edge type that holds data | in_catalog
            OG-DS-104 | Destructive | destructive | error | removing a property from a type that holds data | in_catalog
            OG-DS-105 | Destructive | destructive | error | removing a vector property that holds data | reserved
            OG-MF-103 | Maybe-fail | validated | error | new non-nullable property on a type that holds data (needs backfill) | shipped
            OG-MF-104 | Maybe-fail | validated | error | making a nullable property non-nullable | reserved
            OG-MF-106 | Maybe-fail | destructive | error | property type change (enum narrowing/rename/enum<->String) | shipped"""
                .stripIndent());
  }

  @Test
  void codesFollowTheirFamily() {
    for (SchemaLintCode c : SchemaLintCode.values()) {
      assertThat(c.code()).matches("OG-[A-Z]{2}-\\d{3}").startsWith("OG-" + c.family() + "-");
      assertThat(c.defaultSeverity()).isEqualTo(Severity.ERROR);
    }
  }

  @Test
  void byCode() {
    assertThat(SchemaLintCode.byCode("OG-MF-106")).contains(SchemaLintCode.CHANGE_PROPERTY_TYPE);
    assertThat(SchemaLintCode.byCode("OG-DS-104"))
        .contains(SchemaLintCode.REMOVE_PROPERTY_WITH_DATA);
    assertThat(SchemaLintCode.byCode("OG-XX-999")).isEmpty();
    assertThat(SchemaLintCode.byCode("og-mf-106")).isEmpty();
  }

  @Test
  void onlyTheShippedCodesAreEmittedAndFormatted() {
    assertThat(SchemaLintCode.values())
        .filteredOn(c -> c.status() == Status.SHIPPED)
        .containsExactly(SchemaLintCode.ADD_REQUIRED_PROPERTY, SchemaLintCode.CHANGE_PROPERTY_TYPE);
    assertThat(SchemaLintCode.ADD_REQUIRED_PROPERTY.format("adding 'age'"))
        .isEqualTo("[OG-MF-103] adding 'age'");
    assertThat(SchemaLintCode.CHANGE_PROPERTY_TYPE.tier()).isEqualTo(Tier.DESTRUCTIVE);
  }

  @Test
  void families() {
    assertThat(Arrays.stream(Family.values()).filter(Family::shipped))
        .containsExactly(Family.DS, Family.MF);
    assertThat(Family.values())
        .extracting(Enum::name)
        .containsExactly("DS", "MF", "CD", "BC", "NM", "OW", "NL", "VE", "ED", "LK");
    assertThat(Family.LK.title()).isEmpty();
  }
}
