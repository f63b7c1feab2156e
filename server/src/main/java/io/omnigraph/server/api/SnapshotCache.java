package io.omnigraph.server.api;

import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.RootSnapshot;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The materialised head snapshot of each branch, reused while the graph's newest manifest version
 * stays the same (a write publishes a new version, so the next read rebuilds). Snapshots are
 * immutable and shared between requests.
 */
public final class SnapshotCache {
  private final ConcurrentMap<String, RootSnapshot> byBranch = new ConcurrentHashMap<>();

  public RootSnapshot head(GraphRoot root, String branch) {
    long newest = root.manifest().version();
    RootSnapshot s = byBranch.get(branch);
    if (s != null && s.manifestVersion() == newest) {
      return s;
    }
    RootSnapshot fresh = root.snapshot(branch);
    byBranch.put(branch, fresh);
    return fresh;
  }
}
