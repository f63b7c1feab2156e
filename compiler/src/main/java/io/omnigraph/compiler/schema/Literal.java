package io.omnigraph.compiler.schema;

/**
 * A literal written as an annotation or constraint argument in a schema.
 *
 * @param kind what was written
 * @param text the decoded value (string contents without quotes; numbers as written)
 */
public record Literal(Kind kind, String text) {
  public enum Kind {
    STRING,
    INT,
    FLOAT,
    BOOL,
    IDENT
  }

  public static Literal string(String s) {
    return new Literal(Kind.STRING, s);
  }

  public String render() {
    return kind == Kind.STRING ? quote(text) : text;
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }
}
