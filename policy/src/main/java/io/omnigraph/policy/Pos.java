package io.omnigraph.policy;

/** A 1-based line and column in a YAML source; {@link #NONE} when unknown. */
record Pos(int line, int column) {
  static final Pos NONE = new Pos(0, 0);
}
