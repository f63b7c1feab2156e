package io.omnigraph.engine.exec;

import java.util.HashMap;
import java.util.Map;

/**
 * The variables visible in one match block: its own, plus (for a {@code not { }} block) those of
 * the enclosing blocks.
 */
final class Frame {
  private final Frame parent;
  private final Map<String, Slot> own = new HashMap<>();

  Frame(Frame parent) {
    this.parent = parent;
  }

  void add(Slot s) {
    own.put(s.name(), s);
  }

  Slot slot(String name) {
    Slot s = own.get(name);
    if (s != null) {
      return s;
    }
    if (parent == null) {
      throw new IllegalStateException("variable $" + name + " has no slot");
    }
    return parent.slot(name);
  }
}
