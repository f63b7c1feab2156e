package io.omnigraph.compiler.lex;

/** Token kinds shared by the schema (.pg) and query (.gq) languages. */
public enum TokenKind {
  IDENT("identifier"),
  VAR("variable"),
  STRING("string literal"),
  INT("integer"),
  FLOAT("float"),
  LBRACE("'{'"),
  RBRACE("'}'"),
  LPAREN("'('"),
  RPAREN("')'"),
  LBRACKET("'['"),
  RBRACKET("']'"),
  COMMA("','"),
  COLON("':'"),
  QUESTION("'?'"),
  AT("'@'"),
  DOT("'.'"),
  DOTDOT("'..'"),
  ARROW("'->'"),
  MINUS("'-'"),
  LT("'<'"),
  GT("'>'"),
  LE("'<='"),
  GE("'>='"),
  EQ("'='"),
  NE("'!='"),
  ERROR("invalid character"),
  EOF("end of file");

  private final String display;

  TokenKind(String display) {
    this.display = display;
  }

  public String display() {
    return display;
  }
}
