package io.omnigraph.compiler.schema;

import java.util.List;

/**
 * A constraint written in a type body: {@code @key(a, b)}, {@code @unique(p)}, {@code @index(p)},
 * {@code @range(p, 0..10)} or {@code @check(p, "regex")}.
 *
 * @param kind which constraint
 * @param properties the constrained properties (for range/check exactly one)
 * @param rangeMin lower bound as written (range only; {@code null} = open)
 * @param rangeMax upper bound as written (range only; {@code null} = open)
 * @param pattern the regular expression (check only)
 */
public record Constraint(
    Kind kind, List<String> properties, String rangeMin, String rangeMax, String pattern) {

  public enum Kind {
    KEY("key"),
    UNIQUE("unique"),
    INDEX("index"),
    RANGE("range"),
    CHECK("check");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }

    public static Kind fromWord(String w) {
      for (Kind k : values()) {
        if (k.word.equals(w)) {
          return k;
        }
      }
      return null;
    }
  }

  public Constraint {
    properties = List.copyOf(properties);
  }

  public static Constraint of(Kind kind, List<String> props) {
    return new Constraint(kind, props, null, null, null);
  }

  public String render() {
    StringBuilder sb = new StringBuilder("@").append(kind.word()).append('(');
    sb.append(String.join(", ", properties));
    if (kind == Kind.RANGE) {
      sb.append(", ")
          .append(rangeMin == null ? "" : rangeMin)
          .append("..")
          .append(rangeMax == null ? "" : rangeMax);
    } else if (kind == Kind.CHECK) {
      sb.append(", ").append(Literal.quote(pattern));
    }
    return sb.append(')').toString();
  }
}
