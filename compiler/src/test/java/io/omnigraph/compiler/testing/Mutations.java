package io.omnigraph.compiler.testing;

import java.util.List;
import java.util.Random;

/** Input generators for the compilers' robustness properties (text in, text out). */
public final class Mutations {
  private static final String EDIT_CHARS = "{}()[]:,.@$?\"-<>=/*\n aZ0";

  private Mutations() {}

  /** One of the seeds with 1–4 random edits: deletions, insertions, duplications, truncation. */
  public static String mutated(Random r, List<String> seeds) {
    String s = seeds.get(r.nextInt(seeds.size()));
    int edits = 1 + r.nextInt(4);
    for (int i = 0; i < edits && !s.isEmpty(); i++) {
      s = edit(r, s);
    }
    return s;
  }

  private static String edit(Random r, String s) {
    int at = r.nextInt(s.length());
    int len = Math.min(s.length() - at, 1 + r.nextInt(Math.max(1, s.length() / 20)));
    return switch (r.nextInt(5)) {
      case 0 -> s.substring(0, at) + s.substring(at + len);
      case 1 ->
          s.substring(0, at) + EDIT_CHARS.charAt(r.nextInt(EDIT_CHARS.length())) + s.substring(at);
      case 2 -> s.substring(0, at) + s.substring(at, at + len) + s.substring(at);
      case 3 -> s.substring(0, at);
      default -> at + len < s.length() ? swap(s, at, at + len) : s;
    };
  }

  /** Up to 60 random vocabulary tokens separated by random whitespace. */
  public static String tokenSoup(Random r, List<String> vocabulary) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(61);
    String[] seps = {"", " ", "\n", "\t"};
    for (int i = 0; i < n; i++) {
      sb.append(vocabulary.get(r.nextInt(vocabulary.size()))).append(seps[r.nextInt(seps.length)]);
    }
    return sb.toString();
  }

  private static String swap(String s, int i, int j) {
    char[] cs = s.toCharArray();
    char t = cs[i];
    cs[i] = cs[j];
    cs[j] = t;
    return new String(cs);
  }
}
