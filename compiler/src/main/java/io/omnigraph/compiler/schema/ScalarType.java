package io.omnigraph.compiler.schema;

import java.util.Optional;

/** The base scalar types of the schema language, spelled exactly as in source. */
public enum ScalarType {
  STRING("String"),
  BLOB("Blob"),
  BOOL("Bool"),
  I32("I32"),
  I64("I64"),
  U32("U32"),
  U64("U64"),
  F32("F32"),
  F64("F64"),
  DATETIME("DateTime"),
  DATE("Date");

  private final String spelling;

  ScalarType(String spelling) {
    this.spelling = spelling;
  }

  public String spelling() {
    return spelling;
  }

  public boolean isInteger() {
    return this == I32 || this == I64 || this == U32 || this == U64;
  }

  public boolean isFloat() {
    return this == F32 || this == F64;
  }

  public boolean isNumeric() {
    return isInteger() || isFloat();
  }

  public boolean isTemporal() {
    return this == DATE || this == DATETIME;
  }

  /** 64-bit integers travel as JSON strings in catalogs ({@code bigint}). */
  public boolean isWide() {
    return this == I64 || this == U64;
  }

  public static Optional<ScalarType> fromSpelling(String s) {
    for (ScalarType t : values()) {
      if (t.spelling.equals(s)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
