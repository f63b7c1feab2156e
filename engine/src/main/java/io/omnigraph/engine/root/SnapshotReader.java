package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.NodeTable;
import io.omnigraph.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Materialises the tables of one manifest branch into {@link NodeTable}s and {@link EdgeTable}s
 * (scanning each pinned Lance version once, into column arrays of runtime values). Tables are read
 * lazily, when a query first touches them ({@link RootSnapshot}), through the process-wide {@link
 * TableCache}: a table state on Lance's main branch is read once per process while it stays cached.
 * Reads use a process-wide Arrow allocator, so a snapshot outlives its {@link GraphRoot}.
 */
final class SnapshotReader {
  private final LanceTables lance;
  private final GraphStore store;

  SnapshotReader(LanceTables lance, GraphStore store) {
    this.lance = lance.forReads();
    this.store = store;
  }

  RootSnapshot read(
      Catalog catalog, Manifest.BranchState branch, String commitId, long manifestVersion) {
    return new RootSnapshot(
        catalog, new Source(lance, branch, store, rootId()), commitId, manifestVersion);
  }

  /**
   * The genesis commit id: names this incarnation of the root (a root deleted and initialized again
   * at the same path gets a new one), or null when it cannot be read (then nothing is cached).
   */
  private String rootId() {
    try {
      return store.readManifest(1).commit().graphCommitId();
    } catch (RootException | StorageException e) {
      return null;
    }
  }

  /** Where one snapshot's tables come from: pinned locations, read on demand. */
  static final class Source {
    private final LanceTables lance;
    private final Map<String, TablePin> pins;
    private final GraphStore store;
    private final String rootId;

    Source(LanceTables lance, Manifest.BranchState branch, GraphStore store, String rootId) {
      this.lance = lance;
      this.pins = Map.copyOf(branch.tables());
      this.store = store;
      this.rootId = rootId;
    }

    /** A cache key for a table state, or null when the state is not known to be immutable. */
    private Object key(TablePin pin, Object type) {
      if (rootId == null || pin.lanceBranch() != null) {
        // Lance branches can be deleted and forked again under the same name and version
        return null;
      }
      return List.of(rootId, store.datasetUri(pin.path()), pin.version(), type);
    }

    NodeTable node(NodeType t) {
      TablePin pin = pin(Manifest.nodeKey(t.name()));
      return TableCache.get(
          key(pin, t),
          () -> {
            Columns c = scan(pin, t.properties(), false);
            return new NodeTable(t, c.names, c.ids(), c.values());
          },
          n -> (long) n.size() * (n.properties().size() + 3));
    }

    /**
     * The node table holding only the row with {@code id} (none when absent): the whole table when
     * it is cached, else a scan that filters on {@code id} inside Lance (not cached).
     */
    NodeTable nodeWithId(NodeType t, String id) {
      TablePin pin = pin(Manifest.nodeKey(t.name()));
      if (TableCache.peek(key(pin, t)) instanceof NodeTable cached) {
        return cached;
      }
      Columns c = new Columns(t.properties());
      String filter = ArrowTypes.ID + " = '" + id.replace("'", "''") + "'";
      lance.scan(store.tableUri(pin), pin.version(), filter, root -> c.add(root, false));
      return new NodeTable(t, c.names, c.ids(), c.values());
    }

    EdgeTable edge(EdgeType e, NodeTable from, NodeTable to) {
      TablePin pin = pin(Manifest.edgeKey(e.name()));
      TablePin fromPin = pin(Manifest.nodeKey(e.from()));
      TablePin toPin = pin(Manifest.nodeKey(e.to()));
      Object k = key(pin, e);
      Object fk = key(fromPin, from.type());
      Object tk = key(toPin, to.type());
      return TableCache.get(
          k == null || fk == null || tk == null ? null : List.of(k, fk, tk),
          () -> readEdges(e, pin, from, to),
          t -> (long) t.size() * (t.properties().size() + 3));
    }

    private EdgeTable readEdges(EdgeType e, TablePin pin, NodeTable from, NodeTable to) {
      Columns c = scan(pin, e.properties(), true);
      int n = c.ids.size();
      int[] src = new int[n];
      int[] dst = new int[n];
      for (int r = 0; r < n; r++) {
        src[r] = endpoint(from, c.src.get(r), e);
        dst[r] = endpoint(to, c.dst.get(r), e);
      }
      return new EdgeTable(e, c.names, c.ids(), src, dst, c.values(), from.size(), to.size());
    }

    private TablePin pin(String key) {
      TablePin pin = pins.get(key);
      if (pin == null) {
        throw new RootException(
            RootException.Kind.CORRUPT, "manifest lacks table " + key + " of the schema");
      }
      return pin;
    }

    private Columns scan(TablePin pin, Map<String, Property> props, boolean edge) {
      Columns c = new Columns(props);
      lance.scan(store.tableUri(pin), pin.version(), root -> c.add(root, edge));
      return c;
    }
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
