package io.omnigraph.engine.load;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The members of a record object or of its {@code data} object, in input order: a lighter stand-in
 * for Jackson's {@code ObjectNode} on the hot path (no hash map per line). Values are Jackson
 * {@code JsonNode}s, or a nested {@code Members} for the record's {@code data} object. Adding a
 * name twice fails, which is how duplicate members are found.
 */
final class Members {
  static final Members EMPTY = new Members();
  private static final int LINEAR_LIMIT = 16;

  private String[] names = new String[8];
  private Object[] values = new Object[8];
  private int size;
  private Set<String> large;

  int size() {
    return size;
  }

  String name(int i) {
    return names[i];
  }

  Object value(int i) {
    return values[i];
  }

  /** The value of {@code name}, or null when absent. */
  Object get(String name) {
    for (int i = 0; i < size; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  boolean has(String name) {
    return get(name) != null;
  }

  /** Adds a member; false (and no change) when the name is already present. */
  boolean add(String name, Object value) {
    if (contains(name)) {
      return false;
    }
    if (size == names.length) {
      names = Arrays.copyOf(names, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    names[size] = name;
    values[size++] = value;
    if (large != null) {
      large.add(name);
    }
    return true;
  }

  private boolean contains(String name) {
    if (size < LINEAR_LIMIT) {
      for (int i = 0; i < size; i++) {
        if (names[i].equals(name)) {
          return true;
        }
      }
      return false;
    }
    if (large == null) {
      large = new HashSet<>(Arrays.asList(names).subList(0, size));
    }
    return large.contains(name);
  }
}
