package io.omnigraph.engine.exec;

import io.omnigraph.engine.graph.NodeTable;

/**
 * A bound node during execution (the value of {@code $x}); two refs are equal when they name the
 * same row of the same table. Turned into an {@link EntityValue} when a row is returned.
 */
record NodeRef(NodeTable table, int row) {
  String id() {
    return table.id(row);
  }
}
