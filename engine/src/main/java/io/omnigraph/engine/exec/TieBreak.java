package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.Variable;
import java.util.List;

/**
 * The end of the total deterministic order (03 §4): binding rows compare by the physical id of
 * every bound variable in binding order, ascending (node ids for nodes, edge ids for edge
 * bindings), compared through cached id ranks. A table's ranks are fetched on the first comparison
 * that needs them, so a result of one row (a key lookup) never builds or looks them up.
 */
final class TieBreak {
  private final Bindings rows;
  private final Slot[] slots;
  private final int[][] ranks;

  private TieBreak(Bindings rows, Slot[] slots) {
    this.rows = rows;
    this.slots = slots;
    this.ranks = new int[slots.length][];
  }

  static TieBreak of(SlotSpace space, List<Variable> variables, Bindings rows) {
    Slot[] slots = new Slot[variables.size()];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = space.root().slot(variables.get(i).name());
    }
    return new TieBreak(rows, slots);
  }

  int compare(int a, int b) {
    for (int i = 0; i < slots.length; i++) {
      int c = Integer.compare(rank(i, a), rank(i, b));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a, b);
  }

  private int rank(int i, int row) {
    int r = rows.get(slots[i].index(), row);
    if (r < 0) {
      return -1;
    }
    if (ranks[i] == null) {
      Slot s = slots[i];
      ranks[i] = s.isEdge() ? TableCache.idRank(s.edges()) : TableCache.idRank(s.nodes());
    }
    return ranks[i][r];
  }
}
