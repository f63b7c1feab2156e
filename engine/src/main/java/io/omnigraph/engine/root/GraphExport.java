package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.engine.graph.Values;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * {@code export} (04 §6): streams the pinned tables of one branch as JSONL in the load envelope —
 * node types by name, then edge types by name, rows in table order; {@code data} carries {@code id}
 * and every non-null property. Reads one Lance batch at a time; nothing is materialised.
 */
final class GraphExport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GraphStore store;
  private final LanceTables lance;
  private final Catalog catalog;

  GraphExport(GraphStore store, LanceTables lance, Catalog catalog) {
    this.store = store;
    this.lance = lance;
    this.catalog = catalog;
  }

  /** Writes the branch state of {@code m}; returns the number of entities written. */
  long run(Manifest m, String branch, List<String> types, OutputStream out) {
    Manifest.BranchState state = m.branch(branch);
    Map<String, NodeType> nodes = new TreeMap<>();
    Map<String, EdgeType> edges = new TreeMap<>();
    select(types, nodes, edges);
    long[] count = {0};
    for (NodeType t : nodes.values()) {
      TablePin pin = state.tables().get(Manifest.nodeKey(t.name()));
      List<Property> props = new ArrayList<>(t.properties().values());
      lance.scan(
          store.tableUri(pin),
          pin.version(),
          root -> count[0] += batch(root, props, out, o -> o.put("type", t.name())));
    }
    for (EdgeType e : edges.values()) {
      TablePin pin = state.tables().get(Manifest.edgeKey(e.name()));
      List<Property> props = new ArrayList<>(e.properties().values());
      lance.scan(
          store.tableUri(pin), pin.version(), root -> count[0] += edgeBatch(root, e, props, out));
    }
    try {
      out.flush();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return count[0];
  }

  private void select(
      List<String> types, Map<String, NodeType> nodes, Map<String, EdgeType> edges) {
    if (types == null || types.isEmpty()) {
      nodes.putAll(catalog.nodes());
      catalog.edges().values().forEach(e -> edges.put(e.name(), e));
      return;
    }
    for (String name : types) {
      NodeType n = catalog.node(name).orElse(null);
      EdgeType e = n == null ? catalog.edge(name).orElse(null) : null;
      if (n != null) {
        nodes.put(n.name(), n);
      } else if (e != null) {
        edges.put(e.name(), e);
      } else {
        throw new RootException(
            RootException.Kind.UNKNOWN_TYPE,
            "unknown type '"
                + name
                + "' for export; node types: "
                + catalog.nodes().keySet()
                + ", edge types: "
                + catalog.edges().keySet());
      }
    }
  }

  private interface Header {
    void put(ObjectNode o);
  }

  private static long batch(
      VectorSchemaRoot root, List<Property> props, OutputStream out, Header h) {
    FieldVector id = root.getVector(ArrowTypes.ID);
    for (int r = 0; r < root.getRowCount(); r++) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      h.put(o);
      data(o, root, props, ArrowValues.getString(id, r), r);
      write(out, o);
    }
    return root.getRowCount();
  }

  private static long edgeBatch(
      VectorSchemaRoot root, EdgeType e, List<Property> props, OutputStream out) {
    FieldVector src = root.getVector(ArrowTypes.SRC);
    FieldVector dst = root.getVector(ArrowTypes.DST);
    FieldVector id = root.getVector(ArrowTypes.ID);
    for (int r = 0; r < root.getRowCount(); r++) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("edge", e.name());
      o.put("from", ArrowValues.getString(src, r));
      o.put("to", ArrowValues.getString(dst, r));
      data(o, root, props, ArrowValues.getString(id, r), r);
      write(out, o);
    }
    return root.getRowCount();
  }

  private static void data(
      ObjectNode o, VectorSchemaRoot root, List<Property> props, String id, int r) {
    ObjectNode data = o.putObject("data");
    data.put("id", id);
    for (Property p : props) {
      FieldVector v = root.getVector(p.name());
      Object value = v == null ? null : ArrowValues.get(v, r, p.type());
      if (value != null) {
        data.set(p.name(), Values.toJson(value, p.type()));
      }
    }
  }

  private static void write(OutputStream out, ObjectNode o) {
    try {
      out.write(JSON.writeValueAsBytes(o));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
