package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.testing.PropertyCheck;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated bundles and test files never make the parsers throw; errors are coded and placed (new
 * inputs each run; see {@link PropertyCheck}).
 */
class ParserFuzzProperties {
  private static final List<String> SEEDS =
      List.of(
          Fixtures.intel(),
          Fixtures.server(),
          "version: 1\ncases:\n  - {id: a, actor: x, action: read, branch: main, expect: allow}\n");
  private static final String INSERT_CHARS = ":-[]{},'\"\n #&*!|>\t~?";
  private static final List<String> SOUP_TOKENS =
      List.of(
          "version: 1\n",
          "kind: server\n",
          "groups:",
          " g: [a]",
          "rules:",
          "\n  - ",
          "id: r",
          " allow: {",
          "actors: {group: g}",
          "actions: [read]",
          "}",
          "branch_scope: any",
          "cases:",
          "expect: allow",
          "&x ",
          "*x",
          "---\n",
          "\n",
          "  ",
          ": ",
          "- ",
          "[",
          "]",
          "'",
          "\"",
          "version: 1\n");

  @Test
  void mutatedInputNeverThrows() {
    PropertyCheck.forAll(
        "policy mutated input",
        3000,
        ParserFuzzProperties::mutated,
        text -> {
          check(PolicyBundles.parse(text, "fuzz.yaml"));
          check(PolicyBundles.parse(text, "fuzz.yaml", BindingKind.GRAPH));
          check(PolicyBundles.parse(text, "fuzz.yaml", BindingKind.SERVER));
          check(PolicyTests.parse(text, "fuzz.yaml"));
        });
  }

  @Test
  void yamlishSoupNeverThrows() {
    PropertyCheck.forAll(
        "policy yaml soup",
        1000,
        ParserFuzzProperties::soup,
        text -> {
          check(PolicyBundles.parse(text, "soup.yaml"));
          check(PolicyTests.parse(text, "soup.yaml"));
        });
  }

  static void check(PolicyResult<?> r) {
    if (r.ok()) {
      return;
    }
    assertThat(r.errors()).isNotEmpty();
    for (PolicyError e : r.errors()) {
      assertThat(e.message()).isNotBlank();
      assertThat(e.line()).isGreaterThanOrEqualTo(0);
      assertThat(e.source()).endsWith(".yaml");
      assertThat(e.render()).contains(e.message());
    }
  }

  // ---- generators ----

  /** A seed with one edit: an insertion, a deletion, a duplication or a replacement. */
  static String mutated(Random r) {
    String seed = SEEDS.get(r.nextInt(SEEDS.size()));
    StringBuilder insert = new StringBuilder();
    for (int n = r.nextInt(5); n > 0; n--) {
      insert.append(INSERT_CHARS.charAt(r.nextInt(INSERT_CHARS.length())));
    }
    return mutate(seed, insert.toString(), r.nextInt(10_001), r.nextInt(10_001), r.nextInt(4));
  }

  static String mutate(String seed, String insert, int at, int len, int op) {
    int i = at % (seed.length() + 1);
    int j = Math.min(seed.length(), i + len % 12);
    return switch (op) {
      case 0 -> seed.substring(0, i) + insert + seed.substring(i);
      case 1 -> seed.substring(0, i) + seed.substring(j);
      case 2 -> seed.substring(0, j) + seed.substring(i, j) + seed.substring(j);
      default -> seed.substring(0, i) + insert + seed.substring(j);
    };
  }

  /** Up to 30 YAML-ish tokens, concatenated. */
  static String soup(Random r) {
    StringBuilder sb = new StringBuilder();
    for (int n = r.nextInt(31); n > 0; n--) {
      sb.append(SOUP_TOKENS.get(r.nextInt(SOUP_TOKENS.size())));
    }
    return sb.toString();
  }
}
