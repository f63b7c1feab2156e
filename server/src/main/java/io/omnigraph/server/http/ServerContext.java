package io.omnigraph.server.http;

import io.omnigraph.server.boot.ServedCluster;

/** What every route handler can reach: the served cluster, admission control and the log. */
public record ServerContext(
    ServedCluster cluster,
    Admission admission,
    AccessLog log,
    String version,
    java.util.Map<String, String> env) {}
