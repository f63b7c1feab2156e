package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.ast.QueryAst.Lit;
import io.omnigraph.compiler.query.ast.QueryAst.LitKind;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.Value;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns literal syntax into typed values. Integers are typed I64 (U64 above the I64 range), floats
 * F64; a list literal takes the type of its elements (ints and floats together make F64). An empty
 * list is typed {@code [String]} but is accepted wherever any list is.
 */
final class Literals {
  static final BigInteger I64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
  static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private Literals() {}

  /** The typed literal, or null after reporting the problem through {@code error}. */
  static IrExpr.Literal convert(Lit lit, Consumer<String> error) {
    Value v = value(lit, error, true);
    if (v == null) {
      return null;
    }
    PropType t =
        lit.kind() == LitKind.LIST ? listType((Value.ListOf) v, lit, error) : scalarType(v);
    return t == null ? null : new IrExpr.Literal(v, t);
  }

  private static Value value(Lit lit, Consumer<String> error, boolean top) {
    return switch (lit.kind()) {
      case STRING -> new Value.Str(lit.text());
      case BOOL -> new Value.Bool(lit.text().equals("true"));
      case INT -> integer(lit.text(), error);
      case FLOAT -> floating(lit.text(), error);
      case DATE -> date(lit.text(), error);
      case DATETIME -> dateTime(lit.text(), error);
      case LIST -> top ? list(lit, error) : nested(error);
    };
  }

  private static Value nested(Consumer<String> error) {
    error.accept("lists hold scalar values only; nested lists are not supported");
    return null;
  }

  private static Value list(Lit lit, Consumer<String> error) {
    List<Value> items = new ArrayList<>();
    for (Lit item : lit.items()) {
      Value v = value(item, error, false);
      if (v == null) {
        return null;
      }
      items.add(v);
    }
    return new Value.ListOf(items);
  }

  private static Value integer(String digits, Consumer<String> error) {
    BigInteger n = new BigInteger(digits);
    if (n.compareTo(U64_MAX) > 0) {
      error.accept("integer literal " + digits + " is larger than the largest U64 value");
      return null;
    }
    return new Value.Int(n);
  }

  private static Value floating(String text, Consumer<String> error) {
    double d = Double.parseDouble(text);
    if (Double.isInfinite(d)) {
      error.accept("float literal " + text + " is too large");
      return null;
    }
    return new Value.Float(d);
  }

  private static Value date(String text, Consumer<String> error) {
    try {
      return new Value.Date(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
    } catch (DateTimeParseException e) {
      error.accept("date(\"" + text + "\") is not a valid date; write date(\"YYYY-MM-DD\")");
      return null;
    }
  }

  private static Value dateTime(String text, Consumer<String> error) {
    try {
      Instant i = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      return new Value.DateTime(i);
    } catch (DateTimeParseException e) {
      error.accept(
          "datetime(\""
              + text
              + "\") is not an RFC 3339 timestamp; write datetime(\"2024-01-31T12:00:00Z\")"
              + " (a Z or an offset is required)");
      return null;
    }
  }

  static PropType scalarType(Value v) {
    ScalarType s =
        switch (v) {
          case Value.Str x -> ScalarType.STRING;
          case Value.Bool x -> ScalarType.BOOL;
          case Value.Int x -> x.value().compareTo(I64_MAX) > 0 ? ScalarType.U64 : ScalarType.I64;
          case Value.Float x -> ScalarType.F64;
          case Value.Date x -> ScalarType.DATE;
          case Value.DateTime x -> ScalarType.DATETIME;
          case Value.ListOf x -> throw new IllegalArgumentException("not a scalar");
        };
    return PropType.scalar(s, false);
  }

  private static PropType listType(Value.ListOf list, Lit lit, Consumer<String> error) {
    ScalarType elem = null;
    for (Value item : list.items()) {
      ScalarType s = scalarType(item).scalar();
      elem = elem == null ? s : unify(elem, s);
      if (elem == null) {
        error.accept(
            "list literal mixes "
                + describe(list.items().get(0))
                + " and "
                + describe(item)
                + " values; a list holds one type");
        return null;
      }
    }
    return PropType.listOf(elem == null ? ScalarType.STRING : elem, false);
  }

  private static ScalarType unify(ScalarType a, ScalarType b) {
    if (a == b) {
      return a;
    }
    if (a.isNumeric() && b.isNumeric()) {
      return a.isFloat() || b.isFloat() ? ScalarType.F64 : ScalarType.U64;
    }
    return null;
  }

  static String describe(Value v) {
    return switch (v) {
      case Value.Str x -> "String";
      case Value.Bool x -> "Bool";
      case Value.Int x -> "integer";
      case Value.Float x -> "float";
      case Value.Date x -> "Date";
      case Value.DateTime x -> "DateTime";
      case Value.ListOf x -> "list";
    };
  }

  static boolean isEmptyList(IrExpr e) {
    return e instanceof IrExpr.Literal l
        && l.value() instanceof Value.ListOf list
        && list.items().isEmpty();
  }
}
