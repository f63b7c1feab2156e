package io.omnigraph.compiler.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.lex.Lexer;
import io.omnigraph.compiler.lex.Token;
import io.omnigraph.compiler.lex.TokenKind;
import io.omnigraph.compiler.query.descriptor.OperationDescriptor;
import io.omnigraph.compiler.query.lint.QueryLinter;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.compiler.testing.PropertyCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Robustness properties: no input, however mangled, makes the query compiler throw or overflow the
 * stack. Every input yields either a successful result or at least one error diagnostic with a
 * code, a line and a column; internal errors ({@code Q999}) never happen. Inputs are fixture
 * queries mutated at token and character level, random token soup (bare or inside a valid query
 * skeleton) and random text — grammatical random queries (which must parse) — over 10,000 tries per
 * run, reproducible from fixed seeds.
 */
class QueryFuzzProperties {
  private static final List<String> VOCABULARY =
      List.of(
          "query",
          "match",
          "return",
          "order",
          "limit",
          "not",
          "insert",
          "update",
          "delete",
          "set",
          "where",
          "as",
          "asc",
          "desc",
          "{",
          "}",
          "(",
          ")",
          "[",
          "]",
          ",",
          ":",
          ".",
          "?",
          "@",
          "@description(\"d\")",
          "=",
          "!=",
          "<",
          "<=",
          ">",
          ">=",
          "contains",
          "starts_with",
          "$p",
          "$f",
          "$w",
          "$n",
          "$_",
          "$q",
          "$v",
          "Person",
          "Company",
          "Doc",
          "Knows",
          "knows",
          "worksAt",
          "about",
          "<knows>",
          "name",
          "age",
          "tags",
          "emb",
          "photo",
          "status",
          "slug",
          "text",
          "vec",
          "from",
          "to",
          "\"x\"",
          "\"active\"",
          "1",
          "0",
          "3",
          "1.5",
          "true",
          "date(\"2024-01-01\")",
          "datetime(\"2024-01-01T00:00:00Z\")",
          "now()",
          "nearest(",
          "bm25(",
          "rrf(",
          "search(",
          "fuzzy(",
          "match_text(",
          "count(",
          "sum(",
          "min(",
          "{1,3}",
          "{1,}",
          "$w:knows",
          "String",
          "I64",
          "Vector(3)",
          "[String]",
          "Blob",
          "\n",
          "//c\n",
          "/*",
          "*/",
          "\"",
          "-",
          "#",
          "é");

  private static final String SKELETON_HEAD =
      "query q($n: String, $v: Vector(3), $q: String, $i: I64) {\n  match {\n    $p: Person\n    ";
  private static final String SKELETON_TAIL = "\n  }\n  return { $p.name }\n}\n";

  private static final List<Sample> FIXTURES = loadFixtures();

  record Sample(Catalog catalog, String text) {}

  @Test
  void mutatedFixturesNeverThrow() {
    Random pick = new Random(7);
    PropertyCheck.forAll(
        "mutated fixtures",
        5000,
        rnd -> mutate(FIXTURES.get(rnd.nextInt(FIXTURES.size())).text(), rnd),
        text -> holds(FIXTURES.get(pick.nextInt(FIXTURES.size())).catalog(), text));
  }

  @Test
  void mutatedFixturesAgainstTheirOwnSchemaNeverThrow() {
    for (int f = 0; f < FIXTURES.size(); f++) {
      Sample s = FIXTURES.get(f);
      PropertyCheck.forAll(
          "mutated fixture #" + f, 200, rnd -> mutate(s.text(), rnd), t -> holds(s.catalog(), t));
    }
  }

  @Test
  void tokenSoupNeverThrows() {
    PropertyCheck.forAll(
        "token soup", 2500, rnd -> soup(rnd, 1 + rnd.nextInt(60)), this::holdsTest);
  }

  @Test
  void tokenSoupInsideAQueryNeverThrows() {
    PropertyCheck.forAll(
        "token soup in a query",
        2000,
        rnd -> SKELETON_HEAD + soup(rnd, 1 + rnd.nextInt(25)) + SKELETON_TAIL,
        this::holdsTest);
  }

  @Test
  void grammaticalQueriesParseAndNeverThrow() {
    PropertyCheck.forAll(
        "grammatical queries",
        2500,
        rnd -> new QueryGen(rnd).file(),
        text -> {
          var parsed = QueryCompiler.parse(new SourceText("gen.gq", text));
          assertThat(parsed.diagnostics()).as("a grammatical query must parse").isEmpty();
          holds(TestSchema.CATALOG, text);
        });
  }

  @Test
  void randomTextNeverThrows() {
    PropertyCheck.forAll("random text", 1000, QueryFuzzProperties::randomText, this::holdsTest);
  }

  @Test
  void deepNestingIsADiagnosticNotAStackOverflow() {
    List<String> inputs =
        List.of(
            "query q() { match { " + "not { ".repeat(5000) + "$p: Person" + " }".repeat(5000),
            "query q() { match { $p: Person } return { " + "count(".repeat(5000) + "$p } }",
            "query q() { match { $p: Person { tags: " + "[".repeat(20000) + " } } return { $p } }",
            "query q() { match { $p: Person } return { $p } }".repeat(2000),
            "{".repeat(50000),
            "query q(" + "$a: String, ".repeat(3000) + ") { match { $p: Person } return { $p } }");
    inputs.forEach(this::holdsTest);
  }

  private void holdsTest(String text) {
    holds(TestSchema.CATALOG, text);
  }

  /** The property: a result or coded, positioned errors; never an exception or Q999. */
  static void holds(Catalog catalog, String text) {
    SourceText src = new SourceText("fuzz.gq", text);
    QueryFileCheck check = QueryCompiler.check(catalog, src);
    List<Diagnostic> all = check.diagnostics();
    for (Diagnostic d : all) {
      assertThat(d.code()).isNotBlank().isNotEqualTo(QueryCode.INTERNAL.code());
      assertThat(d.line()).as(d.render()).isGreaterThanOrEqualTo(1);
      assertThat(d.column()).as(d.render()).isGreaterThanOrEqualTo(1);
      assertThat(d.message()).isNotBlank();
    }
    if (!check.ok()) {
      assertThat(all).anyMatch(Diagnostic::isError);
    }
    for (QueryOutcome q : check.queries()) {
      if (q.ok()) {
        assertThat(OperationDescriptor.describe(q.result().value())).isNotNull();
      }
    }
    var report = QueryLinter.lint(catalog, src, JsonNodeFactory.instance.objectNode());
    assertThat(report.toJson().get("status").asText()).isIn("ok", "error");
  }

  // ── generators ──

  static String mutate(String text, Random rnd) {
    String out = text;
    int rounds = 1 + rnd.nextInt(4);
    for (int r = 0; r < rounds; r++) {
      out = rnd.nextBoolean() ? mutateTokens(out, rnd) : mutateChars(out, rnd);
    }
    return out;
  }

  private static String mutateTokens(String text, Random rnd) {
    List<Token> tokens = tokens(text);
    if (tokens.isEmpty()) {
      return soup(rnd, 3);
    }
    Token a = tokens.get(rnd.nextInt(tokens.size()));
    Token b = tokens.get(rnd.nextInt(tokens.size()));
    String sa = text.substring(a.start(), a.end());
    return switch (rnd.nextInt(4)) {
      case 0 -> text.substring(0, a.start()) + text.substring(a.end());
      case 1 -> text.substring(0, a.end()) + " " + sa + text.substring(a.end());
      case 2 -> swap(text, a, b);
      default ->
          text.substring(0, a.start())
              + VOCABULARY.get(rnd.nextInt(VOCABULARY.size()))
              + " "
              + text.substring(a.start());
    };
  }

  private static String swap(String text, Token a, Token b) {
    if (a.start() == b.start()) {
      return text;
    }
    Token first = a.start() < b.start() ? a : b;
    Token second = first == a ? b : a;
    if (first.end() > second.start()) {
      return text;
    }
    return text.substring(0, first.start())
        + text.substring(second.start(), second.end())
        + text.substring(first.end(), second.start())
        + text.substring(first.start(), first.end())
        + text.substring(second.end());
  }

  private static String mutateChars(String text, Random rnd) {
    if (text.isEmpty()) {
      return randomText(rnd);
    }
    int i = rnd.nextInt(text.length());
    int j = Math.min(text.length(), i + 1 + rnd.nextInt(40));
    return switch (rnd.nextInt(4)) {
      case 0 -> text.substring(0, i) + text.substring(j);
      case 1 -> text.substring(0, i);
      case 2 -> text.substring(0, j) + text.substring(i);
      default -> text.substring(0, i) + (char) (32 + rnd.nextInt(95)) + text.substring(i);
    };
  }

  private static List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    for (Token t : Lexer.lex(new SourceText("m", text), "Q000", new ArrayList<>())) {
      if (t.kind() != TokenKind.EOF) {
        out.add(t);
      }
    }
    return out;
  }

  static String soup(Random rnd, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(VOCABULARY.get(rnd.nextInt(VOCABULARY.size())));
      sb.append(rnd.nextInt(5) == 0 ? '\n' : ' ');
    }
    return sb.toString();
  }

  static String randomText(Random rnd) {
    int n = rnd.nextInt(120);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int kind = rnd.nextInt(10);
      sb.append(
          kind < 7
              ? (char) (32 + rnd.nextInt(95))
              : kind < 9 ? "{}()$:\n\"".charAt(rnd.nextInt(8)) : (char) rnd.nextInt(0x3000));
    }
    return sb.toString();
  }

  private static List<Sample> loadFixtures() {
    List<Sample> out = new ArrayList<>();
    for (Path p : Fixtures.files(".gq")) {
      out.add(new Sample(QueryFixturesTest.catalogFor(p), Fixtures.read(p)));
    }
    return out;
  }
}
