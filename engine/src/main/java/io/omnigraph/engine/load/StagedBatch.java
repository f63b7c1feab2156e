package io.omnigraph.engine.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A fully validated graph batch, ready to be committed as one graph commit: per node and edge type
 * the rows to write (insert, or upsert for merge), and for overwrite the types whose whole image
 * the rows replace. Only a batch without any error becomes a {@code StagedBatch}.
 */
public final class StagedBatch {
  private final LoadMode mode;
  private final String baseCommitId;
  private final List<StagedNodes> nodes;
  private final List<StagedEdges> edges;
  private final long lines;

  StagedBatch(BatchStager st, long lines) {
    this.mode = st.mode;
    this.baseCommitId = st.snapshot.commitId();
    this.nodes =
        st.nodes.values().stream()
            .map(StagedNodes::new)
            .sorted(Comparator.comparing(StagedRows::name))
            .toList();
    this.edges =
        st.edges.values().stream()
            .map(e -> new StagedEdges(e, st))
            .sorted(Comparator.comparing(StagedRows::name))
            .toList();
    this.lines = lines;
  }

  public LoadMode mode() {
    return mode;
  }

  /** The commit of the snapshot the batch was validated against (null for in-memory graphs). */
  public String baseCommitId() {
    return baseCommitId;
  }

  /** Node types with staged rows, sorted by name. */
  public List<StagedNodes> nodes() {
    return nodes;
  }

  /** Edge types with staged rows, sorted by name. */
  public List<StagedEdges> edges() {
    return edges;
  }

  public Optional<StagedNodes> nodes(String type) {
    return nodes.stream().filter(n -> n.name().equals(type)).findFirst();
  }

  /** Edge rows by type name (case-insensitive, like edge names everywhere). */
  public Optional<StagedEdges> edges(String type) {
    return edges.stream().filter(e -> e.name().equalsIgnoreCase(type)).findFirst();
  }

  /** Overwrite: node types whose whole image the staged rows replace; empty otherwise. */
  public Set<String> replacedNodeTypes() {
    return replaced(nodes);
  }

  /** Overwrite: edge types whose whole image the staged rows replace; empty otherwise. */
  public Set<String> replacedEdgeTypes() {
    return replaced(edges);
  }

  private Set<String> replaced(List<? extends StagedRows> rows) {
    if (mode != LoadMode.OVERWRITE) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    rows.forEach(r -> out.add(r.name()));
    return java.util.Collections.unmodifiableSet(out);
  }

  public List<TypeCount> nodeCounts() {
    return nodes.stream().map(n -> new TypeCount(n.name(), n.size())).toList();
  }

  public List<TypeCount> edgeCounts() {
    return edges.stream().map(e -> new TypeCount(e.name(), e.size())).toList();
  }

  public long totalEntities() {
    long total = 0;
    for (StagedRows r : nodes) {
      total += r.size();
    }
    for (StagedRows r : edges) {
      total += r.size();
    }
    return total;
  }

  /** Input lines read (blank lines included). */
  public long lines() {
    return lines;
  }

  /**
   * The count part of the load output (04 §2): {@code {nodes:[{name, entities_loaded}], edges:[…],
   * total_entities}}, lists sorted by name. The caller adds branch, mode and commit.
   */
  public ObjectNode summaryJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode out = f.objectNode();
    out.set("nodes", counts(nodeCounts()));
    out.set("edges", counts(edgeCounts()));
    out.put("total_entities", totalEntities());
    return out;
  }

  private static ArrayNode counts(List<TypeCount> counts) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (TypeCount c : counts) {
      a.addObject().put("name", c.name()).put("entities_loaded", c.entitiesLoaded());
    }
    return a;
  }
}
