package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.FilterOp;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.QType;
import io.omnigraph.compiler.query.ir.Value;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import java.math.BigInteger;

/**
 * Type compatibility rules shared by bindings, filters, assignments and predicates. Each method
 * returns null when the types fit, or a phrase saying what is wrong (the caller adds the code and
 * where it happened).
 *
 * <p>Rules: values of one category fit each other (strings and enums; booleans; integers, which
 * also fit floats; dates; datetimes). String literals for an enum must be one of its values; String
 * parameters are accepted and checked at run time. Integer literals must fit the target width.
 * Lists fit lists of a fitting element type; vectors take a {@code Vector(n)} of the same
 * dimension, a list literal of {@code n} numbers, or a numeric list parameter. Blobs take Blob
 * parameters or strings and are never compared.
 */
final class Compat {
  private Compat() {}

  enum Category {
    STRING,
    BOOL,
    NUMBER,
    DATE,
    DATETIME,
    BLOB
  }

  static Category category(ScalarType s) {
    return switch (s) {
      case STRING -> Category.STRING;
      case BOOL -> Category.BOOL;
      case DATE -> Category.DATE;
      case DATETIME -> Category.DATETIME;
      case BLOB -> Category.BLOB;
      default -> Category.NUMBER;
    };
  }

  /** Whether {@code value} may be stored in (or matched against) a property of type {@code t}. */
  static String valueProblem(PropType t, IrExpr value) {
    if (!(value.type() instanceof QType.Value v)) {
      return "a whole " + value.type().render() + " is not a property value";
    }
    PropType s = v.type();
    if (t.isBlob()) {
      return s.isBlob() || (s.isScalar() && s.scalar() == ScalarType.STRING)
          ? null
          : mismatch(t, s);
    }
    if (s.isBlob()) {
      return "a Blob value does not fit " + r(t);
    }
    if (t.isVector()) {
      return vectorProblem(t, value, s);
    }
    if (t.list()) {
      return listProblem(t, value, s);
    }
    if (!s.isScalar()) {
      return mismatch(t, s);
    }
    return scalarProblem(t, s.scalar(), literal(value));
  }

  private static String vectorProblem(PropType t, IrExpr value, PropType s) {
    if (s.isVector()) {
      return s.vectorDim() == t.vectorDim()
          ? null
          : "a Vector(" + s.vectorDim() + ") does not fit " + r(t) + " (dimensions differ)";
    }
    if (!s.list() || !s.scalar().isNumeric()) {
      return mismatch(t, s);
    }
    if (literal(value) instanceof Value.ListOf list && list.items().size() != t.vectorDim()) {
      return "a vector literal of "
          + list.items().size()
          + " numbers does not fit "
          + r(t)
          + " (dimension mismatch)";
    }
    return null;
  }

  private static String listProblem(PropType t, IrExpr value, PropType s) {
    if (Literals.isEmptyList(value)) {
      return null;
    }
    if (!s.list()) {
      return mismatch(t, s);
    }
    if (literal(value) instanceof Value.ListOf list) {
      for (Value item : list.items()) {
        String p = scalarProblem(t, Literals.scalarType(item).scalar(), item);
        if (p != null) {
          return p;
        }
      }
      return null;
    }
    return scalarProblem(t, s.scalar(), null);
  }

  /** {@code s} (with the literal value, if any) against the scalar part of {@code t}. */
  private static String scalarProblem(PropType t, ScalarType s, Value lit) {
    ScalarType ts = t.scalar();
    boolean fits = category(ts) == category(s) && (!ts.isInteger() || s.isInteger());
    if (!fits) {
      return "a " + describe(s, lit) + " does not fit " + r(t) + hint(ts, s);
    }
    if (t.isEnum() && lit instanceof Value.Str str && !t.enumValues().contains(str.value())) {
      return "\""
          + str.value()
          + "\" is not a value of "
          + r(t)
          + "; use one of "
          + String.join(", ", t.enumValues());
    }
    if (ts.isInteger() && lit instanceof Value.Int n && !fitsInteger(ts, n.value())) {
      return "integer " + n.value() + " is out of range for " + ts.spelling();
    }
    return null;
  }

  private static String hint(ScalarType target, ScalarType s) {
    if (target == ScalarType.DATETIME && s == ScalarType.STRING) {
      return "; write datetime(\"2024-01-31T12:00:00Z\") or use a DateTime parameter";
    }
    if (target == ScalarType.DATE && s == ScalarType.STRING) {
      return "; write date(\"2024-01-31\") or use a Date parameter";
    }
    return "";
  }

  static boolean fitsInteger(ScalarType t, BigInteger n) {
    long bits =
        switch (t) {
          case I32 -> 31;
          case U32 -> 32;
          case I64 -> 63;
          default -> 64;
        };
    return n.bitLength() <= bits;
  }

  /** Whether {@code left op right} is a valid filter. */
  static String compareProblem(FilterOp op, IrExpr left, IrExpr right) {
    QType l = left.type();
    QType r = right.type();
    if (l instanceof QType.Entity || r instanceof QType.Entity) {
      return entityProblem(op, l, r);
    }
    PropType a = l.valueType();
    PropType b = r.valueType();
    if (a.isBlob() || b.isBlob()) {
      return "Blob values cannot be compared or searched";
    }
    return switch (op) {
      case CONTAINS -> containsProblem(left, a, right, b);
      case STARTS_WITH -> startsWithProblem(a, b);
      default -> comparisonProblem(op, left, right);
    };
  }

  private static String entityProblem(FilterOp op, QType l, QType r) {
    if (l.equals(r) && (op == FilterOp.EQ || op == FilterOp.NE)) {
      return null;
    }
    return "whole entities can only be compared with = or != to another variable of the same"
        + " type; compare a property instead, as in $x.prop "
        + op.spelling()
        + " …";
  }

  private static String containsProblem(IrExpr left, PropType a, IrExpr right, PropType b) {
    if (a.list()) {
      if (!b.isScalar()) {
        return "contains on a list takes one element, not a " + r(b);
      }
      if (category(a.scalar()) != category(b.scalar())) {
        return "a " + r(b) + " cannot be an element of " + r(a);
      }
      return null;
    }
    if (isString(a) && isString(b)) {
      return null;
    }
    return "contains needs a list or a String on the left and a matching value on the right,"
        + " not "
        + r(a)
        + " and "
        + r(b);
  }

  private static String startsWithProblem(PropType a, PropType b) {
    if (isString(a) && isString(b)) {
      return null;
    }
    return "starts_with needs String values on both sides, not " + r(a) + " and " + r(b);
  }

  private static String comparisonProblem(FilterOp op, IrExpr left, IrExpr right) {
    PropType a = left.type().valueType();
    PropType b = right.type().valueType();
    if (!a.isScalar() || !b.isScalar()) {
      return "lists and vectors cannot be compared with "
          + op.spelling()
          + "; use contains for list membership";
    }
    if (category(a.scalar()) != category(b.scalar())) {
      return "cannot compare " + r(a) + " with " + r(b) + hint(a.scalar(), b.scalar());
    }
    if (op.isOrdering() && a.scalar() == ScalarType.BOOL) {
      return "Bool values are not ordered; use = or !=";
    }
    if (op == FilterOp.EQ || op == FilterOp.NE) {
      String p = enumLiteralProblem(a, right);
      return p != null ? p : enumLiteralProblem(b, left);
    }
    return null;
  }

  private static String enumLiteralProblem(PropType t, IrExpr other) {
    if (t.isEnum()
        && literal(other) instanceof Value.Str s
        && !t.enumValues().contains(s.value())) {
      return "\""
          + s.value()
          + "\" is not a value of "
          + r(t)
          + "; use one of "
          + String.join(", ", t.enumValues());
    }
    return null;
  }

  static boolean isString(PropType t) {
    return t.isScalar() && t.scalar() == ScalarType.STRING;
  }

  static boolean isInteger(PropType t) {
    return t.isScalar() && t.scalar().isInteger();
  }

  static boolean isNumeric(PropType t) {
    return t.isScalar() && t.scalar().isNumeric();
  }

  private static Value literal(IrExpr e) {
    return e instanceof IrExpr.Literal l ? l.value() : null;
  }

  private static String mismatch(PropType t, PropType s) {
    return "a " + r(s) + " value does not fit " + r(t);
  }

  /** A type as written, without the nullability mark (which does not matter in these rules). */
  static String r(PropType t) {
    return t.withNullable(false).render();
  }

  private static String describe(ScalarType s, Value lit) {
    if (lit == null) {
      return s.spelling() + " value";
    }
    return Literals.describe(lit) + " literal";
  }
}
