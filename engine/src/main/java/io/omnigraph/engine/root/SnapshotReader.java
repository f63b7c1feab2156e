package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.NodeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Materialises the tables of one manifest branch into {@link NodeTable}s and {@link EdgeTable}s
 * (scanning each pinned Lance version once, into column arrays of runtime values).
 */
final class SnapshotReader {
  private final LanceTables lance;
  private final GraphStore store;

  SnapshotReader(LanceTables lance, GraphStore store) {
    this.lance = lance;
    this.store = store;
  }

  RootSnapshot read(
      Catalog catalog, Manifest.BranchState branch, String commitId, long manifestVersion) {
    Map<String, NodeTable> nodes = new HashMap<>();
    for (NodeType t : catalog.nodes().values()) {
      Columns c = scan(branch.tables().get(Manifest.nodeKey(t.name())), t.properties(), false);
      nodes.put(t.name(), new NodeTable(t, c.names, c.ids(), c.values()));
    }
    Map<String, EdgeTable> edges = new HashMap<>();
    for (EdgeType e : catalog.edges().values()) {
      Columns c = scan(branch.tables().get(Manifest.edgeKey(e.name())), e.properties(), true);
      NodeTable from = nodes.get(e.from());
      NodeTable to = nodes.get(e.to());
      int n = c.ids.size();
      int[] src = new int[n];
      int[] dst = new int[n];
      for (int r = 0; r < n; r++) {
        src[r] = endpoint(from, c.src.get(r), e);
        dst[r] = endpoint(to, c.dst.get(r), e);
      }
      edges.put(
          e.name(),
          new EdgeTable(e, c.names, c.ids(), src, dst, c.values(), from.size(), to.size()));
    }
    return new RootSnapshot(catalog, nodes, edges, commitId, manifestVersion);
  }

  private static int endpoint(NodeTable t, String id, EdgeType e) {
    int row = t.rowOf(id);
    if (row < 0) {
      throw new RootException(
          RootException.Kind.CORRUPT,
          "edge " + e.name() + " refers to missing " + t.typeName() + " '" + id + "'");
    }
    return row;
  }

  private Columns scan(TablePin pin, Map<String, Property> props, boolean edge) {
    if (pin == null) {
      throw new RootException(RootException.Kind.CORRUPT, "manifest lacks a table of the schema");
    }
    Columns c = new Columns(props);
    lance.scan(store.tableUri(pin), pin.version(), root -> c.add(root, edge));
    return c;
  }

  /** Growing column lists of one table. */
  private static final class Columns {
    final List<String> names;
    final List<PropType> types = new ArrayList<>();
    final List<String> ids = new ArrayList<>();
    final List<String> src = new ArrayList<>();
    final List<String> dst = new ArrayList<>();
    final List<List<Object>> cols = new ArrayList<>();

    Columns(Map<String, Property> props) {
      names = List.copyOf(props.keySet());
      for (Property p : props.values()) {
        types.add(p.type());
        cols.add(new ArrayList<>());
      }
    }

    void add(VectorSchemaRoot root, boolean edge) {
      int n = root.getRowCount();
      FieldVector id = root.getVector(ArrowTypes.ID);
      FieldVector s = edge ? root.getVector(ArrowTypes.SRC) : null;
      FieldVector d = edge ? root.getVector(ArrowTypes.DST) : null;
      List<FieldVector> vs = new ArrayList<>();
      for (String name : names) {
        vs.add(root.getVector(name));
      }
      for (int r = 0; r < n; r++) {
        ids.add(ArrowValues.getString(id, r));
        if (edge) {
          src.add(ArrowValues.getString(s, r));
          dst.add(ArrowValues.getString(d, r));
        }
        for (int p = 0; p < names.size(); p++) {
          FieldVector v = vs.get(p);
          cols.get(p).add(v == null ? null : ArrowValues.get(v, r, types.get(p)));
        }
      }
    }

    String[] ids() {
      return ids.toArray(String[]::new);
    }

    Object[][] values() {
      Object[][] out = new Object[names.size()][];
      for (int p = 0; p < names.size(); p++) {
        out[p] = cols.get(p).toArray();
      }
      return out;
    }
  }
}
