package io.omnigraph.engine.root;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The commit DAG of a graph, read from the manifest log (each version carries the commit it
 * published; merge commits have two parents). Used by merges: ancestry tests and the merge base.
 * Cost: one read per manifest version.
 */
final class CommitGraph {
  private final Map<String, Commit> commits = new HashMap<>();

  private CommitGraph() {}

  static CommitGraph load(GraphStore store, long latest) {
    CommitGraph g = new CommitGraph();
    for (long v = 1; v <= latest; v++) {
      if (store.manifestExists(v)) {
        Commit c = store.readManifest(v).commit();
        if (c != null) {
          g.commits.put(c.graphCommitId(), c);
        }
      }
    }
    return g;
  }

  Commit get(String id) {
    Commit c = commits.get(id);
    if (c == null) {
      throw new RootException(RootException.Kind.CORRUPT, "commit " + id + " is not in the log");
    }
    return c;
  }

  /** Every commit reachable from {@code head} (itself included), over both parents. */
  Set<String> ancestors(String head) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    todo.add(head);
    while (!todo.isEmpty()) {
      String id = todo.poll();
      if (id == null || !seen.add(id)) {
        continue;
      }
      Commit c = commits.get(id);
      if (c != null) {
        if (c.parentCommitId() != null) {
          todo.add(c.parentCommitId());
        }
        if (c.mergedParentCommitId() != null) {
          todo.add(c.mergedParentCommitId());
        }
      }
    }
    return seen;
  }

  /** Whether {@code a} is {@code b} or an ancestor of it. */
  boolean isAncestor(String a, String b) {
    return ancestors(b).contains(a);
  }

  /**
   * The best common ancestor of two heads: of the commits reachable from both, the one published
   * last (an ancestor of another common ancestor is always published before it).
   */
  Commit mergeBase(String a, String b) {
    Set<String> fromA = ancestors(a);
    Commit best = null;
    for (String id : ancestors(b)) {
      Commit c = commits.get(id);
      if (c != null
          && fromA.contains(id)
          && (best == null || c.graphManifestVersion() > best.graphManifestVersion())) {
        best = c;
      }
    }
    if (best == null) {
      throw new RootException(
          RootException.Kind.CORRUPT, "commits " + a + " and " + b + " share no history");
    }
    return best;
  }
}
