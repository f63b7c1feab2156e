package io.omnigraph.engine.exec;

import java.util.Arrays;

/**
 * A row of a binding table with some slots overridden: the candidate a scan or traversal is about
 * to append, which filters can test before it is materialised.
 */
final class Cursor implements RowAccess {
  private final int[] over;
  private Bindings base;
  private int row;

  Cursor(int width) {
    over = new int[width];
    Arrays.fill(over, -1);
  }

  Cursor at(Bindings b, int r) {
    base = b;
    row = r;
    return this;
  }

  void set(int slot, int value) {
    over[slot] = value;
  }

  void clear(int slot) {
    over[slot] = -1;
  }

  @Override
  public int get(int slot) {
    int o = over[slot];
    return o >= 0 ? o : base.get(slot, row);
  }

  @Override
  public int index() {
    return row;
  }
}
