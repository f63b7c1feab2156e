package io.omnigraph.compiler.schema;

/**
 * Diagnostic codes for schema compilation. Codes are stable; messages may improve.
 *
 * <p>{@code S000} is any syntax error; {@code S1xx} are catalog (name resolution and placement)
 * errors. Migration lint codes ({@code OG-…}) live in {@link SchemaLintCode}.
 */
public enum SchemaCode {
  SYNTAX("S000"),
  DUPLICATE_TYPE("S101"),
  UNKNOWN_INTERFACE("S102"),
  UNKNOWN_ENDPOINT("S103"),
  EDGE_NAME_COLLISION("S104"),
  DUPLICATE_PROPERTY("S105"),
  RESERVED_NAME("S106"),
  INVALID_CONSTRAINT_TARGET("S107"),
  UNKNOWN_CONSTRAINT_PROPERTY("S108"),
  INVALID_ANNOTATION("S109"),
  INVALID_ENUM("S110"),
  INVALID_VECTOR("S111"),
  INVALID_NAME("S112"),
  INTERFACE_CONFLICT("S113"),
  DUPLICATE_CONSTRAINT("S114"),
  INVALID_RANGE_OR_CHECK("S115"),
  INVALID_CARDINALITY("S116"),
  MISPLACED_CONSTRAINT("S117");

  private final String code;

  SchemaCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
