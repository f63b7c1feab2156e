package io.omnigraph.engine.exec.mutate;

import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.engine.change.Upsert;
import io.omnigraph.engine.exec.FilterOps;
import io.omnigraph.engine.graph.NodeTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code update T set {…} where p op v}: finds the matching rows of T in the working state
 * (snapshot rows, as changed by earlier statements, then rows inserted by earlier statements) and
 * stages each with the new values. The row keeps its id (keys are immutable).
 */
final class Updates {
  private final MutationPlanner planner;
  private final MutationOp.Update op;
  private final int stmt;
  private final String where;

  Updates(MutationPlanner planner, MutationOp.Update op, int stmt, String where) {
    this.planner = planner;
    this.op = op;
    this.stmt = stmt;
    this.where = where;
  }

  void run() {
    NodeType t = planner.snapshot().catalog().node(op.typeName()).orElseThrow();
    NodeTable table = planner.snapshot().nodes(t.name());
    Object target = planner.values().eval(op.where().value());
    Map<String, Object> assigned = new HashMap<>();
    for (MutationOp.Assignment a : op.values()) {
      assigned.put(a.property(), planner.values().assign(a.value(), a.type(), a.property(), where));
    }
    List<String> matches = new ArrayList<>();
    Map<String, Map<String, Object>> current = new HashMap<>();
    for (int r = 0; r < table.size(); r++) {
      String id = table.id(r);
      Upsert dirty = planner.order().get(MutationPlanner.nodeKey(t.name(), id));
      Map<String, Object> row = dirty != null ? dirty.values() : snapshotRow(table, r);
      if (matches(id, row, target)) {
        matches.add(id);
        current.put(id, row);
      }
    }
    String prefix = MutationPlanner.nodeKey(t.name(), "");
    for (Map.Entry<String, Upsert> e : List.copyOf(planner.order().entrySet())) {
      String id = e.getKey().startsWith(prefix) ? e.getKey().substring(prefix.length()) : null;
      if (id != null && table.rowOf(id) < 0 && matches(id, e.getValue().values(), target)) {
        matches.add(id);
        current.put(id, e.getValue().values());
      }
    }
    for (String id : matches) {
      Map<String, Object> row = new HashMap<>(current.get(id));
      row.putAll(assigned);
      String rowId = t.isKeyed() ? null : id;
      planner
          .order()
          .put(
              MutationPlanner.nodeKey(t.name(), id),
              new Upsert(false, t.name(), rowId, null, null, row, stmt));
    }
  }

  private boolean matches(String id, Map<String, Object> row, Object target) {
    Object v = "id".equals(op.where().property()) ? id : row.get(op.where().property());
    return FilterOps.test(op.where().op(), v, target);
  }

  static Map<String, Object> snapshotRow(NodeTable table, int r) {
    Map<String, Object> row = new HashMap<>();
    List<String> props = table.properties();
    for (int c = 0; c < props.size(); c++) {
      Object v = table.value(r, c);
      if (v != null) {
        row.put(props.get(c), v);
      }
    }
    return row;
  }
}
