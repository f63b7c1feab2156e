package io.omnigraph.compiler.migrate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Pairs accepted declarations with desired ones by identity. A desired declaration matches the
 * accepted one of the same name (so a {@code @rename_from} that was already applied is inert);
 * otherwise its {@code @rename_from} names the accepted declaration it continues, if that one is
 * still unclaimed. Everything else is added (desired only) or removed (accepted only).
 */
final class Identity {
  private Identity() {}

  /** An accepted declaration and its desired successor. */
  record Pair<T>(T accepted, T desired) {}

  /**
   * The outcome, each list in declaration order.
   *
   * @param pairs matched declarations, in desired order
   * @param added desired declarations with no accepted counterpart
   * @param removed accepted declarations with no desired successor
   */
  record Matching<T>(List<Pair<T>> pairs, List<T> added, List<T> removed) {

    /** Accepted name to desired name, for every pair whose name changed. */
    Map<String, String> renames(Function<T, String> name) {
      Map<String, String> out = new LinkedHashMap<>();
      for (Pair<T> p : pairs) {
        String from = name.apply(p.accepted());
        String to = name.apply(p.desired());
        if (!from.equals(to)) {
          out.put(from, to);
        }
      }
      return out;
    }
  }

  /**
   * Matches {@code desired} against {@code accepted}.
   *
   * @param name a declaration's name
   * @param renameFrom its {@code @rename_from} argument, or {@code null}
   * @param key how names compare (identity, or case folding for edges)
   */
  static <T> Matching<T> match(
      Collection<T> accepted,
      Collection<T> desired,
      Function<T, String> name,
      Function<T, String> renameFrom,
      UnaryOperator<String> key) {
    Map<String, T> byKey = new LinkedHashMap<>();
    accepted.forEach(a -> byKey.put(key.apply(name.apply(a)), a));
    Set<String> claimed = new HashSet<>();
    Map<String, T> predecessor = new LinkedHashMap<>();
    for (T d : desired) {
      claim(byKey, claimed, key.apply(name.apply(d)), name.apply(d), predecessor);
    }
    for (T d : desired) {
      String from = renameFrom.apply(d);
      if (!predecessor.containsKey(name.apply(d)) && from != null) {
        claim(byKey, claimed, key.apply(from), name.apply(d), predecessor);
      }
    }
    return collect(accepted, desired, predecessor, claimed, name, key);
  }

  /** Pairs {@code desiredName} with the accepted declaration under key {@code k}, if free. */
  private static <T> void claim(
      Map<String, T> byKey,
      Set<String> claimed,
      String k,
      String desiredName,
      Map<String, T> predecessor) {
    T a = byKey.get(k);
    if (a != null && claimed.add(k)) {
      predecessor.put(desiredName, a);
    }
  }

  private static <T> Matching<T> collect(
      Collection<T> accepted,
      Collection<T> desired,
      Map<String, T> predecessor,
      Set<String> claimed,
      Function<T, String> name,
      UnaryOperator<String> key) {
    List<Pair<T>> pairs = new ArrayList<>();
    List<T> added = new ArrayList<>();
    for (T d : desired) {
      T a = predecessor.get(name.apply(d));
      if (a == null) {
        added.add(d);
      } else {
        pairs.add(new Pair<>(a, d));
      }
    }
    List<T> removed =
        accepted.stream().filter(a -> !claimed.contains(key.apply(name.apply(a)))).toList();
    return new Matching<>(pairs, added, removed);
  }
}
