package io.omnigraph.engine.exec;

import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.query.ir.ReadPlan;
import io.omnigraph.compiler.query.ir.Variable;
import io.omnigraph.compiler.schema.TypeKind;
import io.omnigraph.engine.graph.GraphSnapshot;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every slot of one execution, allocated up front: the top-level variables, then for each {@code
 * not { }} block (nested ones too) its local variables and a seed slot. Blocks are keyed by
 * identity (two textually equal blocks are still two blocks).
 */
final class SlotSpace {
  private final GraphSnapshot graph;
  private final List<Slot> slots = new ArrayList<>();
  private final Frame root = new Frame(null);
  private final Map<MatchItem.Negation, Frame> frames = new IdentityHashMap<>(2);
  private final Map<MatchItem.Negation, Slot> seeds = new IdentityHashMap<>(2);

  private SlotSpace(GraphSnapshot graph) {
    this.graph = graph;
  }

  static SlotSpace build(GraphSnapshot graph, ReadPlan plan) {
    SlotSpace s = new SlotSpace(graph);
    plan.variables().forEach(v -> s.root.add(s.variable(v)));
    s.negations(plan.match(), s.root);
    return s;
  }

  private void negations(List<MatchItem> items, Frame outer) {
    for (MatchItem item : items) {
      if (item instanceof MatchItem.Negation n) {
        Frame f = new Frame(outer);
        n.localVariables().forEach(v -> f.add(variable(v)));
        frames.put(n, f);
        seeds.put(n, add(new Slot(slots.size(), "#seed", null, null, null)));
        negations(n.items(), f);
      }
    }
  }

  private Slot variable(Variable v) {
    int i = slots.size();
    Slot s =
        v.kind() == TypeKind.EDGE
            ? new Slot(i, v.name(), v.kind(), null, graph.edges(v.typeName()))
            : new Slot(i, v.name(), v.kind(), graph.nodes(v.typeName()), null);
    return add(s);
  }

  private Slot add(Slot s) {
    slots.add(s);
    return s;
  }

  int width() {
    return slots.size();
  }

  Frame root() {
    return root;
  }

  Frame frame(MatchItem.Negation n) {
    return frames.get(n);
  }

  Slot seed(MatchItem.Negation n) {
    return seeds.get(n);
  }

  GraphSnapshot graph() {
    return graph;
  }
}
