package io.omnigraph.engine.exec;

import io.omnigraph.engine.graph.Values;
import java.math.BigInteger;
import java.util.List;

/**
 * The executor's total order on runtime values: {@link Values#compare} (NULL first, strings and
 * enums by code point = UTF-8 byte order, numbers numerically across widths, false before true),
 * extended to U64 literals beyond the I64 range ({@link BigInteger}, compared exactly), lists and
 * vectors (element by element, then by length) and bound nodes (by physical id).
 */
final class Cmp {
  private Cmp() {}

  static int compare(Object a, Object b) {
    if (a == b) {
      return 0;
    }
    if (a == null || b == null) {
      return a == null ? -1 : 1;
    }
    if (a instanceof BigInteger || b instanceof BigInteger) {
      return big(a, b);
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      return lists(x, y);
    }
    if (a instanceof float[] x && b instanceof float[] y) {
      return vectors(x, y);
    }
    if (a instanceof NodeRef x && b instanceof NodeRef y) {
      return Values.compareUtf8(x.id(), y.id());
    }
    return Values.compare(a, b);
  }

  /** Equality of two non-null values under {@link #compare}. */
  static boolean eq(Object a, Object b) {
    if (a instanceof String x && b instanceof String y) {
      return x.equals(y);
    }
    if (a instanceof NodeRef || b instanceof NodeRef) {
      return a.equals(b);
    }
    return compare(a, b) == 0;
  }

  private static int big(Object a, Object b) {
    if (a instanceof Double || b instanceof Double) {
      return Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
    }
    return toBig(a).compareTo(toBig(b));
  }

  private static BigInteger toBig(Object o) {
    return o instanceof BigInteger b ? b : BigInteger.valueOf(((Number) o).longValue());
  }

  private static int lists(List<?> x, List<?> y) {
    int n = Math.min(x.size(), y.size());
    for (int i = 0; i < n; i++) {
      int c = compare(x.get(i), y.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.size(), y.size());
  }

  private static int vectors(float[] x, float[] y) {
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      int c = Float.compare(x[i], y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
