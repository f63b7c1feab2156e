package io.omnigraph.compiler.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The negative corpus: each query must fail, and its first diagnostic must carry the expected code
 * at the expected line and column. In the query text, {@code «} marks the expected position (it is
 * removed before compiling); cases written with explicit coordinates check them directly.
 */
class QueryNegativeTest {
  private static final char MARK = '«';

  record Case(String name, String code, String text) {
    @Override
    public String toString() {
      return code + " " + name;
    }
  }

  static Stream<Case> cases() {
    return NegativeCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void firstErrorHasCodeAndPosition(Case c) {
    int mark = c.text().indexOf(MARK);
    assertThat(mark).as("case needs a « marker").isGreaterThanOrEqualTo(0);
    String text = c.text().substring(0, mark) + c.text().substring(mark + 1);
    SourceText src = new SourceText("neg.gq", text);
    var expected = src.position(mark);
    Diagnostic first = firstError(src);
    assertThat(first.code() + " at " + first.line() + ":" + first.column())
        .as("%s → %s", c.name(), first.render())
        .isEqualTo(c.code() + " at " + expected.line() + ":" + expected.column());
    assertThat(first.message()).isNotBlank();
  }

  static Stream<Arguments> explicit() {
    return Stream.of(
        Arguments.of(
            "T1", 3, 9, "query q() {\n  match {\n    $p: Persn\n  }\n  return { $p }\n}\n"),
        Arguments.of(
            "T4",
            4,
            8,
            "query q() {\n  match {\n    $p: Person\n    $p knws $f\n  }\n  return { $f }\n}\n"),
        Arguments.of("Q000", 2, 1, "query q() {\n"),
        Arguments.of(
            "T17",
            4,
            11,
            "query q($v: Vector(3)) {\n  match { $p: Person }\n  return { $p.name }\n  order {"
                + " nearest($p.emb, $v) }\n}\n"));
  }

  @ParameterizedTest(name = "{0} at {1}:{2}")
  @MethodSource("explicit")
  void explicitCoordinates(String code, int line, int column, String text) {
    Diagnostic first = firstError(new SourceText("neg.gq", text));
    assertThat(first.code()).as(first.render()).isEqualTo(code);
    assertThat(first.line()).as(first.render()).isEqualTo(line);
    assertThat(first.column()).as(first.render()).isEqualTo(column);
  }

  @Test
  void corpusCoversEveryTypeCodeAndIsLargeEnough() {
    Set<String> codes = new TreeSet<>();
    NegativeCases.all().forEach(c -> codes.add(c.code()));
    List<String> missing = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      if (!codes.contains("T" + i)) {
        missing.add("T" + i);
      }
    }
    assertThat(missing).isEmpty();
    assertThat(codes).contains("Q000", "Q001", "Q002", "Q003", "Q005");
    assertThat(NegativeCases.all()).hasSizeGreaterThanOrEqualTo(45);
  }

  private static Diagnostic firstError(SourceText src) {
    var check = QueryCompiler.check(TestSchema.CATALOG, src);
    assertThat(check.ok()).as("expected a failure for:\n" + src.text()).isFalse();
    return check.diagnostics().stream()
        .filter(Diagnostic::isError)
        .min((a, b) -> Integer.compare(a.start(), b.start()))
        .orElseThrow();
  }
}
