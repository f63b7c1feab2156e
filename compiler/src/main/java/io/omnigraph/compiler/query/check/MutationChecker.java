package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.Assignment;
import io.omnigraph.compiler.query.ast.QueryAst.Delete;
import io.omnigraph.compiler.query.ast.QueryAst.Insert;
import io.omnigraph.compiler.query.ast.QueryAst.MutationBody;
import io.omnigraph.compiler.query.ast.QueryAst.Name;
import io.omnigraph.compiler.query.ast.QueryAst.Stmt;
import io.omnigraph.compiler.query.ast.QueryAst.Update;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks mutation statements: targets (T10, T16), assignments (T11, T13, T7), required properties
 * (T12), parameters (T14) and the rule that one query either inserts/updates or deletes (Q001).
 */
final class MutationChecker {
  private final CheckContext ctx;
  private final AssignmentChecker assignments;

  MutationChecker(CheckContext ctx) {
    this.ctx = ctx;
    this.assignments = new AssignmentChecker(ctx);
  }

  /** The statements, or null when anything is wrong. */
  List<MutationOp> check(String queryName, MutationBody body) {
    mixed(queryName, body.statements());
    List<MutationOp> ops = new ArrayList<>();
    for (Stmt s : body.statements()) {
      MutationOp op =
          switch (s) {
            case Insert i -> insert(i);
            case Update u -> update(u);
            case Delete d -> delete(d);
          };
      ops.add(op);
    }
    return ctx.hasErrors() ? null : ops;
  }

  private void mixed(String queryName, List<Stmt> stmts) {
    boolean writes = stmts.stream().anyMatch(s -> !(s instanceof Delete));
    boolean deletes = stmts.stream().anyMatch(s -> s instanceof Delete);
    if (!writes || !deletes) {
      return;
    }
    boolean firstIsDelete = stmts.get(0) instanceof Delete;
    Stmt offender =
        stmts.stream()
            .filter(s -> (s instanceof Delete) != firstIsDelete)
            .findFirst()
            .orElseThrow();
    ctx.error(
        QueryCode.MIXED_MUTATION,
        offender.start(),
        offender.type().end(),
        "mutation '"
            + queryName
            + "' on the same query mixes inserts/updates and deletes; split into separate"
            + " mutations: (1) inserts and updates, then (2) deletes");
  }

  private MutationOp insert(Insert i) {
    NodeType node = ctx.catalog.node(i.type().text()).orElse(null);
    EdgeType edge = node == null ? ctx.catalog.edge(i.type().text()).orElse(null) : null;
    if (node == null && edge == null) {
      unknownTarget(i.type());
      return null;
    }
    String typeName = node != null ? node.name() : edge.name();
    if (!hasAssignments(i.values(), i, "insert " + typeName + " { prop: $value, … }")) {
      return null;
    }
    List<Assignment> unique = assignments.unique(i.values());
    return node != null
        ? assignments.insertNode(i, node, unique)
        : assignments.insertEdge(i, edge, unique);
  }

  private MutationOp update(Update u) {
    NodeType node = ctx.catalog.node(u.type().text()).orElse(null);
    if (node == null) {
      if (ctx.catalog.edge(u.type().text()).isPresent()) {
        ctx.error(
            QueryCode.T16,
            u.type().start(),
            u.type().end(),
            "edges cannot be updated; delete the edge and insert it again with the new values");
      } else {
        unknownTarget(u.type());
      }
      return null;
    }
    if (!hasAssignments(u.values(), u, "update " + node.name() + " set { prop: $value } where …")) {
      return null;
    }
    var values = assignments.update(node, assignments.unique(u.values()));
    var where = assignments.predicate(TypeKind.NODE, node, u.where());
    return values == null || where == null
        ? null
        : new MutationOp.Update(node.name(), values, where);
  }

  private MutationOp delete(Delete d) {
    NodeType node = ctx.catalog.node(d.type().text()).orElse(null);
    EdgeType edge = node == null ? ctx.catalog.edge(d.type().text()).orElse(null) : null;
    if (node == null && edge == null) {
      unknownTarget(d.type());
      return null;
    }
    if (node != null) {
      var where = assignments.predicate(TypeKind.NODE, node, d.where());
      List<String> cascade =
          ctx.catalog.edgesTouching(node.name()).stream().map(EdgeType::name).toList();
      return where == null
          ? null
          : new MutationOp.Delete(TypeKind.NODE, node.name(), where, cascade);
    }
    var where = assignments.predicate(TypeKind.EDGE, edge, d.where());
    return where == null
        ? null
        : new MutationOp.Delete(TypeKind.EDGE, edge.name(), where, List.of());
  }

  private boolean hasAssignments(List<Assignment> values, Stmt s, String example) {
    if (!values.isEmpty()) {
      return true;
    }
    ctx.error(
        QueryCode.T10,
        s.start(),
        s.type().end(),
        "this statement assigns nothing; write at least one assignment, as in " + example);
    return false;
  }

  private void unknownTarget(Name type) {
    String hint =
        ctx.catalog.nodes().keySet().stream()
            .filter(n -> n.equalsIgnoreCase(type.text()))
            .findFirst()
            .map(n -> "; did you mean " + n + "?")
            .orElse(
                "; known node types are "
                    + String.join(", ", ctx.catalog.nodes().keySet())
                    + (ctx.catalog.edges().isEmpty()
                        ? ""
                        : " and edge types " + String.join(", ", ctx.catalog.edges().keySet())));
    ctx.error(
        QueryCode.T10,
        type.start(),
        type.end(),
        "unknown mutation target '" + type.text() + "'" + hint);
  }
}
