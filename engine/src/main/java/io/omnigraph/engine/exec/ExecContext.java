package io.omnigraph.engine.exec;

import io.omnigraph.engine.graph.GraphSnapshot;
import java.util.HashMap;
import java.util.Map;

/** Everything one execution shares: the snapshot, bound parameters, options and slots. */
final class ExecContext {
  private final GraphSnapshot graph;
  private final Map<String, Object> params;
  private final ExecOptions options;
  private final SlotSpace space;
  private final Map<String, float[]> embeddings = new HashMap<>();

  ExecContext(
      GraphSnapshot graph, Map<String, Object> params, ExecOptions options, SlotSpace space) {
    this.graph = graph;
    this.params = params;
    this.options = options;
    this.space = space;
  }

  GraphSnapshot graph() {
    return graph;
  }

  ExecOptions options() {
    return options;
  }

  SlotSpace space() {
    return space;
  }

  Object param(String name) {
    if (!params.containsKey(name)) {
      throw new IllegalStateException("parameter $" + name + " is not bound");
    }
    return params.get(name);
  }

  /** Query embeddings computed in this execution, keyed by property and text. */
  Map<String, float[]> embeddings() {
    return embeddings;
  }

  Bindings.Builder builder(boolean[] slots) {
    return new Bindings.Builder(slots, options.maxIntermediateRows());
  }
}
