package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.schema.ScalarType;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The aggregate functions, evaluated over the binding rows of one group.
 *
 * <ul>
 *   <li>{@code count($x)} counts the distinct nodes bound to {@code $x} in the group (not binding
 *       rows: a node reached along several paths counts once);
 *   <li>{@code count(expr)} counts the binding rows where the expression is not NULL;
 *   <li>{@code sum} adds the non-NULL values: integers stay 64-bit integers (overflow is the error
 *       {@code numeric_overflow}), floats add as F64; {@code avg} is their F64 mean;
 *   <li>{@code min}/{@code max} use the total order of {@link Cmp} (strings by code point);
 *   <li>with no non-NULL value, {@code sum}, {@code avg}, {@code min} and {@code max} are NULL and
 *       {@code count} is 0.
 * </ul>
 */
final class Accumulators {
  private Accumulators() {}

  interface Acc {
    void add(RowAccess r);

    Object result();
  }

  static Supplier<Acc> of(ExprCompiler ec, IrExpr.Aggregate a) {
    if (a.arg() instanceof IrExpr.Entity e) {
      int slot = ec.frame().slot(e.var()).index();
      return () -> new DistinctCount(slot);
    }
    RowExpr arg = ec.compile(a.arg());
    String label = a.fn().spelling() + "(…)";
    return switch (a.fn()) {
      case COUNT -> () -> new Count(arg);
      case SUM ->
          a.resultType().scalar() == ScalarType.I64
              ? () -> new LongSum(arg, label)
              : () -> new DoubleSum(arg, false);
      case AVG -> () -> new DoubleSum(arg, true);
      case MIN -> () -> new Extreme(arg, -1);
      case MAX -> () -> new Extreme(arg, 1);
    };
  }

  private static final class DistinctCount implements Acc {
    private final int slot;
    private final Set<Integer> seen = new HashSet<>();

    DistinctCount(int slot) {
      this.slot = slot;
    }

    @Override
    public void add(RowAccess r) {
      int row = r.get(slot);
      if (row >= 0) {
        seen.add(row);
      }
    }

    @Override
    public Object result() {
      return (long) seen.size();
    }
  }

  private static final class Count implements Acc {
    private final RowExpr arg;
    private long n;

    Count(RowExpr arg) {
      this.arg = arg;
    }

    @Override
    public void add(RowAccess r) {
      if (arg.eval(r) != null) {
        n++;
      }
    }

    @Override
    public Object result() {
      return n;
    }
  }

  private static final class LongSum implements Acc {
    private final RowExpr arg;
    private final String label;
    private long sum;
    private boolean any;

    LongSum(RowExpr arg, String label) {
      this.arg = arg;
      this.label = label;
    }

    @Override
    public void add(RowAccess r) {
      Object v = arg.eval(r);
      if (v != null) {
        try {
          sum = Math.addExact(sum, ((Number) v).longValue());
        } catch (ArithmeticException e) {
          throw new QueryExecutionException(
              QueryExecutionException.Code.NUMERIC_OVERFLOW,
              label
                  + " overflows the 64-bit integer range; narrow the match or sum a float"
                  + " property");
        }
        any = true;
      }
    }

    @Override
    public Object result() {
      return any ? sum : null;
    }
  }

  private static final class DoubleSum implements Acc {
    private final RowExpr arg;
    private final boolean average;
    private double sum;
    private long n;

    DoubleSum(RowExpr arg, boolean average) {
      this.arg = arg;
      this.average = average;
    }

    @Override
    public void add(RowAccess r) {
      Object v = arg.eval(r);
      if (v != null) {
        sum += ((Number) v).doubleValue();
        n++;
      }
    }

    @Override
    public Object result() {
      if (n == 0) {
        return null;
      }
      return average ? sum / n : sum;
    }
  }

  private static final class Extreme implements Acc {
    private final RowExpr arg;
    private final int sign;
    private Object best;

    Extreme(RowExpr arg, int sign) {
      this.arg = arg;
      this.sign = sign;
    }

    @Override
    public void add(RowAccess r) {
      Object v = arg.eval(r);
      if (v != null && (best == null || sign * Cmp.compare(v, best) > 0)) {
        best = v;
      }
    }

    @Override
    public Object result() {
      return best;
    }
  }
}
