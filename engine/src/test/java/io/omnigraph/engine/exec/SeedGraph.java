package io.omnigraph.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.engine.graph.InMemoryGraph;
import io.omnigraph.engine.graph.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test-only reader of cookbook {@code seed.jsonl} files into an {@link InMemoryGraph}: keyed
 * nodes get their key value as id, unkeyed ones a line-numbered id; edges get line-numbered ids and
 * name their endpoints by id. The parsed records are kept for independent checks.
 */
final class SeedGraph {
  record NodeRec(String type, String id, JsonNode data) {}

  record EdgeRec(String type, String id, String from, String to) {}

  final Catalog catalog;
  final List<NodeRec> nodes = new ArrayList<>();
  final List<EdgeRec> edges = new ArrayList<>();
  final InMemoryGraph graph;

  SeedGraph(Catalog catalog, Path seed) {
    this.catalog = catalog;
    InMemoryGraph.Builder b = InMemoryGraph.builder(catalog);
    List<String> lines = read(seed);
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        record(b, Exec.params(lines.get(i)), i + 1);
      }
    }
    this.graph = b.commitId("seed").build();
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void record(InMemoryGraph.Builder b, JsonNode rec, int line) {
    JsonNode data = rec.has("data") ? rec.get("data") : Exec.JSON.createObjectNode();
    if (rec.has("type")) {
      NodeType t = catalog.node(rec.get("type").asText()).orElseThrow();
      String id = nodeId(t, data, line);
      nodes.add(new NodeRec(t.name(), id, data));
      b.node(t.name(), id, values(t.properties(), data));
    } else {
      EdgeType t = catalog.edge(rec.get("edge").asText()).orElseThrow();
      String id = String.format("E%06d", line);
      String from = rec.get("from").asText();
      String to = rec.get("to").asText();
      edges.add(new EdgeRec(t.name(), id, from, to));
      b.edge(t.name(), id, from, to, values(t.properties(), data));
    }
  }

  private static String nodeId(NodeType t, JsonNode data, int line) {
    List<String> keys = t.keyProperties();
    if (keys.size() == 1) {
      Property p = t.properties().get(keys.get(0));
      return Values.canonicalKey(Values.fromJson(data.get(p.name()), p.type()), p.type().scalar());
    }
    if (!keys.isEmpty()) {
      throw new IllegalArgumentException("composite keys are not supported by this reader");
    }
    return data.has("id") ? data.get("id").asText() : String.format("N%06d", line);
  }

  private static Map<String, Object> values(Map<String, Property> props, JsonNode data) {
    Map<String, Object> out = new HashMap<>();
    props.values().forEach(p -> out.put(p.name(), Values.fromJson(data.get(p.name()), p.type())));
    return out;
  }

  /** The runtime value of a node's property, from the seed record. */
  Object value(NodeRec n, String prop) {
    Property p = catalog.node(n.type()).orElseThrow().properties().get(prop);
    return Values.fromJson(n.data().get(prop), p.type());
  }

  NodeRec node(String type, String id) {
    return nodes.stream()
        .filter(n -> n.type().equals(type) && n.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
