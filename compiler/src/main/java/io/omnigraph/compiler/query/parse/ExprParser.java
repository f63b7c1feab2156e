package io.omnigraph.compiler.query.parse;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.lex.ParserBase;
import io.omnigraph.compiler.lex.Token;
import io.omnigraph.compiler.lex.TokenKind;
import io.omnigraph.compiler.query.FilterOp;
import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.AliasRef;
import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Expr;
import io.omnigraph.compiler.query.ast.QueryAst.Lit;
import io.omnigraph.compiler.query.ast.QueryAst.LitKind;
import io.omnigraph.compiler.query.ast.QueryAst.Name;
import io.omnigraph.compiler.query.ast.QueryAst.Now;
import io.omnigraph.compiler.query.ast.QueryAst.Prop;
import io.omnigraph.compiler.query.ast.QueryAst.Var;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expressions, literals and names of the query language: the bottom layer of the {@code .gq}
 * parser. Keywords are contextual: a word is a call or literal form only when {@code (} follows.
 */
abstract class ExprParser extends ParserBase {
  /** Function name → {min, max} argument count. */
  private static final Map<String, int[]> ARITY =
      Map.ofEntries(
          Map.entry("nearest", new int[] {2, 2}),
          Map.entry("search", new int[] {2, 2}),
          Map.entry("fuzzy", new int[] {2, 3}),
          Map.entry("match_text", new int[] {2, 2}),
          Map.entry("bm25", new int[] {2, 2}),
          Map.entry("rrf", new int[] {2, 3}),
          Map.entry("count", new int[] {1, 1}),
          Map.entry("sum", new int[] {1, 1}),
          Map.entry("avg", new int[] {1, 1}),
          Map.entry("min", new int[] {1, 1}),
          Map.entry("max", new int[] {1, 1}));

  private static final Map<String, String> USAGE =
      Map.ofEntries(
          Map.entry("nearest", "nearest($x.vector, $query)"),
          Map.entry("search", "search($x.text, $query)"),
          Map.entry("fuzzy", "fuzzy($x.text, $query) or fuzzy($x.text, $query, 2)"),
          Map.entry("match_text", "match_text($x.text, $query)"),
          Map.entry("bm25", "bm25($x.text, $query)"),
          Map.entry("rrf", "rrf(nearest(…), bm25(…)) or rrf(nearest(…), bm25(…), 60)"),
          Map.entry("count", "count($x)"),
          Map.entry("sum", "sum($x.prop)"),
          Map.entry("avg", "avg($x.prop)"),
          Map.entry("min", "min($x.prop)"),
          Map.entry("max", "max($x.prop)"));

  ExprParser(SourceText src, List<Diagnostic> diagnostics) {
    super(src, QueryCode.SYNTAX.code(), diagnostics);
  }

  /** Any expression of the {@code expr} rule. */
  protected Expr expr() {
    enter();
    try {
      return exprInner();
    } finally {
      leave();
    }
  }

  private Expr exprInner() {
    Token t = peek();
    switch (t.kind()) {
      case VAR:
        return varOrProp();
      case STRING, INT, FLOAT, LBRACKET:
        return literal();
      case IDENT:
        return wordExpr(t);
      case MINUS:
        throw fail(t, "negative literals are not supported; pass negative numbers as parameters");
      default:
        throw fail(
            t,
            "expected an expression ($var, $var.prop, a literal, now() or a function call), found "
                + t.describe());
    }
  }

  private Expr wordExpr(Token t) {
    if (peek(1).is(TokenKind.LPAREN)) {
      return switch (t.text()) {
        case "now" -> now();
        case "date", "datetime" -> literal();
        default -> call(t);
      };
    }
    if (t.isWord("true") || t.isWord("false")) {
      return literal();
    }
    advance();
    return new AliasRef(name(t));
  }

  private Expr varOrProp() {
    Token v = advance();
    if (!at(TokenKind.DOT)) {
      return new Var(varName(v));
    }
    advance();
    Token p = peek();
    if (!p.is(TokenKind.IDENT)) {
      throw fail(p, "expected a property name after '" + v.text() + ".', found " + p.describe());
    }
    advance();
    return new Prop(varName(v), name(p), v.start(), p.end());
  }

  private Now now() {
    Token n = advance();
    advance();
    expect(TokenKind.RPAREN, "')' after now(; now() takes no arguments");
    return new Now(n.start(), lastEnd());
  }

  private Call call(Token fn) {
    int[] arity = ARITY.get(fn.text());
    if (arity == null) {
      throw fail(
          fn,
          "unknown function '"
              + fn.text()
              + "'; available are nearest, search, fuzzy, match_text, bm25, rrf, count, sum, avg,"
              + " min, max and now");
    }
    advance();
    advance();
    List<Expr> args = new ArrayList<>();
    if (!at(TokenKind.RPAREN)) {
      args.add(expr());
      while (accept(TokenKind.COMMA)) {
        args.add(expr());
      }
    }
    Token close = peek();
    if (!close.is(TokenKind.RPAREN)) {
      throw fail(
          close,
          "expected ',' or ')' in " + fn.text() + "(…), found " + close.describe() + usage(fn));
    }
    advance();
    if (args.size() < arity[0] || args.size() > arity[1]) {
      throw fail(fn, fn.text() + " takes " + arityText(arity) + usage(fn));
    }
    return new Call(name(fn), args, fn.start(), lastEnd());
  }

  private static String arityText(int[] arity) {
    String n = arity[0] == arity[1] ? "" + arity[0] : arity[0] + " or " + arity[1];
    return n + (arity[1] == 1 ? " argument" : " arguments");
  }

  private static String usage(Token fn) {
    return "; write " + USAGE.get(fn.text());
  }

  /** {@code literal | $var | now()}: the value of a property match, assignment or predicate. */
  protected Expr matchValue() {
    Token t = peek();
    if (t.is(TokenKind.VAR)) {
      advance();
      return new Var(varName(t));
    }
    if (t.isWord("now") && peek(1).is(TokenKind.LPAREN)) {
      return now();
    }
    if (isLiteralStart(t)) {
      return literal();
    }
    throw fail(
        t,
        "expected a value (a literal, a $parameter or now()), found "
            + t.describe()
            + (t.is(TokenKind.MINUS) ? "; pass negative numbers as parameters" : ""));
  }

  private boolean isLiteralStart(Token t) {
    return switch (t.kind()) {
      case STRING, INT, FLOAT, LBRACKET -> true;
      case IDENT ->
          t.isWord("true")
              || t.isWord("false")
              || ((t.isWord("date") || t.isWord("datetime")) && peek(1).is(TokenKind.LPAREN));
      default -> false;
    };
  }

  /** A literal: string, number, boolean, {@code date("…")}, {@code datetime("…")} or a list. */
  protected Lit literal() {
    enter();
    try {
      return literalInner();
    } finally {
      leave();
    }
  }

  private Lit literalInner() {
    Token t = peek();
    switch (t.kind()) {
      case STRING:
        advance();
        return simple(LitKind.STRING, t);
      case INT:
        advance();
        return simple(LitKind.INT, t);
      case FLOAT:
        advance();
        return simple(LitKind.FLOAT, t);
      case LBRACKET:
        return listLiteral();
      case IDENT:
        if (t.isWord("true") || t.isWord("false")) {
          advance();
          return simple(LitKind.BOOL, t);
        }
        if ((t.isWord("date") || t.isWord("datetime")) && peek(1).is(TokenKind.LPAREN)) {
          return temporal(t);
        }
        break;
      default:
        break;
    }
    throw fail(
        t,
        "expected a literal (string, number, true, false, date(\"…\"), datetime(\"…\") or [list]),"
            + " found "
            + t.describe());
  }

  private static Lit simple(LitKind kind, Token t) {
    return new Lit(kind, t.text(), List.of(), t.start(), t.end());
  }

  private Lit temporal(Token word) {
    advance();
    advance();
    String example =
        word.isWord("date") ? "date(\"2024-01-31\")" : "datetime(\"2024-01-31T12:00:00Z\")";
    Token s = peek();
    if (!s.is(TokenKind.STRING)) {
      throw fail(s, word.text() + "(…) takes one string argument, as in " + example);
    }
    advance();
    expect(TokenKind.RPAREN, "')' to close " + word.text() + "(\"…\")");
    LitKind kind = word.isWord("date") ? LitKind.DATE : LitKind.DATETIME;
    return new Lit(kind, s.text(), List.of(), word.start(), lastEnd());
  }

  private Lit listLiteral() {
    Token open = advance();
    List<Lit> items = new ArrayList<>();
    while (!at(TokenKind.RBRACKET)) {
      items.add(literal());
      if (!accept(TokenKind.COMMA) && !at(TokenKind.RBRACKET)) {
        throw fail(peek(), "expected ',' or ']' in the list literal, found " + peek().describe());
      }
    }
    advance();
    return new Lit(LitKind.LIST, "", items, open.start(), lastEnd());
  }

  /** The filter operator at the cursor, or null when there is none. */
  protected FilterOp peekFilterOp() {
    Token t = peek();
    return switch (t.kind()) {
      case EQ -> FilterOp.EQ;
      case NE -> FilterOp.NE;
      case LT -> FilterOp.LT;
      case LE -> FilterOp.LE;
      case GT -> FilterOp.GT;
      case GE -> FilterOp.GE;
      case IDENT ->
          t.isWord("contains")
              ? FilterOp.CONTAINS
              : t.isWord("starts_with") ? FilterOp.STARTS_WITH : null;
      default -> null;
    };
  }

  protected static Name name(Token t) {
    return new Name(t.text(), t.start(), t.end());
  }

  /** A variable token as a name without {@code $} (the span still covers it). */
  protected static Name varName(Token t) {
    return new Name(t.text().substring(1), t.start(), t.end());
  }

  protected Token expectVar(String what) {
    Token t = peek();
    if (!t.is(TokenKind.VAR)) {
      throw fail(t, "expected " + what + ", found " + t.describe());
    }
    return advance();
  }

  protected Token expectIdent(String what) {
    Token t = peek();
    if (!t.is(TokenKind.IDENT)) {
      throw fail(t, "expected " + what + ", found " + t.describe());
    }
    return advance();
  }

  /** A non-negative integer token as a long, failing when it does not fit. */
  protected long uint(Token t, String what) {
    try {
      return Long.parseLong(t.text());
    } catch (NumberFormatException e) {
      throw fail(t, what + " " + t.text() + " is too large");
    }
  }

  protected static boolean isLowerStart(String s) {
    char c = s.isEmpty() ? 'A' : s.charAt(0);
    return (c >= 'a' && c <= 'z') || c == '_';
  }
}
