package io.omnigraph.compiler.lex;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns source text into tokens. Comments ({@code //…} and {@code /* … *}{@code /}) and whitespace
 * are skipped. Lexical problems become diagnostics with the caller's syntax-error code; the lexer
 * never throws.
 */
public final class Lexer {
  private final SourceText src;
  private final String text;
  private final String errorCode;
  private final List<Diagnostic> diagnostics;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(SourceText src, String errorCode, List<Diagnostic> diagnostics) {
    this.src = src;
    this.text = src.text();
    this.errorCode = errorCode;
    this.diagnostics = diagnostics;
  }

  /** Lexes the whole source. The returned list always ends with an EOF token. */
  public static List<Token> lex(SourceText src, String errorCode, List<Diagnostic> diagnostics) {
    Lexer lx = new Lexer(src, errorCode, diagnostics);
    lx.run();
    return lx.tokens;
  }

  private void run() {
    while (true) {
      skipTrivia();
      if (pos >= text.length()) {
        tokens.add(new Token(TokenKind.EOF, "", text.length(), text.length()));
        return;
      }
      tokens.add(next());
    }
  }

  private void skipTrivia() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\uFEFF') {
        pos++;
      } else if (c == '/' && peek(1) == '/') {
        while (pos < text.length() && text.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int start = pos;
        int close = text.indexOf("*/", pos + 2);
        if (close < 0) {
          error(start, start + 2, "unterminated block comment; close it with */");
          pos = text.length();
        } else {
          pos = close + 2;
        }
      } else {
        return;
      }
    }
  }

  private char peek(int ahead) {
    int i = pos + ahead;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private Token next() {
    int start = pos;
    char c = text.charAt(pos);
    if (isIdentStart(c)) {
      return word(TokenKind.IDENT, start);
    }
    if (c == '$') {
      pos++;
      if (pos < text.length() && isIdentPart(text.charAt(pos))) {
        return word(TokenKind.VAR, start);
      }
      error(start, pos, "'$' must be followed by a variable name, as in $name");
      return new Token(TokenKind.ERROR, "$", start, pos);
    }
    if (isDigit(c)) {
      return number(start);
    }
    if (c == '"') {
      return string(start);
    }
    return punct(start, c);
  }

  private Token word(TokenKind kind, int start) {
    while (pos < text.length() && isIdentPart(text.charAt(pos))) {
      pos++;
    }
    return new Token(kind, text.substring(start, pos), start, pos);
  }

  private Token number(int start) {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
    if (peek(0) == '.' && isDigit(peek(1))) {
      pos++;
      while (pos < text.length() && isDigit(text.charAt(pos))) {
        pos++;
      }
      return new Token(TokenKind.FLOAT, text.substring(start, pos), start, pos);
    }
    return new Token(TokenKind.INT, text.substring(start, pos), start, pos);
  }

  private Token string(int start) {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return new Token(TokenKind.STRING, sb.toString(), start, pos);
      }
      if (c == '\n') {
        break;
      }
      if (c == '\\' && pos + 1 < text.length()) {
        sb.append(unescape(text.charAt(pos + 1)));
        pos += 2;
        continue;
      }
      sb.append(c);
      pos++;
    }
    error(start, pos, "unterminated string literal; close it with a double quote on the same line");
    return new Token(TokenKind.STRING, sb.toString(), start, pos);
  }

  private static char unescape(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case '0' -> '\0';
      default -> c;
    };
  }

  private Token punct(int start, char c) {
    TokenKind kind =
        switch (c) {
          case '{' -> TokenKind.LBRACE;
          case '}' -> TokenKind.RBRACE;
          case '(' -> TokenKind.LPAREN;
          case ')' -> TokenKind.RPAREN;
          case '[' -> TokenKind.LBRACKET;
          case ']' -> TokenKind.RBRACKET;
          case ',' -> TokenKind.COMMA;
          case ':' -> TokenKind.COLON;
          case '?' -> TokenKind.QUESTION;
          case '@' -> TokenKind.AT;
          case '=' -> TokenKind.EQ;
          case '.' -> peek(1) == '.' ? TokenKind.DOTDOT : TokenKind.DOT;
          case '-' -> peek(1) == '>' ? TokenKind.ARROW : TokenKind.MINUS;
          case '<' -> peek(1) == '=' ? TokenKind.LE : TokenKind.LT;
          case '>' -> peek(1) == '=' ? TokenKind.GE : TokenKind.GT;
          case '!' -> peek(1) == '=' ? TokenKind.NE : TokenKind.ERROR;
          default -> TokenKind.ERROR;
        };
    int len =
        switch (kind) {
          case DOTDOT, ARROW, LE, GE, NE -> 2;
          default -> 1;
        };
    if (kind == TokenKind.ERROR) {
      int cp = text.codePointAt(pos);
      len = Character.charCount(cp);
      String shown = new String(Character.toChars(cp));
      error(start, start + len, "unexpected character '" + printable(shown) + "'");
    }
    pos += len;
    return new Token(kind, text.substring(start, pos), start, pos);
  }

  private static String printable(String s) {
    int cp = s.codePointAt(0);
    if (Character.isISOControl(cp)) {
      return String.format("\\u%04x", cp);
    }
    return s;
  }

  private void error(int start, int end, String message) {
    diagnostics.add(Diagnostic.error(errorCode, src.position(start, end), message));
  }

  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
