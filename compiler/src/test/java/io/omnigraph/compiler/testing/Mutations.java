package io.omnigraph.compiler.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Input generators for the compiler's robustness properties. */
public final class Mutations {
  private Mutations() {}

  /** A seed text with 1–4 random edits: deletions, insertions, duplications and truncation. */
  public static Arbitrary<String> mutated(List<String> seeds) {
    Arbitrary<String> seed = Arbitraries.of(seeds);
    Arbitrary<List<Edit>> edits = edit().list().ofMinSize(1).ofMaxSize(4);
    return Combinators.combine(seed, edits).as(Mutations::apply);
  }

  /** Random sequences of language tokens separated by random whitespace. */
  public static Arbitrary<String> tokenSoup(List<String> vocabulary) {
    Arbitrary<String> sep = Arbitraries.of("", " ", "\n", "\t");
    Arbitrary<String> piece =
        Combinators.combine(Arbitraries.of(vocabulary), sep).as((t, s) -> t + s);
    return piece.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  private record Edit(int kind, double where, double span, char ch) {}

  private static Arbitrary<Edit> edit() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4),
            Arbitraries.doubles().between(0, 1),
            Arbitraries.doubles().between(0, 0.05),
            Arbitraries.chars().with("{}()[]:,.@$?\"-<>=/*\n ").with('a', 'Z', '0'))
        .as(Edit::new);
  }

  private static String apply(String seed, List<Edit> edits) {
    String s = seed;
    for (Edit e : edits) {
      int at = (int) (e.where() * s.length());
      int len = Math.min(s.length() - at, (int) (e.span() * s.length()) + 1);
      s =
          switch (e.kind()) {
            case 0 -> s.substring(0, at) + s.substring(at + len);
            case 1 -> s.substring(0, at) + e.ch() + s.substring(at);
            case 2 -> s.substring(0, at) + s.substring(at, at + len) + s.substring(at);
            case 3 -> s.substring(0, at);
            default -> at + len < s.length() ? swap(s, at, at + len) : s;
          };
    }
    return s;
  }

  private static String swap(String s, int i, int j) {
    char[] cs = s.toCharArray();
    char t = cs[i];
    cs[i] = cs[j];
    cs[j] = t;
    return new String(cs);
  }
}
