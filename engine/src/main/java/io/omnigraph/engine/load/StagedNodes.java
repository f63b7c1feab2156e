package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.NodeType;

/** The staged rows of one node type. */
public final class StagedNodes extends StagedRows {
  StagedNodes(Stage stage) {
    super(stage);
  }

  public NodeType type() {
    return stage.plan.node;
  }
}
