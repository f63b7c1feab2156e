package io.omnigraph.engine.load;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Collection;
import java.util.Locale;

/** Small helpers for error messages: quoting, shortening and "did you mean" suggestions. */
final class Messages {
  private static final int MAX_SHOWN = 80;

  private Messages() {}

  /** A JSON-quoted, shortened spelling of a user value. */
  static String quote(String s) {
    String shown = s.length() > MAX_SHOWN ? s.substring(0, MAX_SHOWN) + "…" : s;
    return new TextNode(shown).toString();
  }

  /** " (did you mean 'x'?)" for the closest candidate within edit distance 2, else "". */
  static String suggest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = 3;
    for (String c : candidates) {
      int d =
          c.toLowerCase(Locale.ROOT).equals(wrong.toLowerCase(Locale.ROOT))
              ? 0
              : distance(wrong, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** Levenshtein distance, stopping early for long strings. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 2 || a.length() > 64 || b.length() > 64) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
