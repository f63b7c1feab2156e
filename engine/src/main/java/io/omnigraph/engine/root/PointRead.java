package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.compiler.query.FilterOp;
import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.query.ir.OrderKey;
import io.omnigraph.compiler.query.ir.ReadPlan;
import io.omnigraph.compiler.query.ir.Value;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.ScalarType;

/**
 * Recognises reads that only look up one node by its key: exactly one {@code $x: T { key: v }}
 * binding of a node type with a single String key, plain filters on {@code $x} only, and columns
 * and order keys made of {@code $x}, its properties, literals, parameters and aggregates of those
 * (no traversal, negation, text search or ranking — those need the whole table). Such a read gives
 * the same rows on a table holding just the row whose id is {@code v} (a single-key node's id is
 * the canonical spelling of its key, and a String key's spelling is the string itself).
 */
final class PointRead {
  /** The node type and the id the query looks up. */
  record Target(String nodeType, String id) {}

  private PointRead() {}

  /** The lookup the read makes, or null when it is not a single key lookup. */
  static Target of(Catalog catalog, CompiledQuery q, JsonNode params) {
    ReadPlan plan = q.read();
    if (plan == null || q.isMutation() || plan.match().isEmpty()) {
      return null;
    }
    if (!(plan.match().get(0) instanceof MatchItem.Scan scan)) {
      return null;
    }
    NodeType type = catalog.nodes().get(scan.nodeType());
    if (type == null || type.keyProperties().size() != 1) {
      return null;
    }
    String key = type.keyProperties().get(0);
    if (type.properties().get(key).type().scalar() != ScalarType.STRING
        || type.properties().get(key).type().list()) {
      return null;
    }
    String id = null;
    for (MatchItem.Filter f : scan.props()) {
      if (f.op() == FilterOp.EQ
          && f.left() instanceof IrExpr.Prop p
          && p.var().equals(scan.var())
          && p.property().equals(key)) {
        id = stringValue(f.right(), params);
      }
    }
    if (id == null || !onlyVar(plan, scan.var())) {
      return null;
    }
    return new Target(type.name(), id);
  }

  private static boolean onlyVar(ReadPlan plan, String var) {
    for (MatchItem m : plan.match().subList(1, plan.match().size())) {
      if (!(m instanceof MatchItem.Filter f) || !simple(f.left(), var) || !simple(f.right(), var)) {
        return false;
      }
    }
    for (Column c : plan.columns()) {
      if (!simple(c.expr(), var)) {
        return false;
      }
    }
    for (OrderKey k : plan.order()) {
      if (!simple(k.expr(), var)) {
        return false;
      }
    }
    return true;
  }

  private static boolean simple(IrExpr e, String var) {
    return switch (e) {
      case IrExpr.Prop p -> p.var().equals(var);
      case IrExpr.Entity x -> x.var().equals(var);
      case IrExpr.Literal l -> true;
      case IrExpr.Param p -> true;
      case IrExpr.ColumnRef c -> true;
      case IrExpr.Aggregate a -> simple(a.arg(), var);
      default -> false;
    };
  }

  private static String stringValue(IrExpr e, JsonNode params) {
    if (e instanceof IrExpr.Literal l && l.value() instanceof Value.Str s) {
      return s.value();
    }
    if (e instanceof IrExpr.Param p && !p.isNow() && params != null) {
      JsonNode v = params.get(p.name());
      return v != null && v.isTextual() ? v.asText() : null;
    }
    return null;
  }
}
