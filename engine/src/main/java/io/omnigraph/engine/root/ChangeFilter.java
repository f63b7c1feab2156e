package io.omnigraph.engine.root;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The filters of a change read (04 §7): entity kinds ({@code node}/{@code edge}), type names and
 * ops ({@code insert}/{@code update}/{@code delete}); an empty set lets everything through.
 */
public record ChangeFilter(Set<String> kinds, Set<String> types, Set<String> ops) {
  private static final Set<String> KINDS = Set.of("node", "edge");
  private static final Set<String> OPS = Set.of("insert", "update", "delete");

  /** No filter. */
  public static final ChangeFilter ALL = new ChangeFilter(Set.of(), Set.of(), Set.of());

  public ChangeFilter {
    kinds = Set.copyOf(new TreeSet<>(kinds));
    types = Set.copyOf(new TreeSet<>(types));
    ops = Set.copyOf(new TreeSet<>(ops));
  }

  /**
   * Validates the repeated {@code kind}/{@code type}/{@code op} parameters ({@code null} = none); a
   * kind or op outside the closed sets is {@link RootException.Kind#INVALID_ARGUMENT}.
   */
  public static ChangeFilter of(List<String> kinds, List<String> types, List<String> ops) {
    Set<String> k = set(kinds);
    Set<String> o = set(ops);
    for (String v : k) {
      if (!KINDS.contains(v)) {
        throw bad("kind '" + v + "' is not node or edge");
      }
    }
    for (String v : o) {
      if (!OPS.contains(v)) {
        throw bad("op '" + v + "' is not insert, update or delete");
      }
    }
    return new ChangeFilter(k, set(types), o);
  }

  private static Set<String> set(List<String> values) {
    Set<String> s = new TreeSet<>();
    if (values != null) {
      for (String v : values) {
        for (String part : v.split(",")) {
          if (!part.isBlank()) {
            s.add(part.strip());
          }
        }
      }
    }
    return s;
  }

  private static RootException bad(String what) {
    return new RootException(RootException.Kind.INVALID_ARGUMENT, "bad change filter: " + what);
  }

  boolean table(String kind, String type) {
    return (kinds.isEmpty() || kinds.contains(kind)) && (types.isEmpty() || types.contains(type));
  }

  boolean op(String op) {
    return ops.isEmpty() || ops.contains(op);
  }

  /** A stable spelling, bound into page tokens so a continuation keeps its filters. */
  String fingerprint() {
    return String.join(",", new TreeSet<>(kinds))
        + "|"
        + String.join(",", new TreeSet<>(types))
        + "|"
        + String.join(",", new TreeSet<>(ops));
  }
}
