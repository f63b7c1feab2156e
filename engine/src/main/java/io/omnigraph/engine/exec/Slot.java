package io.omnigraph.engine.exec;

import io.omnigraph.compiler.schema.TypeKind;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.NodeTable;

/**
 * One column of the binding table: a match variable bound to node rows ({@code nodes}) or edge rows
 * ({@code edges}), or (both null) the seed number a {@code not { }} block carries.
 */
record Slot(int index, String name, TypeKind kind, NodeTable nodes, EdgeTable edges) {
  boolean isNode() {
    return kind == TypeKind.NODE;
  }

  boolean isEdge() {
    return kind == TypeKind.EDGE;
  }

  /** Rows in the slot's table (0 for seed slots). */
  int tableSize() {
    return nodes != null ? nodes.size() : edges != null ? edges.size() : 0;
  }
}
