package io.omnigraph.server.boot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link BootSource} read from the applied revision (06 §2 step 2): the graphs to serve, the
 * policy bundles with their bindings, and the graphs it already quarantined.
 *
 * @param storageRoot the resolved storage root
 * @param graphs the applied graphs that were not quarantined
 * @param policies every applied policy bundle whose bindings still name a served graph or the
 *     cluster
 * @param quarantined graph id → the reason it is not served (logged at WARN; fatal in strict mode)
 */
public record AppliedRevision(
    String storageRoot,
    List<AppliedGraph> graphs,
    List<AppliedPolicy> policies,
    Map<String, BootDiagnostic> quarantined) {

  public AppliedRevision {
    graphs = List.copyOf(graphs);
    policies = List.copyOf(policies);
    quarantined = Map.copyOf(quarantined);
  }

  /**
   * One applied graph.
   *
   * @param id the graph id
   * @param rootUri {@code <storage-root>/graphs/<id>.omni}
   * @param queryFiles the verified stored-query sources: each file's name and text, with the query
   *     names registered from it
   * @param embeddingProvider the resolved embedding provider kind ({@code mock}, …), if any
   */
  public record AppliedGraph(
      String id, String rootUri, List<QueryFile> queryFiles, Optional<String> embeddingProvider) {
    public AppliedGraph {
      queryFiles = List.copyOf(queryFiles);
    }
  }

  /** A stored-query source file and the names it registers ({@code names} empty = all). */
  public record QueryFile(String name, String text, List<String> names) {
    public QueryFile {
      names = List.copyOf(names);
    }
  }

  /**
   * One applied policy bundle.
   *
   * @param name the policy name
   * @param bindings normalised bindings: {@code cluster} or {@code graph.<id>}
   * @param sourceName the name errors carry
   * @param yaml the verified bundle text
   */
  public record AppliedPolicy(String name, List<String> bindings, String sourceName, String yaml) {
    public AppliedPolicy {
      bindings = List.copyOf(bindings);
    }

    public boolean bindsCluster() {
      return bindings.contains("cluster");
    }
  }
}
