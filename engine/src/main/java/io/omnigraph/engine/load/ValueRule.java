package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.Constraint;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A per-value node constraint, checked on every record as it is read: {@code @range} (inclusive
 * bounds, either may be open) or {@code @check} (the whole string must match). Null values (an
 * absent nullable property) pass both.
 */
sealed interface ValueRule {
  int column();

  /** Null when {@code value} passes, else the message (after {@code line N: }). */
  String violation(String typeName, Object value);

  LoadCode code();

  static ValueRule of(Constraint c, int column, PropType type) {
    return c.kind() == Constraint.Kind.RANGE
        ? Range.of(c, column, type.scalar())
        : new Check(column, c.properties().get(0), c.pattern(), Pattern.compile(c.pattern()));
  }

  /** {@code @range(p, min..max)} with bounds precomputed for integer and float values. */
  record Range(
      int column,
      String property,
      String written,
      long minLong,
      long maxLong,
      double minDouble,
      double maxDouble)
      implements ValueRule {

    static Range of(Constraint c, int column, ScalarType t) {
      BigDecimal min = c.rangeMin() == null ? null : new BigDecimal(c.rangeMin());
      BigDecimal max = c.rangeMax() == null ? null : new BigDecimal(c.rangeMax());
      return new Range(
          column,
          c.properties().get(0),
          (c.rangeMin() == null ? "" : c.rangeMin())
              + ".."
              + (c.rangeMax() == null ? "" : c.rangeMax()),
          min == null ? Long.MIN_VALUE : clamp(min.setScale(0, RoundingMode.CEILING)),
          max == null ? Long.MAX_VALUE : clamp(max.setScale(0, RoundingMode.FLOOR)),
          min == null ? Double.NEGATIVE_INFINITY : width(min.doubleValue(), t),
          max == null ? Double.POSITIVE_INFINITY : width(max.doubleValue(), t));
    }

    private static long clamp(BigDecimal integral) {
      if (integral.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        return Long.MAX_VALUE;
      }
      if (integral.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
        return Long.MIN_VALUE;
      }
      return integral.longValueExact();
    }

    /** F32 values are stored at float precision, so their bounds are too. */
    private static double width(double bound, ScalarType t) {
      return t == ScalarType.F32 ? (double) (float) bound : bound;
    }

    @Override
    public String violation(String typeName, Object value) {
      boolean inside =
          switch (value) {
            case null -> true;
            case Long l -> l >= minLong && l <= maxLong;
            case Double d -> d >= minDouble && d <= maxDouble;
            default -> true;
          };
      if (inside) {
        return null;
      }
      return typeName
          + "."
          + property
          + " = "
          + value
          + " is outside @range("
          + property
          + ", "
          + written
          + "); give a value "
          + bounds();
    }

    private String bounds() {
      String[] parts = written.split("\\.\\.", -1);
      if (parts[0].isEmpty()) {
        return "of at most " + parts[1];
      }
      if (parts[1].isEmpty()) {
        return "of at least " + parts[0];
      }
      return "from " + parts[0] + " to " + parts[1];
    }

    @Override
    public LoadCode code() {
      return LoadCode.RANGE_VIOLATION;
    }
  }

  /** {@code @check(p, "regex")}: a full match is required. */
  record Check(int column, String property, String regex, Pattern pattern) implements ValueRule {
    @Override
    public String violation(String typeName, Object value) {
      if (value == null || pattern.matcher((String) value).matches()) {
        return null;
      }
      return typeName
          + "."
          + property
          + " = "
          + Messages.quote((String) value)
          + " does not match @check("
          + property
          + ", "
          + Messages.quote(regex)
          + "); the whole value must match the pattern";
    }

    @Override
    public LoadCode code() {
      return LoadCode.CHECK_VIOLATION;
    }
  }
}
