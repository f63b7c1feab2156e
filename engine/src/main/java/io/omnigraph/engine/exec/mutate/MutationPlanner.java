package io.omnigraph.engine.exec.mutate;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.TypeKind;
import io.omnigraph.engine.change.ChangeSet;
import io.omnigraph.engine.change.Upsert;
import io.omnigraph.engine.exec.ParamBinder;
import io.omnigraph.engine.exec.QueryExecutionException;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.load.KeyIds;
import io.omnigraph.engine.load.KeyOrder;
import io.omnigraph.engine.load.LoadCode;
import io.omnigraph.engine.load.LoadException;
import io.omnigraph.engine.load.Ulid;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs the statements of one mutation query, in order, against a working copy of a branch state and
 * returns what they change ({@link MutationPlan}); nothing is validated against constraints or
 * written here ({@link io.omnigraph.engine.change.ChangeValidator} and the storage layer do that).
 *
 * <ul>
 *   <li>{@code insert} of a keyed node: an upsert by the derived id — the statement's values
 *       replace the whole row (unassigned nullable properties become null);
 *   <li>{@code insert} of an unkeyed node or an edge: a strict insert with a new ULID;
 *   <li>{@code update T set {…} where p op v}: every row of T matching the predicate in the working
 *       state (the snapshot plus earlier statements) gets the assignments; keys never change;
 *   <li>{@code delete}: matching rows (by property, {@code id}, or an edge's {@code from}/{@code
 *       to}); deleting nodes deletes their incident edges of every type touching them.
 * </ul>
 *
 * The compiler guarantees that one query either inserts/updates or deletes, never both.
 */
public final class MutationPlanner {
  /** 10 §2: keyed write entities per dataset and transaction. */
  public static final int MAX_KEYED_ENTITIES = 8_192;

  private final GraphSnapshot snapshot;
  private final CompiledQuery query;
  private final MutationValues values;
  private final Ulid ulid;
  private final Map<String, Upsert> order = new LinkedHashMap<>();
  private final ChangeSet deletes = new ChangeSet();

  private MutationPlanner(GraphSnapshot snapshot, CompiledQuery query, MutationValues values) {
    this.snapshot = snapshot;
    this.query = query;
    this.values = values;
    this.ulid = new Ulid();
  }

  /** Plans {@code query} (a mutation) with {@code params} against {@code snapshot}. */
  public static MutationPlan plan(
      GraphSnapshot snapshot, CompiledQuery query, JsonNode params, Clock clock) {
    if (!query.isMutation()) {
      throw new QueryExecutionException(
          QueryExecutionException.Code.NOT_A_READ,
          "query " + query.name() + " is a read; run it with query, not mutate");
    }
    Map<String, Object> bound = ParamBinder.bind(query, params, clock);
    return new MutationPlanner(snapshot, query, new MutationValues(bound)).run();
  }

  private MutationPlan run() {
    int n = 0;
    for (MutationOp op : query.mutations()) {
      n++;
      String where = "statement " + n + " (" + label(op) + ")";
      switch (op) {
        case MutationOp.InsertNode i -> insertNode(i, n, where);
        case MutationOp.InsertEdge e -> insertEdge(e, n, where);
        case MutationOp.Update u -> new Updates(this, u, n, where).run();
        case MutationOp.Delete d -> new Deletes(snapshot, values, deletes).run(d, n);
      }
    }
    if (deletes.hasDeletes()) {
      Deletes.cascade(snapshot, deletes);
      return new MutationPlan(deletes, deletes.deletedNodes(), deletes.deletedEdges());
    }
    ChangeSet cs = new ChangeSet();
    order.values().forEach(cs::upsert);
    checkLimits();
    int nodes = (int) order.values().stream().filter(u -> !u.edge()).count();
    return new MutationPlan(cs, nodes, order.size() - nodes);
  }

  public static String label(MutationOp op) {
    return switch (op) {
      case MutationOp.InsertNode i -> "insert " + i.typeName();
      case MutationOp.InsertEdge e -> "insert " + e.typeName();
      case MutationOp.Update u -> "update " + u.typeName();
      case MutationOp.Delete d -> "delete " + d.typeName();
    };
  }

  private void insertNode(MutationOp.InsertNode i, int stmt, String where) {
    NodeType t = snapshot.catalog().node(i.typeName()).orElseThrow();
    Map<String, Object> row = new HashMap<>();
    for (MutationOp.Assignment a : i.values()) {
      row.put(a.property(), values.assign(a.value(), a.type(), a.property(), where));
    }
    if (t.isKeyed()) {
      String id = keyedId(t, row, where);
      order.put(nodeKey(t.name(), id), new Upsert(false, t.name(), null, null, null, row, stmt));
    } else {
      String id = ulid.next();
      order.put(nodeKey(t.name(), id), new Upsert(false, t.name(), id, null, null, row, stmt));
    }
  }

  private static String keyedId(NodeType t, Map<String, Object> row, String where) {
    try {
      return KeyIds.derive(t, row, KeyOrder.DECLARATION);
    } catch (IllegalArgumentException e) {
      throw new QueryExecutionException(
          QueryExecutionException.Code.BAD_PARAM,
          where + ": the key of " + t.name() + " needs a value (" + e.getMessage() + ")");
    }
  }

  private void insertEdge(MutationOp.InsertEdge e, int stmt, String where) {
    Object from = values.eval(e.from());
    Object to = values.eval(e.to());
    if (from == null || to == null) {
      throw new QueryExecutionException(
          QueryExecutionException.Code.BAD_PARAM,
          where + ": from and to need node ids; a parameter for them was null");
    }
    Map<String, Object> row = new HashMap<>();
    for (MutationOp.Assignment a : e.values()) {
      row.put(a.property(), values.assign(a.value(), a.type(), a.property(), where));
    }
    String id = ulid.next();
    order.put(
        "edge:" + e.typeName() + "/" + id,
        new Upsert(true, e.typeName(), id, from.toString(), to.toString(), row, stmt));
  }

  private void checkLimits() {
    Map<String, Integer> perType = new HashMap<>();
    for (Upsert u : order.values()) {
      String key = (u.edge() ? "edge:" : "node:") + u.type();
      int count = perType.merge(key, 1, Integer::sum);
      boolean keyed = !u.edge() && snapshot.catalog().node(u.type()).orElseThrow().isKeyed();
      if (keyed && count > MAX_KEYED_ENTITIES) {
        String resource = "keyed write entities for " + key;
        long actual = order.values().stream().filter(x -> x.type().equals(u.type())).count();
        throw new MutationException(
            LoadCode.RESOURCE_LIMIT,
            u.origin(),
            "mutation "
                + query.name()
                + " writes "
                + actual
                + " entities of "
                + key
                + ", over the limit of "
                + MAX_KEYED_ENTITIES
                + " per type; narrow the where clause or split the change",
            new LoadException.ResourceLimit(resource, MAX_KEYED_ENTITIES, actual));
      }
    }
  }

  // --- working state shared with Updates ---

  GraphSnapshot snapshot() {
    return snapshot;
  }

  MutationValues values() {
    return values;
  }

  Map<String, Upsert> order() {
    return order;
  }

  static String nodeKey(String type, String id) {
    return "node:" + type + "/" + id;
  }

  static boolean isNodeKind(MutationOp.Delete d) {
    return d.kind() == TypeKind.NODE;
  }
}
