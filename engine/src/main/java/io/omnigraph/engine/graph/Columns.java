package io.omnigraph.engine.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Property columns of a table: names, name → index, and {@code values[column][row]}. */
final class Columns {
  private final List<String> names;
  private final Map<String, Integer> index;
  private final Object[][] values;

  Columns(List<String> names, Object[][] values) {
    if (values.length != names.size()) {
      throw new IllegalArgumentException("one column per property is required");
    }
    this.names = List.copyOf(names);
    this.index = new HashMap<>();
    for (int i = 0; i < this.names.size(); i++) {
      index.put(this.names.get(i), i);
    }
    this.values = values;
  }

  List<String> names() {
    return names;
  }

  int column(String property) {
    Integer i = index.get(property);
    return i == null ? -1 : i;
  }

  Object value(int row, int column) {
    return values[column][row];
  }

  Object value(int row, String property) {
    int c = column(property);
    return c < 0 ? null : values[c][row];
  }
}
