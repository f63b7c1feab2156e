package io.omnigraph.compiler.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled schema: every interface, node type and edge type, resolved and validated. Immutable.
 * Edge names resolve case-insensitively ({@code knows} finds {@code Knows}).
 */
public final class Catalog {
  private final Map<String, InterfaceType> interfaces;
  private final Map<String, NodeType> nodes;
  private final Map<String, EdgeType> edges;
  private final Map<String, EdgeType> edgesByFoldedName;

  public Catalog(
      Map<String, InterfaceType> interfaces,
      Map<String, NodeType> nodes,
      Map<String, EdgeType> edges) {
    this.interfaces = Collections.unmodifiableMap(new LinkedHashMap<>(interfaces));
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    this.edges = Collections.unmodifiableMap(new LinkedHashMap<>(edges));
    Map<String, EdgeType> folded = new HashMap<>();
    edges.values().forEach(e -> folded.put(fold(e.name()), e));
    this.edgesByFoldedName = Collections.unmodifiableMap(folded);
  }

  public static String fold(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  public Map<String, InterfaceType> interfaces() {
    return interfaces;
  }

  public Map<String, NodeType> nodes() {
    return nodes;
  }

  public Map<String, EdgeType> edges() {
    return edges;
  }

  public Optional<NodeType> node(String name) {
    return Optional.ofNullable(nodes.get(name));
  }

  /** Case-insensitive edge lookup. */
  public Optional<EdgeType> edge(String name) {
    return Optional.ofNullable(edgesByFoldedName.get(fold(name)));
  }

  /** A node or edge type by exact name (edges also case-insensitively). */
  public Optional<SchemaType> type(String name) {
    NodeType n = nodes.get(name);
    if (n != null) {
      return Optional.of(n);
    }
    return edge(name).map(e -> e);
  }

  /** Edge types whose source or target is the given node type, in declaration order. */
  public List<EdgeType> edgesTouching(String nodeType) {
    List<EdgeType> out = new ArrayList<>();
    for (EdgeType e : edges.values()) {
      if (e.from().equals(nodeType) || e.to().equals(nodeType)) {
        out.add(e);
      }
    }
    return out;
  }
}
