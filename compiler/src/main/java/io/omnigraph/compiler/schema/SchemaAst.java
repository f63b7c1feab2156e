package io.omnigraph.compiler.schema;

import java.util.List;
import java.util.Map;

/**
 * The syntax tree of a {@code .pg} file, before names are resolved. Every node keeps the character
 * offsets of its name so that later stages can point at it.
 */
public final class SchemaAst {
  private SchemaAst() {}

  /** A whole file: declarations in source order. */
  public record File(List<Decl> declarations) {}

  /** A top-level declaration. */
  public sealed interface Decl permits InterfaceDecl, NodeDecl, EdgeDecl {
    Name name();
  }

  /** A name with its span. */
  public record Name(String text, int start, int end) {}

  public record InterfaceDecl(Name name, List<PropertyDecl> properties) implements Decl {}

  public record NodeDecl(
      Name name,
      List<AnnotationAst> annotations,
      List<Name> implementsList,
      List<PropertyDecl> properties,
      List<ConstraintAst> constraints)
      implements Decl {}

  public record EdgeDecl(
      Name name,
      Name from,
      Name to,
      CardAst card,
      List<AnnotationAst> annotations,
      List<PropertyDecl> properties,
      List<ConstraintAst> constraints)
      implements Decl {}

  public record PropertyDecl(Name name, TypeRefAst type, List<AnnotationAst> annotations) {}

  /**
   * A type reference. Exactly one of the shapes is set: {@code base} (with {@code list}), {@code
   * enumValues}, or {@code vectorDim}.
   */
  public record TypeRefAst(
      String base,
      boolean list,
      List<Name> enumValues,
      String vectorDim,
      boolean nullable,
      int start,
      int end) {}

  /** {@code @name}, {@code @name(arg)}, {@code @name(arg, k=v)}. */
  public record AnnotationAst(
      String name, Literal value, Map<String, Literal> kwargs, int start, int end) {
    public boolean hasArgs() {
      return value != null || !kwargs.isEmpty();
    }
  }

  /** A body constraint with its raw arguments. */
  public record ConstraintAst(String kind, List<ConstraintArg> args, int start, int end) {}

  /** One constraint argument: a property name, a literal, or a range. */
  public record ConstraintArg(Name ident, Literal literal, String rangeMin, String rangeMax) {
    public boolean isRange() {
      return ident == null && literal == null;
    }
  }

  /** {@code @card(min..max)}; {@code max} is {@code null} when open. */
  public record CardAst(String min, String max, int start, int end) {}
}
