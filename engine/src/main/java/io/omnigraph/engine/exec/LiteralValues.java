package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Query literals in the runtime representation of {@link io.omnigraph.engine.graph.Values}.
 * Integers above the I64 range (U64 literals) stay {@link BigInteger}; {@link Cmp} compares them
 * exactly with stored integers.
 */
public final class LiteralValues {
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private LiteralValues() {}

  public static Object of(Value v) {
    return switch (v) {
      case Value.Str s -> s.value();
      case Value.Int i ->
          i.value().compareTo(LONG_MAX) <= 0 ? (Object) i.value().longValue() : i.value();
      case Value.Float f -> f.value();
      case Value.Bool b -> b.value();
      case Value.Date d -> Math.toIntExact(d.value().toEpochDay());
      case Value.DateTime t -> t.value().toEpochMilli();
      case Value.ListOf l -> list(l);
    };
  }

  private static List<Object> list(Value.ListOf l) {
    List<Object> out = new ArrayList<>(l.items().size());
    l.items().forEach(item -> out.add(of(item)));
    return List.copyOf(out);
  }
}
