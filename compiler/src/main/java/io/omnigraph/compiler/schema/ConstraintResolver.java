package io.omnigraph.compiler.schema;

import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.schema.SchemaAst.ConstraintArg;
import io.omnigraph.compiler.schema.SchemaAst.ConstraintAst;
import io.omnigraph.compiler.source.SourceText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Checks body constraints against the properties of their type and builds {@link Constraint}s. */
final class ConstraintResolver {
  private final SourceText src;
  private final List<Diagnostic> diagnostics;

  ConstraintResolver(SourceText src, List<Diagnostic> diagnostics) {
    this.src = src;
    this.diagnostics = diagnostics;
  }

  List<Constraint> resolve(
      List<ConstraintAst> asts, TypeKind owner, String typeName, Map<String, Property> props) {
    List<Constraint> out = new ArrayList<>();
    boolean bodyKey = false;
    for (ConstraintAst c : asts) {
      Constraint.Kind kind = Constraint.Kind.fromWord(c.kind());
      if (owner == TypeKind.EDGE
          && (kind == Constraint.Kind.KEY
              || kind == Constraint.Kind.RANGE
              || kind == Constraint.Kind.CHECK)) {
        error(
            SchemaCode.MISPLACED_CONSTRAINT,
            c,
            "edge bodies allow only @unique and @index; @" + c.kind() + " belongs on node types");
        continue;
      }
      if (kind == Constraint.Kind.KEY) {
        if (bodyKey || props.values().stream().anyMatch(Property::key)) {
          error(
              SchemaCode.DUPLICATE_CONSTRAINT,
              c,
              "node "
                  + typeName
                  + " already has a key; declare one key, using @key(a, b) for a composite key");
          continue;
        }
        bodyKey = true;
      }
      Constraint resolved =
          switch (kind) {
            case KEY, UNIQUE, INDEX -> propertyList(c, kind, owner, typeName, props);
            case RANGE -> range(c, typeName, props);
            case CHECK -> check(c, typeName, props);
          };
      if (resolved != null) {
        out.add(resolved);
      }
    }
    return out;
  }

  private Constraint propertyList(
      ConstraintAst c,
      Constraint.Kind kind,
      TypeKind owner,
      String typeName,
      Map<String, Property> props) {
    List<String> names = new ArrayList<>();
    for (ConstraintArg a : c.args()) {
      if (a.ident() == null) {
        error(
            SchemaCode.SYNTAX,
            c,
            "@" + c.kind() + "(…) lists property names, as in @" + c.kind() + "(a, b)");
        return null;
      }
      String n = a.ident().text();
      if (names.contains(n)) {
        error(
            SchemaCode.DUPLICATE_CONSTRAINT,
            c,
            "'" + n + "' is listed twice in @" + c.kind() + "(…)");
        return null;
      }
      if (owner == TypeKind.EDGE && (n.equals("src") || n.equals("dst"))) {
        names.add(n);
        continue;
      }
      Property p = props.get(n);
      if (p == null) {
        error(
            SchemaCode.UNKNOWN_CONSTRAINT_PROPERTY,
            a.ident(),
            unknownProperty(c.kind(), n, typeName, owner));
        return null;
      }
      String why = PropertyResolver.flagRestriction(c.kind(), p.type(), owner);
      if (why != null) {
        error(
            SchemaCode.INVALID_CONSTRAINT_TARGET,
            a.ident(),
            "@" + c.kind() + " cannot include '" + n + "' (" + why + ")");
        return null;
      }
      names.add(n);
    }
    return Constraint.of(kind, names);
  }

  private static String unknownProperty(String kind, String n, String typeName, TypeKind owner) {
    String extra = owner == TypeKind.EDGE ? " (edges may also name src or dst)" : "";
    return "@"
        + kind
        + " names '"
        + n
        + "', which is not a property of "
        + typeName
        + extra
        + "; declare it or fix the name";
  }

  private Constraint range(ConstraintAst c, String typeName, Map<String, Property> props) {
    if (c.args().size() != 2 || c.args().get(0).ident() == null || !c.args().get(1).isRange()) {
      error(
          SchemaCode.INVALID_RANGE_OR_CHECK,
          c,
          "write @range(property, min..max); either bound may be left out, as in 0.. or ..100");
      return null;
    }
    ConstraintArg target = c.args().get(0);
    Property p = targetProperty(c, typeName, props);
    if (p == null) {
      return null;
    }
    if (!p.type().scalar().isNumeric() || !p.type().isScalar()) {
      error(
          SchemaCode.INVALID_RANGE_OR_CHECK,
          target.ident(),
          "@range needs a numeric property; '" + p.name() + "' is " + p.type().render());
      return null;
    }
    ConstraintArg r = c.args().get(1);
    if (r.rangeMin() != null
        && r.rangeMax() != null
        && new BigDecimal(r.rangeMin()).compareTo(new BigDecimal(r.rangeMax())) > 0) {
      error(
          SchemaCode.INVALID_RANGE_OR_CHECK,
          c,
          "@range minimum "
              + r.rangeMin()
              + " is greater than its maximum "
              + r.rangeMax()
              + "; swap them");
      return null;
    }
    return new Constraint(
        Constraint.Kind.RANGE, List.of(p.name()), r.rangeMin(), r.rangeMax(), null);
  }

  private Constraint check(ConstraintAst c, String typeName, Map<String, Property> props) {
    if (c.args().size() != 2
        || c.args().get(0).ident() == null
        || c.args().get(1).literal() == null
        || c.args().get(1).literal().kind() != Literal.Kind.STRING) {
      error(SchemaCode.INVALID_RANGE_OR_CHECK, c, "write @check(property, \"regex\")");
      return null;
    }
    ConstraintArg target = c.args().get(0);
    Property p = targetProperty(c, typeName, props);
    if (p == null) {
      return null;
    }
    if (p.type().scalar() != ScalarType.STRING || !p.type().isScalar() || p.type().isEnum()) {
      error(
          SchemaCode.INVALID_RANGE_OR_CHECK,
          target.ident(),
          "@check needs a String property; '" + p.name() + "' is " + p.type().render());
      return null;
    }
    String regex = c.args().get(1).literal().text();
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      error(
          SchemaCode.INVALID_RANGE_OR_CHECK,
          c,
          "@check pattern is not a valid regular expression: " + e.getDescription());
      return null;
    }
    return new Constraint(Constraint.Kind.CHECK, List.of(p.name()), null, null, regex);
  }

  /** The property a range/check constraint names, or null after reporting it unknown. */
  private Property targetProperty(ConstraintAst c, String typeName, Map<String, Property> props) {
    SchemaAst.Name name = c.args().get(0).ident();
    Property p = props.get(name.text());
    if (p == null) {
      error(
          SchemaCode.UNKNOWN_CONSTRAINT_PROPERTY,
          name,
          unknownProperty(c.kind(), name.text(), typeName, TypeKind.NODE));
    }
    return p;
  }

  private void error(SchemaCode code, ConstraintAst at, String message) {
    diagnostics.add(Diagnostic.error(code.code(), src.position(at.start(), at.end()), message));
  }

  private void error(SchemaCode code, SchemaAst.Name at, String message) {
    diagnostics.add(Diagnostic.error(code.code(), src.position(at.start(), at.end()), message));
  }
}
