package io.omnigraph.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Mutated bundles and test files never make the parsers throw; errors are coded and placed. */
class ParserFuzzProperties {
  private static final List<String> SEEDS =
      List.of(
          Fixtures.intel(),
          Fixtures.server(),
          "version: 1\ncases:\n  - {id: a, actor: x, action: read, branch: main, expect: allow}\n");

  @Property(tries = 3000)
  void mutatedInputNeverThrows(@ForAll("mutated") String text) {
    check(PolicyBundles.parse(text, "fuzz.yaml"));
    check(PolicyBundles.parse(text, "fuzz.yaml", BindingKind.GRAPH));
    check(PolicyBundles.parse(text, "fuzz.yaml", BindingKind.SERVER));
    check(PolicyTests.parse(text, "fuzz.yaml"));
  }

  @Property(tries = 1000)
  void yamlishSoupNeverThrows(@ForAll("soup") String text) {
    check(PolicyBundles.parse(text, "soup.yaml"));
    check(PolicyTests.parse(text, "soup.yaml"));
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

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<String> seed = Arbitraries.of(SEEDS);
    Arbitrary<String> insert =
        Arbitraries.strings().withChars(":-[]{},'\"\n #&*!|>\t~?").ofMaxLength(4);
    Arbitrary<Integer> where = Arbitraries.integers().between(0, 10_000);
    return Combinators.combine(seed, insert, where, where, Arbitraries.integers().between(0, 3))
        .as(ParserFuzzProperties::mutate);
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

  @Provide
  Arbitrary<String> soup() {
    Arbitrary<String> token =
        Arbitraries.of(
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
    return token.list().ofMaxSize(30).map(ts -> String.join("", ts));
  }
}
