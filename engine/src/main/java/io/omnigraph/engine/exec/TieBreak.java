package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.Variable;
import java.util.List;

/**
 * The end of the total deterministic order (03 §4): binding rows compare by the physical id of
 * every bound variable in binding order, ascending (node ids for nodes, edge ids for edge
 * bindings), compared through cached id ranks.
 */
final class TieBreak {
  private final Bindings rows;
  private final int[] slots;
  private final int[][] ranks;

  private TieBreak(Bindings rows, int[] slots, int[][] ranks) {
    this.rows = rows;
    this.slots = slots;
    this.ranks = ranks;
  }

  static TieBreak of(SlotSpace space, List<Variable> variables, Bindings rows) {
    int n = variables.size();
    int[] slots = new int[n];
    int[][] ranks = new int[n][];
    for (int i = 0; i < n; i++) {
      Slot s = space.root().slot(variables.get(i).name());
      slots[i] = s.index();
      ranks[i] = s.isEdge() ? TableCache.idRank(s.edges()) : TableCache.idRank(s.nodes());
    }
    return new TieBreak(rows, slots, ranks);
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
    int r = rows.get(slots[i], row);
    return r < 0 ? -1 : ranks[i][r];
  }
}
