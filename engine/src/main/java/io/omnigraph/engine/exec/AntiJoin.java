package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.MatchItem;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code not { … }}: keeps the rows for which the inner clauses have no match. The distinct tuples
 * of the outer variables the block mentions become seed rows (each carrying its number in the
 * block's seed slot); the inner block runs once over all seeds in existence mode; rows whose seed
 * produced any inner row are dropped. Variables first bound inside the block (such as {@code $_})
 * are local to it.
 */
final class AntiJoin {
  private AntiJoin() {}

  private record Tuple(int[] v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Tuple t && Arrays.equals(v, t.v);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(v);
    }
  }

  static Bindings apply(ExecContext ctx, Frame outerFrame, MatchItem.Negation n, Bindings rows) {
    Frame frame = ctx.space().frame(n);
    int seed = ctx.space().seed(n).index();
    int[] outer = slots(outerFrame, n.outerVariables());
    int[] seedOf = new int[rows.size()];
    Bindings seeds = seeds(ctx, rows, outer, seed, seedOf);
    Bindings matched = new BlockMatcher(ctx, frame, n.items(), true).run(seeds);
    BitSet hit = new BitSet();
    for (int r = 0; r < matched.size(); r++) {
      hit.set(matched.get(seed, r));
    }
    Bindings.Builder out = ctx.builder(rows.boundSlots());
    Cursor c = new Cursor(rows.width());
    for (int i = 0; i < rows.size(); i++) {
      if (!hit.get(seedOf[i])) {
        out.append(c.at(rows, i));
      }
    }
    return out.build();
  }

  static int[] slots(Frame frame, List<String> names) {
    return names.stream().mapToInt(v -> frame.slot(v).index()).toArray();
  }

  private static Bindings seeds(
      ExecContext ctx, Bindings rows, int[] outer, int seed, int[] seedOf) {
    boolean[] slots = new boolean[rows.width()];
    for (int o : outer) {
      slots[o] = true;
    }
    slots[seed] = true;
    Bindings.Builder b = ctx.builder(slots);
    Map<Tuple, Integer> ids = new HashMap<>();
    Cursor c = new Cursor(rows.width());
    for (int i = 0; i < rows.size(); i++) {
      int[] key = new int[outer.length];
      for (int j = 0; j < outer.length; j++) {
        key[j] = rows.get(outer[j], i);
      }
      Integer id = ids.get(new Tuple(key));
      if (id == null) {
        id = ids.size();
        ids.put(new Tuple(key), id);
        c.at(rows, i).set(seed, id);
        b.append(c);
        c.clear(seed);
      }
      seedOf[i] = id;
    }
    return b.build();
  }
}
