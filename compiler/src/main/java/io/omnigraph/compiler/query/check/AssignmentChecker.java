package io.omnigraph.compiler.query.check;

import io.omnigraph.compiler.query.QueryCode;
import io.omnigraph.compiler.query.ast.QueryAst.Assignment;
import io.omnigraph.compiler.query.ast.QueryAst.Insert;
import io.omnigraph.compiler.query.ast.QueryAst.Name;
import io.omnigraph.compiler.query.ast.QueryAst.Predicate;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.compiler.schema.ScalarType;
import io.omnigraph.compiler.schema.SchemaType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The assignments and predicates of mutation statements. */
final class AssignmentChecker {
  private static final PropType ID = PropType.scalar(ScalarType.STRING, false);

  private final CheckContext ctx;
  private final ExprChecker exprs;

  AssignmentChecker(CheckContext ctx) {
    this.ctx = ctx;
    this.exprs = new ExprChecker(ctx);
  }

  /** Drops (and reports, T13) repeated assignments of one property. */
  List<Assignment> unique(List<Assignment> values) {
    Map<String, Assignment> seen = new HashMap<>();
    List<Assignment> out = new ArrayList<>();
    for (Assignment a : values) {
      Assignment prior = seen.putIfAbsent(a.prop().text(), a);
      if (prior == null) {
        out.add(a);
        continue;
      }
      ctx.error(
          QueryCode.T13,
          a.prop().start(),
          a.prop().end(),
          "'"
              + a.prop().text()
              + "' is already assigned in this statement (at "
              + ctx.at(prior.prop().start())
              + "); assign each property once");
    }
    return out;
  }

  MutationOp insertNode(Insert i, NodeType node, List<Assignment> values) {
    List<MutationOp.Assignment> out = properties(node, values);
    boolean complete = required(i.type(), node, names(values), Set.of());
    if (out == null || !complete) {
      return null;
    }
    return new MutationOp.InsertNode(node.name(), out, node.isKeyed(), node.keyProperties());
  }

  MutationOp insertEdge(Insert i, EdgeType edge, List<Assignment> values) {
    Assignment from = find(values, "from");
    Assignment to = find(values, "to");
    List<Assignment> props = values.stream().filter(a -> a != from && a != to).toList();
    IrExpr fromId = from == null ? null : endpoint(from);
    IrExpr toId = to == null ? null : endpoint(to);
    List<MutationOp.Assignment> out = properties(edge, props);
    Set<String> missingEnds = new java.util.LinkedHashSet<>();
    if (from == null) {
      missingEnds.add("from");
    }
    if (to == null) {
      missingEnds.add("to");
    }
    boolean complete = required(i.type(), edge, names(props), missingEnds);
    if (out == null || !complete || fromId == null || toId == null) {
      return null;
    }
    return new MutationOp.InsertEdge(edge.name(), edge.from(), edge.to(), fromId, toId, out);
  }

  List<MutationOp.Assignment> update(NodeType node, List<Assignment> values) {
    List<String> keys = node.keyProperties();
    boolean ok = true;
    for (Assignment a : values) {
      if (keys.contains(a.prop().text())) {
        ctx.error(
            QueryCode.T11,
            a.prop().start(),
            a.prop().end(),
            "key property '"
                + a.prop().text()
                + "' of "
                + node.name()
                + " cannot be changed by update (keys are immutable); select the row by it in the"
                + " where clause instead");
        ok = false;
      }
    }
    List<MutationOp.Assignment> out = properties(node, values);
    return ok ? out : null;
  }

  private static Assignment find(List<Assignment> values, String name) {
    return values.stream().filter(a -> a.prop().text().equals(name)).findFirst().orElse(null);
  }

  private static Set<String> names(List<Assignment> values) {
    Set<String> out = new java.util.HashSet<>();
    values.forEach(a -> out.add(a.prop().text()));
    return out;
  }

  private IrExpr endpoint(Assignment a) {
    IrExpr v = exprs.value(a.value(), null, QueryCode.T14, QueryCode.T7);
    if (v == null) {
      return null;
    }
    String problem = valueProblem(ID, v, a.prop().text() + " (a node id)");
    if (problem != null) {
      ctx.error(QueryCode.T7, a.value().start(), a.value().end(), problem);
      return null;
    }
    return v;
  }

  private List<MutationOp.Assignment> properties(SchemaType owner, List<Assignment> values) {
    List<MutationOp.Assignment> out = new ArrayList<>();
    boolean ok = true;
    for (Assignment a : values) {
      MutationOp.Assignment typed = assignment(owner, a);
      ok &= typed != null;
      if (typed != null) {
        out.add(typed);
      }
    }
    return ok ? out : null;
  }

  private MutationOp.Assignment assignment(SchemaType owner, Assignment a) {
    Property p = owner.properties().get(a.prop().text());
    if (p == null) {
      unknownProperty(owner, a.prop());
      return null;
    }
    IrExpr v = exprs.value(a.value(), null, QueryCode.T14, QueryCode.T7);
    if (v == null) {
      return null;
    }
    String problem = valueProblem(p.type(), v, "property " + p.name());
    if (problem != null) {
      ctx.error(QueryCode.T7, a.value().start(), a.value().end(), problem);
      return null;
    }
    return new MutationOp.Assignment(p.name(), p.type(), v);
  }

  private static String valueProblem(PropType target, IrExpr v, String what) {
    String problem = Compat.valueProblem(target, v);
    if (problem != null) {
      return what + ": " + problem;
    }
    if (v instanceof IrExpr.Param param && param.paramType().nullable() && !target.nullable()) {
      return "optional parameter $"
          + param.name()
          + " may be null but "
          + what
          + " is not nullable; declare the parameter without '?'";
    }
    return null;
  }

  private void unknownProperty(SchemaType owner, Name n) {
    String extra = owner.kind() == TypeKind.EDGE ? " (edges also take from and to)" : "";
    ctx.error(
        QueryCode.T11,
        n.start(),
        n.end(),
        owner.name() + " has no property '" + n.text() + "'" + ExprChecker.known(owner) + extra);
  }

  /** Reports (T12) required properties that an insert leaves out; true when none is missing. */
  private boolean required(
      Name at, SchemaType owner, Set<String> assigned, Set<String> missingEnds) {
    List<String> missing = new ArrayList<>(missingEnds);
    for (Property p : owner.properties().values()) {
      boolean needed = !p.nullable() || p.key();
      if (needed && !assigned.contains(p.name()) && !embedSourceCovers(p, assigned)) {
        missing.add(
            p.embed() != null
                ? p.name() + " (or its @embed source " + p.embed().source() + ")"
                : p.name());
      }
    }
    if (missing.isEmpty()) {
      return true;
    }
    ctx.error(
        QueryCode.T12,
        at.start(),
        at.end(),
        "insert "
            + owner.name()
            + " must assign "
            + String.join(", ", missing)
            + (missingEnds.isEmpty() ? "" : "; edges take the endpoint ids as from: $a, to: $b")
            + (missingEnds.size() == missing.size()
                ? ""
                : "; only nullable (?) properties may be left out"));
    return false;
  }

  private static boolean embedSourceCovers(Property p, Set<String> assigned) {
    return p.type().isVector() && p.embed() != null && assigned.contains(p.embed().source());
  }

  /** The {@code where} predicate of an update or delete. */
  MutationOp.Predicate predicate(TypeKind kind, SchemaType owner, Predicate w) {
    PropType t = predicateType(kind, owner, w.prop());
    if (t == null) {
      return null;
    }
    IrExpr v = exprs.value(w.value(), null, QueryCode.T14, QueryCode.T7);
    if (v == null) {
      return null;
    }
    IrExpr left = new IrExpr.Prop("", kind, owner.name(), w.prop().text(), t);
    String problem = Compat.compareProblem(w.op(), left, v);
    if (problem != null) {
      ctx.error(QueryCode.T7, w.value().start(), w.value().end(), problem);
      return null;
    }
    return new MutationOp.Predicate(w.prop().text(), t, w.op(), v);
  }

  private PropType predicateType(TypeKind kind, SchemaType owner, Name prop) {
    String n = prop.text();
    if (n.equals("id") || (kind == TypeKind.EDGE && (n.equals("from") || n.equals("to")))) {
      return ID;
    }
    Property p = owner.properties().get(n);
    if (p == null) {
      String extra = kind == TypeKind.EDGE ? ", id, from and to" : " and id";
      ctx.error(
          QueryCode.T11,
          prop.start(),
          prop.end(),
          owner.name()
              + " has no property '"
              + n
              + "'; a where clause takes one of its properties"
              + (owner.properties().isEmpty()
                  ? ""
                  : " (" + String.join(", ", owner.properties().keySet()) + ")")
              + extra);
      return null;
    }
    if (ExprChecker.isBlobValue(p.type())) {
      ctx.error(
          QueryCode.T11,
          prop.start(),
          prop.end(),
          "Blob property '"
              + n
              + "' cannot be used in a where clause; select rows by another property");
      return null;
    }
    return p.type();
  }
}
