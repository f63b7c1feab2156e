package io.omnigraph.cluster.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parsed, normalized {@code cluster.yaml} (05 §2). Maps are sorted by id. Paths are as written
 * (resolve them with {@link #resolve(String)}).
 *
 * @param dir the config directory (absolute)
 * @param storage the storage root as written and trimmed ({@code null} = the config dir)
 * @param lock {@code state.lock} (default true)
 * @param parsed the whole document as JSON (input of the desired config digest)
 */
public record ClusterConfig(
    Path dir,
    String metadataName,
    String storage,
    boolean lock,
    Map<String, GraphDecl> graphs,
    Map<String, PolicyDecl> policies,
    Map<String, ProviderDecl> providers,
    JsonNode parsed) {

  public ClusterConfig {
    graphs = new TreeMap<>(graphs);
    policies = new TreeMap<>(policies);
    providers = new TreeMap<>(providers);
  }

  /** A path from the config resolved against the config directory. */
  public Path resolve(String path) {
    return dir.resolve(path).normalize();
  }

  /** One graph declaration. {@code embeddingProvider} is the bare provider name or null. */
  public record GraphDecl(
      String id,
      String schema,
      QueriesDecl queries,
      String embeddingProvider,
      ExternalBlobPolicy externalBlobs) {}

  /** The three {@code queries:} forms (05 §2.2). */
  public sealed interface QueriesDecl {
    /** A directory or file, or a list of them (union). */
    record Paths(List<String> paths) implements QueriesDecl {
      public Paths {
        paths = List.copyOf(paths);
      }
    }

    /** {@code name → file}; the file must declare the query. */
    record Explicit(Map<String, String> files) implements QueriesDecl {
      public Explicit {
        files = new TreeMap<>(files);
      }
    }
  }

  /**
   * A policy bundle declaration; {@code bindings} are normalized ({@code cluster} / {@code
   * graph.<id>}), sorted, unique.
   */
  public record PolicyDecl(String name, String file, List<String> bindings) {
    public PolicyDecl {
      bindings = List.copyOf(bindings);
    }

    public boolean clusterScoped() {
      return bindings.contains("cluster");
    }
  }

  /** An embedding provider; {@code profile} = {kind, base_url?, model?, api_key?} (unresolved). */
  public record ProviderDecl(String name, ObjectNode profile) {
    public String address() {
      return "provider.embedding." + name;
    }
  }

  /** The external-Blob ingress policy of a graph; {@code allow} empty = deny. */
  public record ExternalBlobPolicy(List<AllowedBase> allow) {
    public ExternalBlobPolicy {
      allow = List.copyOf(allow);
    }

    public static ExternalBlobPolicy deny() {
      return new ExternalBlobPolicy(List.of());
    }

    public boolean isDeny() {
      return allow.isEmpty();
    }
  }

  public record AllowedBase(String base, String scope) {}
}
