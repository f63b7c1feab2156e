package io.omnigraph.compiler.query.parse;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.lex.Token;
import io.omnigraph.compiler.lex.TokenKind;
import io.omnigraph.compiler.query.FilterOp;
import io.omnigraph.compiler.query.ast.QueryAst.Binding;
import io.omnigraph.compiler.query.ast.QueryAst.Call;
import io.omnigraph.compiler.query.ast.QueryAst.Clause;
import io.omnigraph.compiler.query.ast.QueryAst.Expr;
import io.omnigraph.compiler.query.ast.QueryAst.Filter;
import io.omnigraph.compiler.query.ast.QueryAst.HopBounds;
import io.omnigraph.compiler.query.ast.QueryAst.Name;
import io.omnigraph.compiler.query.ast.QueryAst.Negation;
import io.omnigraph.compiler.query.ast.QueryAst.PropMatch;
import io.omnigraph.compiler.query.ast.QueryAst.TextSearch;
import io.omnigraph.compiler.query.ast.QueryAst.Traversal;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The clauses of a {@code match} block. Clause kinds are told apart the way the grammar orders its
 * alternatives: {@code not {}} first, then a binding ({@code $x: Type}), then a traversal ({@code
 * $a edge $b}, decided by the lower-case word after the variable), then a filter; a text-search
 * call that is not compared to anything is a text-search clause.
 */
abstract class ClauseParser extends ExprParser {
  private static final Set<String> TEXT_CALLS = Set.of("search", "fuzzy", "match_text");

  ClauseParser(SourceText src, List<Diagnostic> diagnostics) {
    super(src, diagnostics);
  }

  /** {@code { clause { clause } }}; {@code what} names the block in messages. */
  protected List<Clause> clauseBlock(String what) {
    expect(TokenKind.LBRACE, "'{' to open the " + what + " block");
    List<Clause> clauses = new ArrayList<>();
    while (!at(TokenKind.RBRACE)) {
      if (at(TokenKind.EOF)) {
        throw fail(peek(), "expected '}' to close the " + what + " block, found end of file");
      }
      clauses.add(clause());
    }
    Token close = advance();
    if (clauses.isEmpty()) {
      throw fail(
          close,
          "the "
              + what
              + " block is empty; add at least one clause, such as $x: Type or $a edge $b");
    }
    return clauses;
  }

  private Clause clause() {
    enter();
    try {
      return clauseInner();
    } finally {
      leave();
    }
  }

  private Clause clauseInner() {
    Token t = peek();
    if (t.isWord("not") && peek(1).is(TokenKind.LBRACE)) {
      advance();
      List<Clause> inner = clauseBlock("not");
      return new Negation(inner, t.start(), lastEnd());
    }
    if (t.is(TokenKind.VAR)) {
      Clause c = varClause(t);
      if (c != null) {
        return c;
      }
    }
    return filterOrSearch();
  }

  /** A clause starting with a variable, or null when it is an ordinary filter. */
  private Clause varClause(Token v) {
    Token next = peek(1);
    if (next.is(TokenKind.COLON)) {
      return binding();
    }
    if (next.is(TokenKind.VAR) && peek(2).is(TokenKind.COLON)) {
      return traversal();
    }
    if (next.is(TokenKind.LT) && peek(2).is(TokenKind.IDENT) && peek(3).is(TokenKind.GT)) {
      return traversal();
    }
    if (next.is(TokenKind.IDENT) && !next.isWord("not")) {
      Token after = peek(2);
      boolean edgeLike = after.is(TokenKind.VAR) || after.is(TokenKind.LBRACE);
      if (edgeLike && isLowerStart(next.text())) {
        return traversal();
      }
      if (!isLowerStart(next.text())) {
        throw fail(
            next,
            "'"
                + next.text()
                + "' after "
                + v.text()
                + " starts with an upper-case letter: write "
                + v.text()
                + ": "
                + next.text()
                + " to bind a node type, or the edge name in lower case for a traversal");
      }
    }
    return null;
  }

  private Binding binding() {
    Token v = advance();
    advance();
    Token type = peek();
    if (!type.is(TokenKind.IDENT)) {
      throw fail(
          type, "expected a node type name after '" + v.text() + ":', found " + type.describe());
    }
    advance();
    if (isLowerStart(type.text())) {
      throw fail(
          type,
          "node type names start with an upper-case letter; write "
              + v.text()
              + ": "
              + Character.toUpperCase(type.text().charAt(0))
              + type.text().substring(1));
    }
    List<PropMatch> props = at(TokenKind.LBRACE) ? propMatches() : List.of();
    return new Binding(varName(v), name(type), props, v.start(), lastEnd());
  }

  private List<PropMatch> propMatches() {
    advance();
    List<PropMatch> props = new ArrayList<>();
    while (!accept(TokenKind.RBRACE)) {
      Token p = peek();
      if (!p.is(TokenKind.IDENT)) {
        throw fail(p, "expected a property match (prop: value) or '}', found " + p.describe());
      }
      advance();
      expect(
          TokenKind.COLON, "':' after property '" + p.text() + "', as in " + p.text() + ": $value");
      props.add(new PropMatch(name(p), matchValue()));
      accept(TokenKind.COMMA);
    }
    return props;
  }

  private Traversal traversal() {
    Token src = advance();
    Name edgeVar = null;
    if (at(TokenKind.VAR)) {
      edgeVar = varName(advance());
      advance();
    }
    boolean undirected = accept(TokenKind.LT);
    Token edge = expectIdent("an edge name (lower case), as in $a knows $b");
    if (!isLowerStart(edge.text())) {
      throw fail(edge, "edge names in traversals are written in lower case, as in $a knows $b");
    }
    if (undirected) {
      expect(TokenKind.GT, "'>' to close <" + edge.text() + ">");
    }
    HopBounds hops = at(TokenKind.LBRACE) ? hopBounds(edge) : null;
    Token dst = peek();
    if (!dst.is(TokenKind.VAR)) {
      throw fail(
          dst,
          "expected the target variable after edge '"
              + edge.text()
              + "', as in "
              + src.text()
              + " "
              + edge.text()
              + " $other; found "
              + dst.describe());
    }
    advance();
    return new Traversal(
        varName(src), edgeVar, name(edge), undirected, hops, varName(dst), src.start(), lastEnd());
  }

  private HopBounds hopBounds(Token edge) {
    Token open = advance();
    String hint = "hop bounds are written {min,max}, as in " + edge.text() + "{1,3}";
    Token min = peek();
    if (!min.is(TokenKind.INT)) {
      throw fail(min, hint + "; found " + min.describe());
    }
    advance();
    if (!at(TokenKind.COMMA)) {
      throw fail(peek(), hint + "; found " + peek().describe());
    }
    advance();
    Long max = null;
    if (at(TokenKind.INT)) {
      max = uint(advance(), "hop bound");
    }
    if (!at(TokenKind.RBRACE)) {
      throw fail(peek(), hint + "; found " + peek().describe());
    }
    advance();
    return new HopBounds(uint(min, "hop bound"), max, open.start(), lastEnd());
  }

  private Clause filterOrSearch() {
    Token start = peek();
    Expr left = expr();
    FilterOp op = peekFilterOp();
    if (op == null) {
      if (left instanceof Call c && TEXT_CALLS.contains(c.fn().text())) {
        return new TextSearch(c);
      }
      throw fail(
          peek(),
          "expected a comparison operator (=, !=, <, <=, >, >=, contains, starts_with) after "
              + describeStart(start)
              + ", found "
              + peek().describe());
    }
    Token opTok = advance();
    Expr right = expr();
    return new Filter(left, op, right, opTok.start(), opTok.end());
  }

  private String describeStart(Token t) {
    return "the expression starting with " + t.describe();
  }
}
