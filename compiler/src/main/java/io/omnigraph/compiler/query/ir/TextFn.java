package io.omnigraph.compiler.query.ir;

import java.util.Locale;

/** The token-matching text predicates. */
public enum TextFn {
  SEARCH,
  FUZZY,
  MATCH_TEXT;

  public String spelling() {
    return name().toLowerCase(Locale.ROOT);
  }
}
