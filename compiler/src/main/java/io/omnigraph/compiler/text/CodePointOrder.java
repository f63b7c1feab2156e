package io.omnigraph.compiler.text;

import java.util.Comparator;

/**
 * Lexicographic order by Unicode code point — the byte order of UTF-8, used for object keys, policy
 * rule ids and string values alike. It differs from {@link String#compareTo} (UTF-16 units) for
 * characters outside the Basic Multilingual Plane.
 */
public final class CodePointOrder {
  public static final Comparator<String> COMPARATOR = CodePointOrder::compare;

  private CodePointOrder() {}

  public static int compare(String a, String b) {
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
