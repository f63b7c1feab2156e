package io.omnigraph.compiler.query;

/**
 * Diagnostic codes of the query language. Codes are stable; messages may improve.
 *
 * <ul>
 *   <li>{@code Q000} any syntax error in a {@code .gq} file (the lexer uses it too);
 *   <li>{@code Q001}–{@code Q005} declaration-level problems that are not types;
 *   <li>{@code T1}–{@code T24} type-check errors, one per class of 03 §8;
 *   <li>{@code L201} the lint warning for properties no update query sets;
 *   <li>{@code Q999} an internal compiler error (a bug; never expected).
 * </ul>
 */
public enum QueryCode {
  /** Parse error. */
  SYNTAX("Q000"),
  /** A mutation query mixes inserts/updates with deletes. */
  MIXED_MUTATION("Q001"),
  /** Two queries with the same name in one file. */
  DUPLICATE_QUERY("Q002"),
  /** Parameter declaration problem: duplicate, reserved, or clashing with a match variable. */
  INVALID_PARAM("Q003"),
  /** A query selected by name is not in the file (or a name is needed to choose one). */
  QUERY_NOT_FOUND("Q004"),
  /** Two projections name the same column with {@code as}. */
  DUPLICATE_ALIAS("Q005"),
  /** Internal compiler error. */
  INTERNAL("Q999"),
  T1("T1"),
  T2("T2"),
  T3("T3"),
  T4("T4"),
  T5("T5"),
  T6("T6"),
  T7("T7"),
  T8("T8"),
  T9("T9"),
  T10("T10"),
  T11("T11"),
  T12("T12"),
  T13("T13"),
  T14("T14"),
  T15("T15"),
  T16("T16"),
  T17("T17"),
  T18("T18"),
  T19("T19"),
  T20("T20"),
  T21("T21"),
  T22("T22"),
  T23("T23"),
  T24("T24"),
  /** Lint: a nullable property of an updated node type that no update query sets. */
  UNSET_PROPERTY("L201");

  private final String code;

  QueryCode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
