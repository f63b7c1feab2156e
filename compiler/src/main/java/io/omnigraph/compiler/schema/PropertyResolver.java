package io.omnigraph.compiler.schema;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.schema.SchemaAst.AnnotationAst;
import io.omnigraph.compiler.schema.SchemaAst.Name;
import io.omnigraph.compiler.schema.SchemaAst.PropertyDecl;
import io.omnigraph.compiler.schema.SchemaAst.TypeRefAst;
import io.omnigraph.compiler.source.SourceText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns property declarations into catalog {@link Property} values: resolves the type, sorts enum
 * values, and checks property-level annotations and where they may appear.
 */
final class PropertyResolver {
  static final Set<String> RESERVED =
      Set.of(
          "_rowid",
          "_rowaddr",
          "_rowoffset",
          "_row_created_at_version",
          "_row_last_updated_at_version");

  private final SourceText src;
  private final List<Diagnostic> diagnostics;

  PropertyResolver(SourceText src, List<Diagnostic> diagnostics) {
    this.src = src;
    this.diagnostics = diagnostics;
  }

  /** Resolves one property of a type of the given kind; returns {@code null} after an error. */
  Property resolve(PropertyDecl decl, TypeKind owner, String ownerName) {
    int before = errorCount();
    checkName(decl.name(), owner, ownerName);
    PropType type = resolveType(decl.type(), decl.name().text());
    if (type == null) {
      return null;
    }
    Flags flags = new Flags();
    List<Annotation> annotations = new ArrayList<>();
    for (AnnotationAst a : decl.annotations()) {
      annotation(a, decl, type, owner, flags, annotations);
    }
    if (errorCount() > before) {
      return null;
    }
    return new Property(
        decl.name().text(),
        type,
        flags.key,
        flags.unique,
        flags.index,
        flags.embed,
        flags.renameFrom,
        annotations,
        null);
  }

  private int errorCount() {
    return (int) diagnostics.stream().filter(Diagnostic::isError).count();
  }

  private void checkName(Name name, TypeKind owner, String ownerName) {
    String n = name.text();
    if (RESERVED.contains(n)) {
      error(
          SchemaCode.RESERVED_NAME,
          name,
          "property name '" + n + "' is reserved for storage system columns; choose another name");
    } else if (n.equals("id")) {
      error(
          SchemaCode.RESERVED_NAME,
          name,
          "property name 'id' is reserved: every "
              + owner.wire()
              + " has a physical id column; name the property e.g. '"
              + lower(ownerName)
              + "_id'");
    } else if (owner == TypeKind.EDGE && (n.equals("src") || n.equals("dst"))) {
      error(
          SchemaCode.RESERVED_NAME,
          name,
          "property name '"
              + n
              + "' is reserved on edges (the endpoint columns are src and dst); choose another name");
    }
  }

  private static String lower(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  PropType resolveType(TypeRefAst t, String propName) {
    if (t.enumValues() != null) {
      return enumType(t, propName);
    }
    if (t.vectorDim() != null) {
      return vectorType(t);
    }
    ScalarType base = ScalarType.fromSpelling(t.base()).orElseThrow();
    return t.list() ? PropType.listOf(base, t.nullable()) : PropType.scalar(base, t.nullable());
  }

  private PropType enumType(TypeRefAst t, String propName) {
    TreeSet<String> values = new TreeSet<>();
    for (Name v : t.enumValues()) {
      if (!values.add(v.text())) {
        error(
            SchemaCode.INVALID_ENUM,
            v,
            "enum value '"
                + v.text()
                + "' of '"
                + propName
                + "' is listed twice; remove the duplicate");
        return null;
      }
    }
    return PropType.enumOf(List.copyOf(values), t.nullable());
  }

  private PropType vectorType(TypeRefAst t) {
    long dim;
    try {
      dim = Long.parseLong(t.vectorDim());
    } catch (NumberFormatException e) {
      dim = -1;
    }
    if (dim < 1 || dim > Integer.MAX_VALUE) {
      diagnostics.add(
          Diagnostic.error(
              SchemaCode.INVALID_VECTOR.code(),
              src.position(t.start(), t.end()),
              "vector dimension " + t.vectorDim() + " is out of range; use 1 to 2147483647"));
      return null;
    }
    return PropType.vector((int) dim, t.nullable());
  }

  private static final class Flags {
    boolean key;
    boolean unique;
    boolean index;
    Embed embed;
    String renameFrom;
    final Set<String> seen = new HashSet<>();
  }

  private void annotation(
      AnnotationAst a,
      PropertyDecl decl,
      PropType type,
      TypeKind owner,
      Flags flags,
      List<Annotation> out) {
    String n = a.name();
    String prop = decl.name().text();
    boolean once = Set.of("key", "unique", "index", "embed", "rename_from").contains(n);
    if (once && !flags.seen.add(n)) {
      error(
          SchemaCode.DUPLICATE_CONSTRAINT,
          a,
          "@" + n + " is written twice on '" + prop + "'; keep one");
      return;
    }
    switch (n) {
      case "key", "unique", "index" -> constraintFlag(a, prop, type, owner, flags);
      case "embed" -> flags.embed = embed(a, prop, type, owner);
      case "rename_from" -> flags.renameFrom = stringArg(a, prop);
      case "range", "check", "card" ->
          error(
              SchemaCode.MISPLACED_CONSTRAINT,
              a,
              "@" + n + " is not a property annotation; " + placementHint(n, prop));
      case "instruction" -> {
        error(
            SchemaCode.INVALID_ANNOTATION,
            a,
            "@instruction is for node and edge types and queries, not properties; use @description on '"
                + prop
                + "'");
      }
      case "description" -> {
        if (stringArg(a, prop) != null) {
          out.add(toAnnotation(a));
        }
      }
      default -> out.add(toAnnotation(a));
    }
  }

  private static String placementHint(String n, String prop) {
    return switch (n) {
      case "range" -> "write @range(" + prop + ", min..max) in the node body";
      case "check" -> "write @check(" + prop + ", \"regex\") in the node body";
      default -> "@card belongs in the edge header, as in edge E: A -> B @card(0..1)";
    };
  }

  private void constraintFlag(
      AnnotationAst a, String prop, PropType type, TypeKind owner, Flags flags) {
    String n = a.name();
    if (a.hasArgs()) {
      error(
          SchemaCode.INVALID_ANNOTATION,
          a,
          "@"
              + n
              + " on a property takes no arguments; write '"
              + prop
              + ": "
              + type.render()
              + " @"
              + n
              + "'");
      return;
    }
    String why = flagRestriction(n, type, owner);
    if (why != null) {
      error(
          SchemaCode.INVALID_CONSTRAINT_TARGET,
          a,
          "@" + n + " is not allowed on '" + prop + "' (" + why + ")");
      return;
    }
    switch (n) {
      case "key" -> flags.key = true;
      case "unique" -> flags.unique = true;
      default -> flags.index = true;
    }
  }

  /** Why a constraint flag may not be placed on this type, or {@code null} when it may. */
  static String flagRestriction(String n, PropType type, TypeKind owner) {
    if (n.equals("key") && owner == TypeKind.EDGE) {
      return "edges have no key; use @unique";
    }
    if (type.list()) {
      return "list properties cannot be constrained or indexed";
    }
    if (type.isBlob()) {
      return "Blob properties cannot be constrained or indexed";
    }
    if ((n.equals("key") || n.equals("unique")) && type.isVector()) {
      return "Vector properties cannot be keys or unique";
    }
    if (n.equals("key") && type.nullable()) {
      return "key properties must be non-nullable; drop the '?'";
    }
    return null;
  }

  private Embed embed(AnnotationAst a, String prop, PropType type, TypeKind owner) {
    if (owner == TypeKind.EDGE) {
      error(SchemaCode.INVALID_CONSTRAINT_TARGET, a, "@embed is not allowed on edge properties");
      return null;
    }
    if (!type.isVector()) {
      error(
          SchemaCode.INVALID_CONSTRAINT_TARGET,
          a,
          "@embed belongs on a Vector(n) property; '" + prop + "' is " + type.render());
      return null;
    }
    if (a.value() == null || a.value().kind() != Literal.Kind.STRING) {
      error(
          SchemaCode.INVALID_ANNOTATION,
          a,
          "@embed needs the source property as a string, as in @embed(\"text\")");
      return null;
    }
    String model = null;
    for (var kw : a.kwargs().entrySet()) {
      if (!kw.getKey().equals("model") || kw.getValue().kind() != Literal.Kind.STRING) {
        error(
            SchemaCode.INVALID_ANNOTATION,
            a,
            "@embed accepts only model=\"…\" as a keyword argument");
        return null;
      }
      model = kw.getValue().text();
    }
    return new Embed(a.value().text(), model);
  }

  private String stringArg(AnnotationAst a, String prop) {
    if (a.value() == null || a.value().kind() != Literal.Kind.STRING || !a.kwargs().isEmpty()) {
      error(
          SchemaCode.INVALID_ANNOTATION,
          a,
          "@"
              + a.name()
              + " on '"
              + prop
              + "' takes one string argument, as in @"
              + a.name()
              + "(\"…\")");
      return null;
    }
    return a.value().text();
  }

  static Annotation toAnnotation(AnnotationAst a) {
    return new Annotation(a.name(), a.value(), a.kwargs());
  }

  private void error(SchemaCode code, Name at, String message) {
    diagnostics.add(Diagnostic.error(code.code(), src.position(at.start(), at.end()), message));
  }

  private void error(SchemaCode code, AnnotationAst at, String message) {
    diagnostics.add(Diagnostic.error(code.code(), src.position(at.start(), at.end()), message));
  }
}
