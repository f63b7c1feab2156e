package io.omnigraph.cluster.state;

import io.omnigraph.storage.VersionToken;

/**
 * The ledger as read at the start of a command: the parsed state, its exact bytes, the store's
 * version token (for the conditional replace) and the CAS token {@code sha256:<hex>}.
 */
public record StateRead(ClusterState state, byte[] bytes, VersionToken token, String cas) {}
