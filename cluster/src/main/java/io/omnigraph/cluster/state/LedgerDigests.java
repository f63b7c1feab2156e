package io.omnigraph.cluster.state;

import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.cluster.state.ClusterState.ResourceEntry;
import java.util.SortedMap;
import java.util.TreeMap;

/** Graph composites recomputed from a ledger's own digests (05 §4, §7 apply step 12). */
public final class LedgerDigests {
  private LedgerDigests() {}

  /** The composite of {@code graph.<id>} from the ledger's schema/query/provider entries. */
  public static String composite(
      ClusterState s,
      String graphId,
      String providerAddress,
      com.fasterxml.jackson.databind.node.ObjectNode blobPolicy) {
    ResourceEntry schema = s.resources().get("schema." + graphId);
    SortedMap<String, String> queries = new TreeMap<>();
    String prefix = "query." + graphId + ".";
    s.resources()
        .forEach(
            (a, r) -> {
              if (a.startsWith(prefix)) {
                queries.put(a.substring(prefix.length()), r.digest());
              }
            });
    ResourceEntry provider = providerAddress == null ? null : s.resources().get(providerAddress);
    return Digests.graph(
        graphId,
        schema == null ? null : schema.digest(),
        queries,
        providerAddress,
        provider == null ? null : provider.digest(),
        blobPolicy);
  }

  /** Whether the recorded graph digest equals its recomputed composite (absent graph = true). */
  public static boolean compositeMatches(ClusterState s, String graphId) {
    ResourceEntry g = s.resources().get("graph." + graphId);
    if (g == null) {
      return true;
    }
    return g.digest().equals(composite(s, graphId, g.embeddingProvider(), g.externalBlobPolicy()));
  }
}
