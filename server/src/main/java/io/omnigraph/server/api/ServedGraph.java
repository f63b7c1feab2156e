package io.omnigraph.server.api;

import io.omnigraph.engine.exec.ExecOptions;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.policy.PolicyEngine;

/**
 * A graph that booted: its open root, stored queries, policy engine ({@code null} when no bundle is
 * bound) and read options.
 */
public record ServedGraph(
    String id,
    String uri,
    GraphRoot root,
    StoredQueries queries,
    PolicyEngine policy,
    ExecOptions execOptions,
    SnapshotCache snapshots) {}
