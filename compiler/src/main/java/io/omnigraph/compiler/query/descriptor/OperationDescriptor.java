package io.omnigraph.compiler.query.descriptor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.ir.AggFn;
import io.omnigraph.compiler.query.ir.Column;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MatchItem;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.query.ir.QueryParam;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * The operation descriptor of a compiled query (03 §6):
 *
 * <pre>{@code
 * {"result": [{"name", "kind", "nullable", "item_kind"?, "vector_dim"?}],
 *  "reads":  [{"kind": "node"|"edge", "type_name"}],
 *  "writes": [{"kind": "node"|"edge", "type_name"}]}
 * }</pre>
 *
 * <p>{@code result} lists a read's columns ({@code count(…)} columns are {@code int}, since counts
 * are always JS-safe); mutations have no result columns. {@code reads} is conservative: every
 * scanned node type, every traversed edge type with both endpoint types (inside {@code not} too),
 * and for mutations the types they look up (update/delete targets, upsert targets, edge endpoint
 * types, cascaded edges). {@code writes} is exact: the inserted, updated or deleted type, plus for
 * node deletes every edge type touching the node type. Both are sorted, nodes before edges, then by
 * name.
 */
public final class OperationDescriptor {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private OperationDescriptor() {}

  public static ObjectNode describe(CompiledQuery q) {
    ObjectNode out = JSON.objectNode();
    out.set("result", result(q));
    TreeSet<TypeRef> reads = new TreeSet<>();
    TreeSet<TypeRef> writes = new TreeSet<>();
    if (q.read() != null) {
      q.read().match().forEach(m -> reads(m, reads));
    }
    q.mutations().forEach(m -> mutation(m, reads, writes));
    out.set("reads", refs(reads));
    out.set("writes", refs(writes));
    return out;
  }

  /** The typed parameter list {@code [{name, kind, item_kind?, vector_dim?, nullable}]}. */
  public static ArrayNode params(CompiledQuery q) {
    ArrayNode out = JSON.arrayNode();
    for (QueryParam p : q.params()) {
      ObjectNode o = out.addObject();
      o.put("name", p.name());
      ValueKinds.describe(o, p.type());
    }
    return out;
  }

  private static ArrayNode result(CompiledQuery q) {
    ArrayNode out = JSON.arrayNode();
    if (q.read() == null) {
      return out;
    }
    for (Column c : q.read().columns()) {
      ObjectNode o = out.addObject();
      o.put("name", c.name());
      if (c.expr() instanceof IrExpr.Aggregate a && a.fn() == AggFn.COUNT) {
        o.put("kind", "int");
        o.put("nullable", false);
      } else {
        ValueKinds.describe(o, c.type());
      }
    }
    return out;
  }

  private static void reads(MatchItem m, TreeSet<TypeRef> out) {
    switch (m) {
      case MatchItem.Scan s -> out.add(TypeRef.node(s.nodeType()));
      case MatchItem.Traverse t -> {
        out.add(TypeRef.edge(t.edgeType()));
        out.add(TypeRef.node(t.srcType()));
        out.add(TypeRef.node(t.dstType()));
      }
      case MatchItem.Negation n -> n.items().forEach(i -> reads(i, out));
      default -> {}
    }
  }

  private static void mutation(MutationOp m, TreeSet<TypeRef> reads, TreeSet<TypeRef> writes) {
    switch (m) {
      case MutationOp.InsertNode i -> {
        writes.add(TypeRef.node(i.typeName()));
        if (i.upsert()) {
          reads.add(TypeRef.node(i.typeName()));
        }
      }
      case MutationOp.InsertEdge e -> {
        writes.add(TypeRef.edge(e.typeName()));
        reads.add(TypeRef.node(e.fromType()));
        reads.add(TypeRef.node(e.toType()));
      }
      case MutationOp.Update u -> {
        writes.add(TypeRef.node(u.typeName()));
        reads.add(TypeRef.node(u.typeName()));
      }
      case MutationOp.Delete d -> delete(d, reads, writes);
    }
  }

  private static void delete(MutationOp.Delete d, TreeSet<TypeRef> reads, TreeSet<TypeRef> writes) {
    TypeRef target = new TypeRef(d.kind(), d.typeName());
    writes.add(target);
    reads.add(target);
    for (String e : d.cascadeEdgeTypes()) {
      writes.add(TypeRef.edge(e));
      reads.add(TypeRef.edge(e));
    }
  }

  private static ArrayNode refs(TreeSet<TypeRef> refs) {
    ArrayNode out = JSON.arrayNode();
    for (TypeRef r : refs) {
      out.addObject().put("kind", r.kind().wire()).put("type_name", r.name());
    }
    return out;
  }

  private record TypeRef(TypeKind kind, String name) implements Comparable<TypeRef> {
    static TypeRef node(String n) {
      return new TypeRef(TypeKind.NODE, n);
    }

    static TypeRef edge(String n) {
      return new TypeRef(TypeKind.EDGE, n);
    }

    @Override
    public int compareTo(TypeRef o) {
      return Comparator.comparing(TypeRef::kind).thenComparing(TypeRef::name).compare(this, o);
    }
  }
}
