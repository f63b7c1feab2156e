package io.omnigraph.cluster.resource;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.config.ClusterConfig;
import io.omnigraph.compiler.schema.CompiledSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The desired revision built from {@code cluster.yaml} and its files: resources, dependencies and
 * the config digest (05 §3), plus what apply needs to act (compiled schemas, payload sources).
 */
public record DesiredState(
    ClusterConfig config,
    SortedMap<String, Resource> resources,
    SortedSet<Dependency> dependencies,
    String configDigest,
    Map<String, GraphParts> graphs,
    Map<String, Payload> payloads) {

  public DesiredState {
    resources = new TreeMap<>(resources);
    dependencies = new TreeSet<>(dependencies);
    graphs = new TreeMap<>(graphs);
    payloads = new TreeMap<>(payloads);
  }

  /** What a graph needs at apply time: its schema (null when invalid) and ledger extras. */
  public record GraphParts(
      String id,
      Path schemaFile,
      CompiledSchema schema,
      String providerAddress,
      ObjectNode externalBlobPolicy) {}

  /**
   * A catalog payload: the source file whose bytes hash to {@code digest} (query: the whole
   * containing {@code .gq}; policy: the bundle YAML).
   */
  public record Payload(String address, Path source, String digest) {}

  public SortedMap<String, String> digests() {
    SortedMap<String, String> m = new TreeMap<>();
    resources.forEach((a, r) -> m.put(a, r.digest()));
    return m;
  }

  public ObjectNode digestsJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    resources.forEach((a, r) -> o.put(a, r.digest()));
    return o;
  }

  public ArrayNode resourcesJson() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    resources.values().forEach(r -> a.add(r.toJson()));
    return a;
  }

  public ArrayNode dependenciesJson() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    dependencies.forEach(d -> a.add(d.toJson()));
    return a;
  }

  /** Everything that depends on {@code address}, directly or transitively, sorted. */
  public List<String> dependents(String address) {
    TreeSet<String> found = new TreeSet<>();
    TreeSet<String> frontier = new TreeSet<>(List.of(address));
    while (!frontier.isEmpty()) {
      String next = frontier.pollFirst();
      for (Dependency d : dependencies) {
        if (d.to().equals(next) && found.add(d.from())) {
          frontier.add(d.from());
        }
      }
    }
    return List.copyOf(found);
  }
}
