package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.EdgeType;

/** The staged rows of one edge type, with endpoint ids (resolved against batch and snapshot). */
public final class StagedEdges extends StagedRows {
  private final BatchStager st;

  StagedEdges(EdgeStage stage, BatchStager st) {
    super(stage);
    this.st = st;
  }

  public EdgeType type() {
    return stage.plan.edge;
  }

  /** The id of the source node (a node of {@code type().from()}). */
  public String src(int row) {
    return EndpointCheck.endpointId(st, type().from(), ((EdgeStage) stage).src[row]);
  }

  /** The id of the target node (a node of {@code type().to()}). */
  public String dst(int row) {
    return EndpointCheck.endpointId(st, type().to(), ((EdgeStage) stage).dst[row]);
  }
}
