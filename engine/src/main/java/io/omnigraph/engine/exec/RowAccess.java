package io.omnigraph.engine.exec;

/** Read access to one binding row (or a candidate row being built). */
interface RowAccess {
  /** The table row bound to {@code slot}, or -1 when the slot is unbound. */
  int get(int slot);

  /** The position of the row in the binding table it comes from. */
  int index();
}
