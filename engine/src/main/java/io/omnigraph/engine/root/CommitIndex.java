package io.omnigraph.engine.root;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The readable commits of a graph by id: the manifest versions from the newest down to the first
 * one {@code cleanup} removed (one read per version). The change feed's view of history: a commit
 * whose parent is not here had its parent's versions reclaimed.
 */
final class CommitIndex {
  private final Map<String, Commit> commits = new HashMap<>();
  private final Manifest latest;

  private CommitIndex(Manifest latest) {
    this.latest = latest;
  }

  static CommitIndex load(GraphStore store, long latestVersion) {
    CommitIndex ix = new CommitIndex(store.readManifest(latestVersion));
    for (long v = latestVersion; v >= 1; v--) {
      Optional<Manifest> m = v == latestVersion ? Optional.of(ix.latest) : store.findManifest(v);
      if (m.isEmpty()) {
        break;
      }
      Commit c = m.get().commit();
      if (c != null) {
        ix.commits.put(c.graphCommitId(), c);
      }
    }
    return ix;
  }

  Manifest latest() {
    return latest;
  }

  Optional<Commit> find(String id) {
    return Optional.ofNullable(id == null ? null : commits.get(id));
  }

  /**
   * The readable first-parent chain of {@code branch}, oldest first: from its head down first
   * parents until genesis or a commit whose parent was reclaimed.
   */
  List<Commit> chain(String branch) {
    List<Commit> out = new ArrayList<>();
    Commit c = commits.get(latest.branch(branch).headCommit());
    while (c != null) {
      out.add(c);
      c = c.parentCommitId() == null ? null : commits.get(c.parentCommitId());
    }
    return out.reversed();
  }
}
