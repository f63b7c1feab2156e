package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.engine.graph.EdgeTable;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.load.Envelope.EdgeRecord;
import io.omnigraph.engine.load.Envelope.NodeRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stages one record at a time: envelope, type, values, value rules, id, then the row itself, with
 * the id checks that need only the rows seen so far and the snapshot (append conflicts, last-wins
 * replacement). Edge endpoints are resolved where possible; the rest waits for {@link
 * BatchValidator}.
 */
final class BatchStager {
  final GraphSnapshot snapshot;
  final LoadMode mode;
  final Map<String, Stage> nodes = new LinkedHashMap<>();
  final Map<String, EdgeStage> edges = new LinkedHashMap<>();
  final Map<String, Map<String, String>> legacyIds = new HashMap<>();
  private final Catalog catalog;
  private final KeyOrder keyOrder;
  private final Ulid ulid;
  private final RowDecoder decoder;
  private final Map<String, EdgeStage> edgesBySpelling = new HashMap<>();
  private final Map<String, IdIndex> snapshotEdgeIds = new HashMap<>();
  private final String[] lastId = new String[2];
  private final String[] lastType = new String[2];
  private final int[] lastRef = new int[2];

  BatchStager(GraphSnapshot snapshot, LoadMode mode, KeyOrder order, Ulid ulid, boolean embedder) {
    this.snapshot = snapshot;
    this.catalog = snapshot.catalog();
    this.mode = mode;
    this.keyOrder = order;
    this.ulid = ulid;
    this.decoder = new RowDecoder(embedder);
  }

  void accept(Envelope record, int line) {
    switch (record) {
      case NodeRecord n -> node(n, line);
      case EdgeRecord e -> edge(e, line);
    }
  }

  /** Frees the id indexes once validation is done (the staged batch does not need them). */
  void release() {
    snapshotEdgeIds.clear();
    nodes.values().forEach(Stage::release);
    edges.values().forEach(Stage::release);
  }

  /** Whether the snapshot's rows of this type still count (false when overwrite replaces it). */
  boolean snapshotCounts(String type, boolean edge) {
    return mode != LoadMode.OVERWRITE || !(edge ? edges : nodes).containsKey(type);
  }

  private void node(NodeRecord r, int line) {
    Stage stage = nodeStage(r.type(), line);
    TypePlan plan = stage.plan;
    Object[] values = decoder.decode(plan, r.data(), line);
    for (ValueRule rule : plan.rules) {
      String violation = rule.violation(plan.name, values[rule.column()]);
      if (violation != null) {
        throw new LoadException(rule.code(), line, violation);
      }
    }
    String id =
        plan.isKeyed() ? keyedId(plan, values, decoder.suppliedId(), line) : decoder.suppliedId();
    int row =
        id == null
            ? stage.add(null, ulid.nextValue(), values, line)
            : upsert(stage, id, values, line);
    stage.needsEmbedding.set(row, decoder.needsEmbedding());
  }

  private String keyedId(TypePlan plan, Object[] values, String supplied, int line) {
    String derived = KeyIds.derive(plan, values);
    if (supplied == null || supplied.equals(derived)) {
      return derived;
    }
    if (KeyIds.isLegacySpelling(plan, values, supplied)) {
      legacyIds.computeIfAbsent(plan.name, k -> new HashMap<>()).put(supplied, derived);
      return derived;
    }
    throw new LoadException(
        LoadCode.ID_MISMATCH,
        line,
        "data.id "
            + Messages.quote(supplied)
            + " of "
            + plan.name
            + " does not match the id its key derives, "
            + Messages.quote(derived)
            + "; leave data.id out or write "
            + Messages.quote(derived));
  }

  /** Stages a row with a known id: append conflicts, last-wins replacement, insert. */
  private int upsert(Stage stage, String id, Object[] values, int line) {
    int existing = stage.index.get(id);
    if (existing >= 0) {
      requireNotAppend(stage, id, existing, line);
      stage.replace(existing, values, line);
      return existing;
    }
    boolean inGraph = mode != LoadMode.OVERWRITE && inSnapshot(stage.plan, id);
    if (inGraph && mode == LoadMode.APPEND) {
      throw inGraphConflict(stage.plan, id, line);
    }
    int row = stage.add(id, null, values, line);
    stage.updates.set(row, inGraph);
    return row;
  }

  private void requireNotAppend(Stage stage, String id, int earlier, int line) {
    if (mode == LoadMode.APPEND) {
      throw new LoadException(
          LoadCode.KEY_CONFLICT,
          line,
          stage.plan.name
              + " "
              + Messages.quote(id)
              + " already appears on line "
              + stage.line(earlier)
              + " of this batch; append inserts each id once (use merge to update)");
    }
  }

  private static LoadException inGraphConflict(TypePlan plan, String id, int line) {
    return new LoadException(
        LoadCode.KEY_CONFLICT,
        line,
        plan.name
            + " "
            + Messages.quote(id)
            + " already exists in the graph; append never updates — use merge to update it"
            + " or remove the record");
  }

  private void edge(EdgeRecord r, int line) {
    EdgeStage stage = edgeStage(r.edge(), line);
    TypePlan plan = stage.plan;
    Object[] values = decoder.decode(plan, r.data(), line);
    int src = endpoint(plan.edge.from(), r.from(), true);
    int dst = endpoint(plan.edge.to(), r.to(), false);
    String id = decoder.suppliedId();
    int row =
        id == null
            ? stage.add(null, ulid.nextValue(), values, line)
            : upsert(stage, id, values, line);
    stage.endpoints(row, src, r.from(), dst, r.to());
  }

  private boolean inSnapshot(TypePlan plan, String id) {
    return plan.isEdge()
        ? snapshotEdgeRow(plan.name, id) >= 0
        : snapshot.nodes(plan.name).rowOf(id) >= 0;
  }

  /** The snapshot row of an edge id (an id index per edge type, built on first use), or -1. */
  int snapshotEdgeRow(String edgeType, String id) {
    IdIndex index =
        snapshotEdgeIds.computeIfAbsent(
            edgeType,
            t -> {
              EdgeTable table = snapshot.edges(t);
              IdIndex ix = new IdIndex(table.size());
              for (int i = 0; i < table.size(); i++) {
                ix.put(table.id(i), i);
              }
              return ix;
            });
    return index.get(id);
  }

  /**
   * Resolves an endpoint, remembering the last resolved one: edge files are usually grouped by
   * source, so consecutive records often repeat it.
   */
  private int endpoint(String nodeType, String id, boolean source) {
    int slot = source ? 0 : 1;
    if (id.equals(lastId[slot]) && nodeType.equals(lastType[slot])) {
      return lastRef[slot];
    }
    int ref = endpoint(nodeType, id);
    if (ref != EdgeStage.PENDING) {
      lastId[slot] = id;
      lastType[slot] = nodeType;
      lastRef[slot] = ref;
    }
    return ref;
  }

  /** Resolves an endpoint against the batch so far and the snapshot; see {@link EdgeStage}. */
  int endpoint(String nodeType, String id) {
    Stage s = nodes.get(nodeType);
    if (s != null) {
      int r = batchRow(s, id);
      if (r >= 0) {
        return r;
      }
      if (mode == LoadMode.OVERWRITE) {
        return EdgeStage.PENDING;
      }
    }
    int row = snapshot.nodes(nodeType).rowOf(id);
    return row >= 0 ? EdgeStage.encodeSnapshot(row) : EdgeStage.PENDING;
  }

  /** The batch row of a node id, also through a legacy spelling staged in this batch, or -1. */
  int batchRow(Stage s, String id) {
    int r = s.index.get(id);
    if (r < 0) {
      Map<String, String> legacy = legacyIds.get(s.plan.name);
      String canonical = legacy == null ? null : legacy.get(id);
      r = canonical == null ? -1 : s.index.get(canonical);
    }
    return r;
  }

  private Stage nodeStage(String name, int line) {
    Stage s = nodes.get(name);
    if (s != null) {
      return s;
    }
    NodeType t = catalog.node(name).orElseThrow(() -> unknownNode(name, line));
    s = new Stage(TypePlan.forNode(t, keyOrder), line);
    nodes.put(name, s);
    return s;
  }

  private EdgeStage edgeStage(String spelling, int line) {
    EdgeStage s = edgesBySpelling.get(spelling);
    if (s != null) {
      return s;
    }
    EdgeType e = catalog.edge(spelling).orElseThrow(() -> unknownEdge(spelling, line));
    s = edges.computeIfAbsent(e.name(), n -> new EdgeStage(TypePlan.forEdge(e), line));
    edgesBySpelling.put(spelling, s);
    return s;
  }

  private LoadException unknownNode(String name, int line) {
    String hint =
        catalog
            .edge(name)
            .map(e -> "; " + e.name() + " is an edge type: write {\"edge\":\"" + e.name() + "\",…}")
            .orElse(Messages.suggest(name, catalog.nodes().keySet()));
    return new LoadException(
        LoadCode.UNKNOWN_TYPE,
        line,
        "unknown node type '" + name + "'" + hint + "; node types are matched exactly");
  }

  private LoadException unknownEdge(String name, int line) {
    String hint =
        catalog
            .node(name)
            .map(n -> "; " + n.name() + " is a node type: write {\"type\":\"" + n.name() + "\",…}")
            .orElse(Messages.suggest(name, catalog.edges().keySet()));
    return new LoadException(
        LoadCode.UNKNOWN_TYPE, line, "unknown edge type '" + name + "'" + hint);
  }
}
