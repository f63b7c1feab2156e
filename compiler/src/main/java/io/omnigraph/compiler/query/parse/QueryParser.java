package io.omnigraph.compiler.query.parse;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.lex.Token;
import io.omnigraph.compiler.lex.TokenKind;
import io.omnigraph.compiler.query.FilterOp;
import io.omnigraph.compiler.query.ast.QueryAst;
import io.omnigraph.compiler.query.ast.QueryAst.Assignment;
import io.omnigraph.compiler.query.ast.QueryAst.Body;
import io.omnigraph.compiler.query.ast.QueryAst.Clause;
import io.omnigraph.compiler.query.ast.QueryAst.Delete;
import io.omnigraph.compiler.query.ast.QueryAst.Insert;
import io.omnigraph.compiler.query.ast.QueryAst.Limit;
import io.omnigraph.compiler.query.ast.QueryAst.MutationBody;
import io.omnigraph.compiler.query.ast.QueryAst.Name;
import io.omnigraph.compiler.query.ast.QueryAst.Ordering;
import io.omnigraph.compiler.query.ast.QueryAst.Param;
import io.omnigraph.compiler.query.ast.QueryAst.Predicate;
import io.omnigraph.compiler.query.ast.QueryAst.Projection;
import io.omnigraph.compiler.query.ast.QueryAst.QueryDecl;
import io.omnigraph.compiler.query.ast.QueryAst.ReadBody;
import io.omnigraph.compiler.query.ast.QueryAst.Stmt;
import io.omnigraph.compiler.query.ast.QueryAst.TypeRef;
import io.omnigraph.compiler.query.ast.QueryAst.Update;
import io.omnigraph.compiler.schema.ScalarType;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for {@code .gq} files. Syntax errors carry code {@code Q000}; after one,
 * the parser skips to the next line that starts with {@code query}, so one file can report several
 * independent errors. The parser never throws: every problem becomes a diagnostic.
 */
public final class QueryParser extends ClauseParser {
  private static final Set<String> DECLARATION_WORDS = Set.of("query");
  private static final Set<String> MUTATION_WORDS = Set.of("insert", "update", "delete");

  private QueryParser(SourceText src, List<Diagnostic> diagnostics) {
    super(src, diagnostics);
  }

  /** Parses a whole file; syntax errors are added to {@code diagnostics}. */
  public static QueryAst.File parse(SourceText src, List<Diagnostic> diagnostics) {
    return new QueryParser(src, diagnostics).file();
  }

  private QueryAst.File file() {
    List<QueryDecl> decls = new ArrayList<>();
    while (!at(TokenKind.EOF)) {
      try {
        decls.add(queryDecl());
      } catch (Abort e) {
        // fail() recorded the diagnostic (possibly replacing the lexer's one at the same place).
        depth = 0;
        syncTo(DECLARATION_WORDS);
      }
    }
    return new QueryAst.File(decls);
  }

  private QueryDecl queryDecl() {
    Token q = peek();
    if (!q.isWord("query")) {
      throw fail(
          q,
          "expected a query declaration, as in query name($p: String) { … }; found "
              + q.describe());
    }
    advance();
    Token name = expectIdent("the query name after 'query'");
    List<Param> params = params();
    String[] annotations = annotations();
    expect(TokenKind.LBRACE, "'{' to open the body of query '" + name.text() + "'");
    Body body = body(name);
    return new QueryDecl(
        name(name), params, annotations[0], annotations[1], body, q.start(), lastEnd());
  }

  private List<Param> params() {
    expect(
        TokenKind.LPAREN, "'(' after the query name; a query without parameters is written name()");
    List<Param> params = new ArrayList<>();
    while (!accept(TokenKind.RPAREN)) {
      Token v = expectVar("a parameter ($name: Type) or ')'");
      expect(
          TokenKind.COLON, "':' after parameter " + v.text() + ", as in " + v.text() + ": String");
      params.add(new Param(varName(v), paramType()));
      if (!accept(TokenKind.COMMA) && !at(TokenKind.RPAREN)) {
        throw fail(peek(), "expected ',' or ')' after a parameter, found " + peek().describe());
      }
    }
    return params;
  }

  private TypeRef paramType() {
    Token start = peek();
    String base = null;
    boolean list = false;
    int dim = 0;
    if (accept(TokenKind.LBRACKET)) {
      base = baseType(expectIdent("a base type inside '[ ]', such as [String]"));
      expect(TokenKind.RBRACKET, "']' to close the list type");
      list = true;
    } else if (atWord("Vector") && peek(1).is(TokenKind.LPAREN)) {
      dim = vectorDim();
    } else if (atWord("enum")) {
      throw fail(
          start,
          "parameters cannot have enum types; declare the parameter as String (enum properties"
              + " accept String parameters, checked when the query runs)");
    } else {
      base = baseType(expectIdent("a parameter type (String, I64, [String], Vector(n), …)"));
    }
    boolean optional = accept(TokenKind.QUESTION);
    return new TypeRef(base, list, dim, optional, start.start(), lastEnd());
  }

  private int vectorDim() {
    advance();
    advance();
    Token n = expect(TokenKind.INT, "the vector dimension, as in Vector(768)");
    expect(TokenKind.RPAREN, "')' after the vector dimension");
    long dim = uint(n, "vector dimension");
    if (dim < 1 || dim > Integer.MAX_VALUE) {
      throw fail(n, "vector dimension must be between 1 and " + Integer.MAX_VALUE);
    }
    return (int) dim;
  }

  private String baseType(Token t) {
    if (ScalarType.fromSpelling(t.text()).isEmpty()) {
      throw fail(
          t,
          "unknown parameter type '"
              + t.text()
              + "'; use one of String, Blob, Bool, I32, I64, U32, U64, F32, F64, DateTime, Date,"
              + " [T] or Vector(n)");
    }
    return t.text();
  }

  /**
   * {@code @description("…")} and {@code @instruction("…")}: returns {description, instruction}.
   */
  private String[] annotations() {
    String[] out = new String[2];
    while (at(TokenKind.AT)) {
      advance();
      Token name = expectIdent("'description' or 'instruction' after '@'");
      int slot = annotationSlot(name);
      if (out[slot] != null) {
        throw fail(name, "@" + name.text() + " is written at most once per query");
      }
      expect(TokenKind.LPAREN, "'(' after @" + name.text() + ", as in @" + name.text() + "(\"…\")");
      Token s = expect(TokenKind.STRING, "a string argument, as in @" + name.text() + "(\"…\")");
      expect(TokenKind.RPAREN, "')' to close @" + name.text() + "(…)");
      out[slot] = s.text();
    }
    return out;
  }

  private int annotationSlot(Token name) {
    if (name.isWord("description")) {
      return 0;
    }
    if (name.isWord("instruction")) {
      return 1;
    }
    throw fail(
        name,
        "unknown query annotation '@"
            + name.text()
            + "'; queries take only @description(\"…\") and @instruction(\"…\")");
  }

  private Body body(Token queryName) {
    Token t = peek();
    if (t.isWord("match")) {
      return readBody();
    }
    if (isMutationStart(t)) {
      return mutationBody();
    }
    if (t.isWord("return")) {
      throw fail(t, "a read query starts with a match block: match { … } return { … }");
    }
    throw fail(
        t,
        "expected 'match' (a read) or 'insert', 'update' or 'delete' (a mutation) in query '"
            + queryName.text()
            + "', found "
            + t.describe());
  }

  private boolean isMutationStart(Token t) {
    return t.is(TokenKind.IDENT) && MUTATION_WORDS.contains(t.text());
  }

  private ReadBody readBody() {
    advance();
    List<Clause> match = clauseBlock("match");
    Token ret = peek();
    if (!ret.isWord("return")) {
      throw fail(
          ret,
          "expected 'return { … }' after the match block (every read query returns columns),"
              + " found "
              + ret.describe());
    }
    advance();
    List<Projection> projections = projections();
    List<Ordering> order = atWord("order") && peek(1).is(TokenKind.LBRACE) ? order() : List.of();
    Limit limit = atWord("limit") ? limit() : null;
    closeBody("the read query; its parts come in the order match, return, order, limit");
    return new ReadBody(match, projections, order, limit, ret.start());
  }

  private void closeBody(String what) {
    Token t = peek();
    if (!t.is(TokenKind.RBRACE)) {
      throw fail(t, "expected '}' to close " + what + ", found " + t.describe());
    }
    advance();
  }

  private List<Projection> projections() {
    expect(TokenKind.LBRACE, "'{' after 'return'");
    List<Projection> out = new ArrayList<>();
    while (!at(TokenKind.RBRACE)) {
      if (at(TokenKind.EOF)) {
        throw fail(peek(), "expected '}' to close the return block, found end of file");
      }
      var expr = expr();
      Name alias = null;
      if (atWord("as")) {
        advance();
        alias = name(expectIdent("a column name after 'as'"));
      }
      out.add(new Projection(expr, alias));
      accept(TokenKind.COMMA);
    }
    Token close = advance();
    if (out.isEmpty()) {
      throw fail(
          close, "the return block is empty; list at least one column, as in return { $x.name }");
    }
    return out;
  }

  private List<Ordering> order() {
    advance();
    advance();
    List<Ordering> out = new ArrayList<>();
    while (!at(TokenKind.RBRACE)) {
      if (at(TokenKind.EOF)) {
        throw fail(peek(), "expected '}' to close the order block, found end of file");
      }
      var expr = expr();
      Boolean desc = null;
      if (atWord("asc") || atWord("desc")) {
        desc = advance().isWord("desc");
      }
      out.add(new Ordering(expr, desc, expr.start(), lastEnd()));
      accept(TokenKind.COMMA);
    }
    Token close = advance();
    if (out.isEmpty()) {
      throw fail(
          close, "the order block is empty; write order { $x.prop [asc|desc] } or remove it");
    }
    return out;
  }

  private Limit limit() {
    Token word = advance();
    Token n = peek();
    if (!n.is(TokenKind.INT)) {
      throw fail(n, "expected a whole number after 'limit', as in limit 10; found " + n.describe());
    }
    advance();
    return new Limit(uint(n, "limit"), word.start(), n.end());
  }

  private MutationBody mutationBody() {
    List<Stmt> stmts = new ArrayList<>();
    while (isMutationStart(peek())) {
      stmts.add(statement());
    }
    if (atWord("match")) {
      throw fail(
          peek(),
          "a query is either a read (match … return) or a mutation (insert/update/delete), not"
              + " both; split it into two queries");
    }
    closeBody("the mutation query (statements are insert, update and delete)");
    return new MutationBody(stmts);
  }

  private Stmt statement() {
    Token kw = advance();
    Name type = name(expectIdent("a type name after '" + kw.text() + "'"));
    return switch (kw.text()) {
      case "insert" -> insert(kw, type);
      case "update" -> update(kw, type);
      default -> delete(kw, type);
    };
  }

  private Insert insert(Token kw, Name type) {
    List<Assignment> values = assignments("insert " + type.text());
    return new Insert(type, values, kw.start(), lastEnd());
  }

  private Update update(Token kw, Name type) {
    Token set = peek();
    if (!set.isWord("set")) {
      throw fail(
          set,
          "expected 'set' after 'update "
              + type.text()
              + "', as in update "
              + type.text()
              + " set { prop: $value } where key = $key; found "
              + set.describe());
    }
    advance();
    List<Assignment> values = assignments("update " + type.text() + " set");
    Predicate where = where("update");
    return new Update(type, values, where, kw.start(), lastEnd(), set.start());
  }

  private Delete delete(Token kw, Name type) {
    Predicate where = where("delete");
    return new Delete(type, where, kw.start(), lastEnd());
  }

  private List<Assignment> assignments(String what) {
    expect(TokenKind.LBRACE, "'{' after '" + what + "'");
    List<Assignment> out = new ArrayList<>();
    while (!accept(TokenKind.RBRACE)) {
      Token p = peek();
      if (!p.is(TokenKind.IDENT)) {
        throw fail(p, "expected an assignment (prop: value) or '}', found " + p.describe());
      }
      advance();
      expect(TokenKind.COLON, "':' after '" + p.text() + "', as in " + p.text() + ": $value");
      out.add(new Assignment(name(p), matchValue()));
      accept(TokenKind.COMMA);
    }
    return out;
  }

  private Predicate where(String stmt) {
    Token w = peek();
    if (!w.isWord("where")) {
      throw fail(
          w,
          "expected 'where prop = value' after the "
              + stmt
              + " target; a "
              + stmt
              + " needs a predicate. Found "
              + w.describe());
    }
    advance();
    Token prop = expectIdent("a property name after 'where'");
    FilterOp op = peekFilterOp();
    if (op == null || !op.isComparison()) {
      throw fail(
          peek(),
          "expected a comparison (=, !=, <, <=, >, >=) after 'where "
              + prop.text()
              + "', found "
              + peek().describe());
    }
    advance();
    return new Predicate(name(prop), op, matchValue());
  }
}
