package io.omnigraph.compiler.query.ir;

import java.util.Locale;

/** The aggregate functions. */
public enum AggFn {
  COUNT,
  SUM,
  AVG,
  MIN,
  MAX;

  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
