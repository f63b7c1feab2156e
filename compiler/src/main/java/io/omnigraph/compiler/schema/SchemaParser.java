package io.omnigraph.compiler.schema;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.lex.ParserBase;
import io.omnigraph.compiler.lex.Token;
import io.omnigraph.compiler.lex.TokenKind;
import io.omnigraph.compiler.schema.SchemaAst.AnnotationAst;
import io.omnigraph.compiler.schema.SchemaAst.CardAst;
import io.omnigraph.compiler.schema.SchemaAst.ConstraintArg;
import io.omnigraph.compiler.schema.SchemaAst.ConstraintAst;
import io.omnigraph.compiler.schema.SchemaAst.Decl;
import io.omnigraph.compiler.schema.SchemaAst.EdgeDecl;
import io.omnigraph.compiler.schema.SchemaAst.InterfaceDecl;
import io.omnigraph.compiler.schema.SchemaAst.Name;
import io.omnigraph.compiler.schema.SchemaAst.NodeDecl;
import io.omnigraph.compiler.schema.SchemaAst.PropertyDecl;
import io.omnigraph.compiler.schema.SchemaAst.TypeRefAst;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recursive-descent parser for {@code .pg} files. Syntax errors carry code {@code S000}. */
public final class SchemaParser extends ParserBase {
  private static final Set<String> DECLARATION_WORDS = Set.of("interface", "node", "edge");
  private static final Set<String> CONSTRAINT_WORDS =
      Set.of("key", "unique", "index", "range", "check");

  private SchemaParser(SourceText src, List<Diagnostic> diagnostics) {
    super(src, SchemaCode.SYNTAX.code(), diagnostics);
  }

  /** Parses a whole file; syntax errors are added to {@code diagnostics}. */
  public static SchemaAst.File parse(SourceText src, List<Diagnostic> diagnostics) {
    return new SchemaParser(src, diagnostics).file();
  }

  private SchemaAst.File file() {
    List<Decl> decls = new ArrayList<>();
    while (!at(TokenKind.EOF)) {
      try {
        decls.add(declaration());
      } catch (Abort e) {
        syncTo(DECLARATION_WORDS);
      }
    }
    return new SchemaAst.File(decls);
  }

  private Decl declaration() {
    Token t = peek();
    if (t.isWord("interface")) {
      return interfaceDecl();
    }
    if (t.isWord("node")) {
      return nodeDecl();
    }
    if (t.isWord("edge")) {
      return edgeDecl();
    }
    throw fail(t, "expected a declaration ('node', 'edge' or 'interface'), found " + t.describe());
  }

  private InterfaceDecl interfaceDecl() {
    advance();
    Name name = typeName("interface");
    if (at(TokenKind.AT)) {
      throw fail(peek(), "interfaces take no annotations; annotate the node types instead");
    }
    expect(TokenKind.LBRACE, "'{' to open the interface body");
    List<PropertyDecl> props = new ArrayList<>();
    while (!accept(TokenKind.RBRACE)) {
      if (at(TokenKind.AT)) {
        throw fail(peek(), "interface bodies hold only properties; put constraints on node types");
      }
      props.add(property());
    }
    return new InterfaceDecl(name, props);
  }

  private NodeDecl nodeDecl() {
    advance();
    Name name = typeName("node");
    List<AnnotationAst> annotations = annotations();
    List<Name> impls = new ArrayList<>();
    if (atWord("implements")) {
      advance();
      impls.add(typeName("interface"));
      while (accept(TokenKind.COMMA)) {
        impls.add(typeName("interface"));
      }
    }
    if (at(TokenKind.AT)) {
      throw fail(
          peek(),
          "node annotations go before 'implements', as in: node T @description(\"…\") implements I { … }");
    }
    expect(TokenKind.LBRACE, "'{' to open the node body");
    Body body = body();
    return new NodeDecl(name, annotations, impls, body.properties, body.constraints);
  }

  private EdgeDecl edgeDecl() {
    advance();
    Name name = typeName("edge");
    expect(TokenKind.COLON, "':' after the edge name, as in: edge Knows: Person -> Person");
    Name from = typeName("source node");
    expect(TokenKind.ARROW, "'->' between the source and target node types");
    Name to = typeName("target node");
    CardAst card = null;
    List<AnnotationAst> annotations = new ArrayList<>();
    while (at(TokenKind.AT)) {
      if (peek(1).isWord("card")) {
        if (card != null) {
          throw fail(peek(), "@card is written at most once per edge");
        }
        card = card();
      } else {
        annotations.add(annotation());
      }
    }
    Body body = new Body();
    if (accept(TokenKind.LBRACE)) {
      body = body();
    }
    return new EdgeDecl(name, from, to, card, annotations, body.properties, body.constraints);
  }

  private static final class Body {
    final List<PropertyDecl> properties = new ArrayList<>();
    final List<ConstraintAst> constraints = new ArrayList<>();
  }

  private Body body() {
    Body body = new Body();
    while (!accept(TokenKind.RBRACE)) {
      if (at(TokenKind.AT)) {
        body.constraints.add(bodyConstraint());
      } else if (at(TokenKind.EOF)) {
        throw fail(peek(), "expected '}' to close the body, found end of file");
      } else {
        body.properties.add(property());
      }
    }
    return body;
  }

  private PropertyDecl property() {
    Token nameTok = peek();
    if (!nameTok.is(TokenKind.IDENT)) {
      throw fail(nameTok, "expected a property (name: Type) or '}', found " + nameTok.describe());
    }
    advance();
    Name name = new Name(nameTok.text(), nameTok.start(), nameTok.end());
    if (!isLowerIdent(nameTok.text())) {
      throw fail(
          nameTok,
          "property name '"
              + nameTok.text()
              + "' must start with a lower-case letter or '_'; write '"
              + lowerFirst(nameTok.text())
              + "'");
    }
    expect(TokenKind.COLON, "':' after property '" + name.text() + "'");
    TypeRefAst type = typeRef();
    List<AnnotationAst> annotations = new ArrayList<>();
    while (at(TokenKind.AT) && !startsBodyConstraint()) {
      annotations.add(annotation());
    }
    return new PropertyDecl(name, type, annotations);
  }

  private boolean startsBodyConstraint() {
    Token w = peek(1);
    return w.is(TokenKind.IDENT)
        && CONSTRAINT_WORDS.contains(w.text())
        && peek(2).is(TokenKind.LPAREN)
        && peek(2).start() == w.end();
  }

  private TypeRefAst typeRef() {
    Token start = peek();
    TypeRefAst t;
    if (accept(TokenKind.LBRACKET)) {
      Token base = expect(TokenKind.IDENT, "a base type inside '[ ]', such as [String]");
      requireBaseType(base, "list element");
      expect(TokenKind.RBRACKET, "']' to close the list type");
      t = new TypeRefAst(base.text(), true, null, null, false, start.start(), lastEnd());
    } else if (atWord("enum") && peek(1).is(TokenKind.LPAREN)) {
      advance();
      advance();
      List<Name> values = new ArrayList<>();
      values.add(enumValue());
      while (accept(TokenKind.COMMA)) {
        if (at(TokenKind.RPAREN)) {
          break;
        }
        values.add(enumValue());
      }
      expect(TokenKind.RPAREN, "')' to close the enum value list");
      t = new TypeRefAst(null, false, values, null, false, start.start(), lastEnd());
    } else if (atWord("Vector") && peek(1).is(TokenKind.LPAREN)) {
      advance();
      advance();
      Token dim = expect(TokenKind.INT, "the vector dimension, as in Vector(768)");
      expect(TokenKind.RPAREN, "')' after the vector dimension");
      t = new TypeRefAst(null, false, null, dim.text(), false, start.start(), lastEnd());
    } else {
      Token base = expect(TokenKind.IDENT, "a type (String, I32, [String], enum(…), Vector(n), …)");
      requireBaseType(base, "property");
      t = new TypeRefAst(base.text(), false, null, null, false, start.start(), lastEnd());
    }
    if (accept(TokenKind.QUESTION)) {
      t =
          new TypeRefAst(
              t.base(), t.list(), t.enumValues(), t.vectorDim(), true, t.start(), lastEnd());
    }
    return t;
  }

  private void requireBaseType(Token t, String what) {
    if (ScalarType.fromSpelling(t.text()).isEmpty()) {
      throw fail(
          t,
          "unknown "
              + what
              + " type '"
              + t.text()
              + "'; use one of String, Blob, Bool, I32, I64, U32, U64, F32, F64, DateTime, Date"
              + (what.equals("property") ? ", [T], enum(…) or Vector(n)" : ""));
    }
  }

  /** An enum value: adjacent identifier, digit and '-' tokens with no space between them. */
  private Name enumValue() {
    Token first = peek();
    if (!isEnumPiece(first)) {
      throw fail(
          first, "expected an enum value (letters, digits, '_' or '-'), found " + first.describe());
    }
    StringBuilder sb = new StringBuilder();
    int start = first.start();
    int end = start;
    while (isEnumPiece(peek()) && (sb.length() == 0 || peek().start() == end)) {
      Token t = advance();
      sb.append(t.text());
      end = t.end();
    }
    return new Name(sb.toString(), start, end);
  }

  private static boolean isEnumPiece(Token t) {
    return t.is(TokenKind.IDENT) || t.is(TokenKind.INT) || t.is(TokenKind.MINUS);
  }

  private List<AnnotationAst> annotations() {
    List<AnnotationAst> out = new ArrayList<>();
    while (at(TokenKind.AT)) {
      out.add(annotation());
    }
    return out;
  }

  private AnnotationAst annotation() {
    Token at = expect(TokenKind.AT, "'@'");
    Token name = expect(TokenKind.IDENT, "an annotation name after '@'");
    if (name.start() != at.end()) {
      throw fail(name, "write the annotation name right after '@', as in @" + name.text());
    }
    Literal value = null;
    Map<String, Literal> kwargs = new LinkedHashMap<>();
    if (at(TokenKind.LPAREN) && peek().start() == name.end()) {
      advance();
      if (!at(TokenKind.RPAREN)) {
        value = annotationArg();
        while (accept(TokenKind.COMMA)) {
          Token key = expect(TokenKind.IDENT, "a keyword argument (name=value)");
          expect(
              TokenKind.EQ,
              "'=' in keyword argument '"
                  + key.text()
                  + "'; only the first argument may be positional");
          if (kwargs.put(key.text(), literal()) != null) {
            throw fail(key, "keyword argument '" + key.text() + "' is given twice");
          }
        }
      }
      expect(TokenKind.RPAREN, "')' to close @" + name.text() + "(…)");
    }
    return new AnnotationAst(name.text(), value, kwargs, at.start(), lastEnd());
  }

  private Literal annotationArg() {
    if (at(TokenKind.IDENT) && !atWord("true") && !atWord("false")) {
      return new Literal(Literal.Kind.IDENT, advance().text());
    }
    return literal();
  }

  private Literal literal() {
    Token t = peek();
    return switch (t.kind()) {
      case STRING -> new Literal(Literal.Kind.STRING, advance().text());
      case INT -> new Literal(Literal.Kind.INT, advance().text());
      case FLOAT -> new Literal(Literal.Kind.FLOAT, advance().text());
      case IDENT -> {
        if (t.text().equals("true") || t.text().equals("false")) {
          yield new Literal(Literal.Kind.BOOL, advance().text());
        }
        throw fail(t, "expected a literal (string, number, true or false), found " + t.describe());
      }
      default ->
          throw fail(
              t, "expected a literal (string, number, true or false), found " + t.describe());
    };
  }

  private ConstraintAst bodyConstraint() {
    Token at = advance();
    Token name = expect(TokenKind.IDENT, "a constraint name after '@'");
    if (!CONSTRAINT_WORDS.contains(name.text())) {
      throw fail(
          name,
          "'@"
              + name.text()
              + "' cannot stand alone in a type body; body constraints are @key, @unique, @index, @range and @check, and other annotations follow a property or the type name");
    }
    expect(TokenKind.LPAREN, "'(' after @" + name.text());
    List<ConstraintArg> args = new ArrayList<>();
    args.add(constraintArg());
    while (accept(TokenKind.COMMA)) {
      args.add(constraintArg());
    }
    expect(TokenKind.RPAREN, "')' to close @" + name.text() + "(…)");
    return new ConstraintAst(name.text(), args, at.start(), lastEnd());
  }

  private ConstraintArg constraintArg() {
    Token t = peek();
    if (t.is(TokenKind.IDENT) && !t.isWord("true") && !t.isWord("false")) {
      advance();
      return new ConstraintArg(new Name(t.text(), t.start(), t.end()), null, null, null);
    }
    if (t.is(TokenKind.STRING)) {
      return new ConstraintArg(null, literal(), null, null);
    }
    if (t.is(TokenKind.DOTDOT)
        || t.is(TokenKind.MINUS)
        || t.is(TokenKind.INT)
        || t.is(TokenKind.FLOAT)) {
      String min = at(TokenKind.DOTDOT) ? null : signedNumber();
      if (!accept(TokenKind.DOTDOT)) {
        return new ConstraintArg(null, new Literal(numberKind(min), min), null, null);
      }
      String max =
          (at(TokenKind.MINUS) || at(TokenKind.INT) || at(TokenKind.FLOAT)) ? signedNumber() : null;
      if (min == null && max == null) {
        throw fail(t, "a range needs at least one bound, as in 0..100, 0.. or ..100");
      }
      return new ConstraintArg(null, null, min, max);
    }
    if (t.is(TokenKind.IDENT)) {
      return new ConstraintArg(null, literal(), null, null);
    }
    throw fail(
        t, "expected a property name, a string or a range (min..max), found " + t.describe());
  }

  private static Literal.Kind numberKind(String n) {
    return n.contains(".") ? Literal.Kind.FLOAT : Literal.Kind.INT;
  }

  private String signedNumber() {
    boolean neg = accept(TokenKind.MINUS);
    Token n = peek();
    if (!n.is(TokenKind.INT) && !n.is(TokenKind.FLOAT)) {
      throw fail(n, "expected a number, found " + n.describe());
    }
    advance();
    return (neg ? "-" : "") + n.text();
  }

  private CardAst card() {
    Token at = advance();
    advance(); // "card"
    expect(TokenKind.LPAREN, "'(' after @card, as in @card(0..1)");
    Token min = expect(TokenKind.INT, "the minimum multiplicity, as in @card(0..1)");
    expect(TokenKind.DOTDOT, "'..' between the bounds, as in @card(1..) or @card(0..1)");
    String max = null;
    if (at(TokenKind.INT)) {
      max = advance().text();
    } else if (at(TokenKind.ERROR) || at(TokenKind.IDENT)) {
      throw fail(peek(), "leave the maximum empty for an unbounded edge, as in @card(1..)");
    }
    expect(TokenKind.RPAREN, "')' to close @card(…)");
    return new CardAst(min.text(), max, at.start(), lastEnd());
  }

  private Name typeName(String what) {
    Token t = peek();
    if (!t.is(TokenKind.IDENT)) {
      throw fail(t, "expected a " + what + " type name, found " + t.describe());
    }
    advance();
    if (!Character.isUpperCase(t.text().charAt(0))) {
      throw fail(
          t,
          what
              + " type name '"
              + t.text()
              + "' must start with an upper-case letter; write '"
              + Character.toUpperCase(t.text().charAt(0))
              + t.text().substring(1)
              + "'");
    }
    return new Name(t.text(), t.start(), t.end());
  }

  private static boolean isLowerIdent(String s) {
    char c = s.charAt(0);
    return (c >= 'a' && c <= 'z') || c == '_';
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
