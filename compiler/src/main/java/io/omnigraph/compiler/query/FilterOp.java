package io.omnigraph.compiler.query;

import java.util.Optional;

/** The operators of a match filter and of a mutation {@code where} predicate. */
public enum FilterOp {
  EQ("="),
  NE("!="),
  LT("<"),
  LE("<="),
  GT(">"),
  GE(">="),
  CONTAINS("contains"),
  STARTS_WITH("starts_with");

  private final String spelling;

  FilterOp(String spelling) {
    this.spelling = spelling;
  }

  public String spelling() {
    return spelling;
  }

  /** {@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}. */
  public boolean isComparison() {
    return this != CONTAINS && this != STARTS_WITH;
  }

  /** {@code <}, {@code <=}, {@code >}, {@code >=}: operators that need an ordered type. */
  public boolean isOrdering() {
    return this == LT || this == LE || this == GT || this == GE;
  }

  public static Optional<FilterOp> fromSpelling(String s) {
    for (FilterOp op : values()) {
      if (op.spelling.equals(s)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }
}
