package io.omnigraph.compiler.query.ir;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A literal value written in a query, already parsed and validated. */
public sealed interface Value {
  /** A string literal. */
  record Str(String value) implements Value {}

  /** An integer literal; always non-negative (there are no signed literals). */
  record Int(BigInteger value) implements Value {}

  /** A float literal. */
  record Float(double value) implements Value {}

  /** {@code true} or {@code false}. */
  record Bool(boolean value) implements Value {}

  /** {@code date("YYYY-MM-DD")}. */
  record Date(LocalDate value) implements Value {}

  /** {@code datetime("…")} (RFC 3339), as an instant. */
  record DateTime(Instant value) implements Value {}

  /** {@code [a, b, …]}; elements are scalars. */
  record ListOf(List<Value> items) implements Value {
    public ListOf {
      items = List.copyOf(items);
    }
  }
}
