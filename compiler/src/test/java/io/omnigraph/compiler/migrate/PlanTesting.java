package io.omnigraph.compiler.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.json.CanonicalJson;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;

/** Shared helpers for planner tests. */
final class PlanTesting {
  private PlanTesting() {}

  static CompiledSchema compile(String text) {
    Result<CompiledSchema> r = SchemaCompiler.compile("test.pg", text);
    assertThat(r.errors()).as("schema must compile:\n" + text).isEmpty();
    return r.value();
  }

  static Catalog catalog(String text) {
    return compile(text).catalog();
  }

  static SchemaMigrationPlan plan(String accepted, String desired) {
    return MigrationPlanner.plan(catalog(accepted), catalog(desired));
  }

  /**
   * JSON written with single quotes for readable expectations; {@code #} stands for a literal
   * single quote inside a string.
   */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').replace('#', '\'');
  }

  /** The compact JSON of a step or plan, fields in insertion order. */
  static String compact(com.fasterxml.jackson.databind.JsonNode node) {
    try {
      return CanonicalJson.MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
