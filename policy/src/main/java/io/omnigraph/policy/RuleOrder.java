package io.omnigraph.policy;

import java.util.Comparator;

/**
 * Lexicographic order by Unicode code point (the byte order of UTF-8, as Cedar compares policy
 * ids), which differs from {@link String#compareTo} for characters outside the Basic Multilingual
 * Plane.
 */
final class RuleOrder {
  static final Comparator<String> CODE_POINTS = RuleOrder::compare;

  private RuleOrder() {}

  static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
