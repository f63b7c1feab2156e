package io.omnigraph.compiler.lex;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Position;
import io.omnigraph.compiler.source.SourceText;
import java.util.List;

/**
 * Token cursor and error plumbing shared by the recursive-descent parsers. A syntax error records a
 * diagnostic and throws {@link Abort}; the concrete parser catches it at a declaration boundary and
 * resynchronises, so one file can report several independent errors.
 */
public abstract class ParserBase {
  /** Unwinds to the nearest declaration boundary after a syntax error has been recorded. */
  protected static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Abort() {
      super(null, null, false, false);
    }
  }

  protected static final int MAX_DEPTH = 64;

  protected final SourceText src;
  protected final List<Token> tokens;
  protected final List<Diagnostic> diagnostics;
  private final String syntaxCode;
  protected int index;
  protected int depth;

  protected ParserBase(SourceText src, String syntaxCode, List<Diagnostic> diagnostics) {
    this.src = src;
    this.syntaxCode = syntaxCode;
    this.diagnostics = diagnostics;
    this.tokens = Lexer.lex(src, syntaxCode, diagnostics);
  }

  protected Token peek() {
    return tokens.get(index);
  }

  protected Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  protected boolean at(TokenKind kind) {
    return peek().kind() == kind;
  }

  protected boolean atWord(String word) {
    return peek().isWord(word);
  }

  protected Token advance() {
    Token t = tokens.get(index);
    if (t.kind() != TokenKind.EOF) {
      index++;
    }
    return t;
  }

  protected boolean accept(TokenKind kind) {
    if (at(kind)) {
      advance();
      return true;
    }
    return false;
  }

  protected Token expect(TokenKind kind, String what) {
    if (at(kind)) {
      return advance();
    }
    throw fail(peek(), "expected " + what + ", found " + peek().describe());
  }

  protected Token expectWord(String word, String hint) {
    if (atWord(word)) {
      return advance();
    }
    throw fail(peek(), "expected '" + word + "'" + hint + ", found " + peek().describe());
  }

  /** Records a syntax error at {@code at} and returns the exception to throw. */
  protected Abort fail(Token at, String message) {
    return failCode(syntaxCode, at, message);
  }

  protected Abort failCode(String code, Token at, String message) {
    // A parser message at an invalid character is more specific than the lexer's; keep only it.
    diagnostics.removeIf(d -> d.start() == at.start() && at.kind() == TokenKind.ERROR);
    diagnostics.add(Diagnostic.error(code, pos(at), message));
    return new Abort();
  }

  protected void enter() {
    if (++depth > MAX_DEPTH) {
      throw fail(
          peek(), "nesting is deeper than " + MAX_DEPTH + " levels; simplify the expression");
    }
  }

  protected void leave() {
    depth--;
  }

  protected Position pos(Token t) {
    return src.position(t.start(), t.end());
  }

  protected Position pos(int start, int end) {
    return src.position(start, end);
  }

  protected int lastEnd() {
    return index == 0 ? 0 : tokens.get(index - 1).end();
  }

  /** Skips tokens until one of the given words starts a line-level declaration (or EOF). */
  protected void syncTo(java.util.Set<String> declarationWords) {
    if (!at(TokenKind.EOF)) {
      advance();
    }
    while (!at(TokenKind.EOF)) {
      Token t = peek();
      if (t.kind() == TokenKind.IDENT && declarationWords.contains(t.text()) && startsLine(t)) {
        return;
      }
      advance();
    }
  }

  private boolean startsLine(Token t) {
    String text = src.text();
    for (int i = t.start() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c == '\n') {
        return true;
      }
      if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return true;
  }
}
