package io.omnigraph.compiler.lex;

/**
 * One token. {@code text} is the raw source slice except for strings, where it is the decoded
 * value. Offsets are character offsets into the source.
 */
public record Token(TokenKind kind, String text, int start, int end) {
  public boolean is(TokenKind k) {
    return kind == k;
  }

  public boolean isWord(String word) {
    return kind == TokenKind.IDENT && text.equals(word);
  }

  /** How the token is shown in "expected X, found Y" messages. */
  public String describe() {
    return switch (kind) {
      case EOF -> "end of file";
      case STRING -> "string \"" + text + "\"";
      case IDENT, VAR, INT, FLOAT -> "'" + text + "'";
      case ERROR -> "invalid character '" + text + "'";
      default -> kind.display();
    };
  }
}
