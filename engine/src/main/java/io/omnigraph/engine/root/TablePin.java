package io.omnigraph.engine.root;

/**
 * Where a table's published state lives: its dataset path under the graph root, the Lance branch
 * ({@code null} = main) and the Lance version on that branch.
 */
public record TablePin(String path, String lanceBranch, long version) {
  TablePin withVersion(long v) {
    return new TablePin(path, lanceBranch, v);
  }
}
