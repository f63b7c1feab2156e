package io.omnigraph.policy;

import java.util.HashMap;
import java.util.Map;

/**
 * Field path (e.g. {@code rules[2].allow.actors.group}) to source position, recorded while reading
 * so that semantic errors can point at the offending value.
 */
final class Locations {
  private final Map<String, Pos> byPath = new HashMap<>();

  /** Locations for a bundle built in code: every lookup answers {@link Pos#NONE}. */
  static Locations none() {
    return new Locations();
  }

  void put(String path, Pos pos) {
    byPath.put(path, pos);
  }

  Pos of(String path) {
    return byPath.getOrDefault(path, Pos.NONE);
  }
}
