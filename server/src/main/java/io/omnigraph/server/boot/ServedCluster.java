package io.omnigraph.server.boot;

import io.omnigraph.server.api.ServedGraph;
import io.omnigraph.server.auth.Authorizer;
import io.omnigraph.server.auth.TokenTable;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a running server serves: the ready graphs (sorted by id), the token table, the
 * authorizer and the boot warnings' quarantine list. Static for the process's life (06 §2).
 */
public record ServedCluster(
    String storageRoot,
    Map<String, ServedGraph> graphs,
    TokenTable tokens,
    String tokenSource,
    Authorizer authorizer,
    Map<String, BootDiagnostic> quarantined)
    implements AutoCloseable {

  public Optional<ServedGraph> graph(String id) {
    return Optional.ofNullable(graphs.get(id));
  }

  @Override
  public void close() {
    graphs.values().forEach(g -> g.root().close());
  }
}
