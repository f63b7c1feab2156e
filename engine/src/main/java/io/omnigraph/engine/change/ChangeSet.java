package io.omnigraph.engine.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one write changes on a branch, before validation: whole-row upserts (in the order they are
 * to be validated) and deletions by id per node and edge type. Built by the mutation planner and by
 * branch merges; {@link ChangeValidator} turns it into a {@link ValidatedChange}.
 */
public final class ChangeSet {
  private final List<Upsert> upserts = new ArrayList<>();
  private final Map<String, Set<String>> nodeDeletes = new LinkedHashMap<>();
  private final Map<String, Set<String>> edgeDeletes = new LinkedHashMap<>();
  private final Map<String, Integer> deleteOrigins = new LinkedHashMap<>();

  public void upsert(Upsert u) {
    upserts.add(u);
  }

  /** Deletes node {@code id} of {@code type}; returns false when it was already deleted. */
  public boolean deleteNode(String type, String id, int origin) {
    deleteOrigins.putIfAbsent("node:" + type + "/" + id, origin);
    return nodeDeletes.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(id);
  }

  /** Deletes edge {@code id} of {@code type}; returns false when it was already deleted. */
  public boolean deleteEdge(String type, String id, int origin) {
    deleteOrigins.putIfAbsent("edge:" + type + "/" + id, origin);
    return edgeDeletes.computeIfAbsent(type, k -> new LinkedHashSet<>()).add(id);
  }

  public List<Upsert> upserts() {
    return upserts;
  }

  public Map<String, Set<String>> nodeDeletes() {
    return nodeDeletes;
  }

  public Map<String, Set<String>> edgeDeletes() {
    return edgeDeletes;
  }

  /** The origin recorded for a deleted entity ({@code -1} when unknown). */
  public int deleteOrigin(boolean edge, String type, String id) {
    return deleteOrigins.getOrDefault((edge ? "edge:" : "node:") + type + "/" + id, -1);
  }

  public boolean hasDeletes() {
    return !nodeDeletes.isEmpty() || !edgeDeletes.isEmpty();
  }

  public boolean isEmpty() {
    return upserts.isEmpty() && !hasDeletes();
  }

  public int deletedNodes() {
    return nodeDeletes.values().stream().mapToInt(Set::size).sum();
  }

  public int deletedEdges() {
    return edgeDeletes.values().stream().mapToInt(Set::size).sum();
  }
}
