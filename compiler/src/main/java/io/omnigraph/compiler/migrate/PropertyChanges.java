package io.omnigraph.compiler.migrate;

import io.omnigraph.compiler.schema.Constraint;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How the properties of one matched type moved: renames (accepted name to desired name) and the
 * accepted names that were dropped. Used to read accepted constraints and {@code @embed} sources in
 * desired terms.
 */
record PropertyChanges(Map<String, String> renames, Set<String> dropped) {
  PropertyChanges {
    renames = Map.copyOf(renames);
    dropped = Set.copyOf(dropped);
  }

  /** The desired name of an accepted property (unchanged unless it was renamed). */
  String rename(String acceptedName) {
    return renames.getOrDefault(acceptedName, acceptedName);
  }

  List<String> rename(List<String> acceptedNames) {
    return acceptedNames.stream().map(this::rename).toList();
  }

  /** An accepted constraint over the desired property names. */
  Constraint rename(Constraint c) {
    return new Constraint(
        c.kind(), rename(c.properties()), c.rangeMin(), c.rangeMax(), c.pattern());
  }
}
