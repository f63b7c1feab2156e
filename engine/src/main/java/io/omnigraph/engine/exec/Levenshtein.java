package io.omnigraph.engine.exec;

/** Bounded Levenshtein distance over code points (insert, delete, substitute cost 1). */
final class Levenshtein {
  private Levenshtein() {}

  /** Whether {@code a} and {@code b} are at most {@code k} edits apart. */
  static boolean within(String a, String b, int k) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    if (Math.abs(x.length - y.length) > k) {
      return false;
    }
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      for (int j = 1; j <= y.length; j++) {
        int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
        rowMin = Math.min(rowMin, cur[j]);
      }
      if (rowMin > k) {
        return false;
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length] <= k;
  }
}
