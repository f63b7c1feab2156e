package io.omnigraph.server.api;

import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.RootSnapshot;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The materialised head snapshot of each branch, reused while the graph's newest manifest version
 * stays the same (a write publishes a new version, so the next read rebuilds). The per-request
 * check is one existence probe of the next manifest version ({@link GraphRoot#isLatestManifest}),
 * not a manifest read. Snapshots are immutable and shared between requests.
 */
public final class SnapshotCache {
  private final ConcurrentMap<String, RootSnapshot> byBranch = new ConcurrentHashMap<>();

  public RootSnapshot head(GraphRoot root, String branch) {
    RootSnapshot s = byBranch.get(branch);
    if (s != null && root.isLatestManifest(s.manifestVersion())) {
      return s;
    }
    RootSnapshot fresh = root.snapshot(branch);
    byBranch.put(branch, fresh);
    return fresh;
  }
}
