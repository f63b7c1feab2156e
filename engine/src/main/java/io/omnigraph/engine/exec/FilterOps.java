package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.FilterOp;
import java.util.List;

/**
 * The match operators (03 §3). Any operator with NULL on either side is false, {@code !=} included
 * (00 §Language clarifications 3). {@code contains} is list membership when the left side is a list
 * and case-sensitive substring when it is a String; {@code starts_with} is a case-sensitive prefix
 * test. No tokenization, and {@code _}/{@code %} are literal characters.
 */
public final class FilterOps {
  private FilterOps() {}

  public static boolean test(FilterOp op, Object left, Object right) {
    if (left == null || right == null) {
      return false;
    }
    return switch (op) {
      case EQ -> Cmp.eq(left, right);
      case NE -> !Cmp.eq(left, right);
      case LT -> Cmp.compare(left, right) < 0;
      case LE -> Cmp.compare(left, right) <= 0;
      case GT -> Cmp.compare(left, right) > 0;
      case GE -> Cmp.compare(left, right) >= 0;
      case CONTAINS -> contains(left, right);
      case STARTS_WITH -> left instanceof String s && right instanceof String p && s.startsWith(p);
    };
  }

  private static boolean contains(Object left, Object right) {
    if (left instanceof List<?> list) {
      for (Object item : list) {
        if (item != null && Cmp.eq(item, right)) {
          return true;
        }
      }
      return false;
    }
    return left instanceof String s && right instanceof String sub && s.contains(sub);
  }
}
