package io.omnigraph.compiler.query.ir;

import io.omnigraph.compiler.query.FilterOp;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.List;

/**
 * One statement of a mutation query, resolved against the catalog. Values are literals, parameters
 * or {@code now()} ({@link IrExpr.Param} named {@link IrExpr#NOW_PARAM}).
 */
public sealed interface MutationOp {
  /** The node or edge type written. */
  String typeName();

  /**
   * {@code insert NodeType {…}}. With {@code upsert} (the type is keyed) the row's id is derived
   * from {@code keyProperties} and an existing row with that id is replaced; otherwise a new ULID
   * id is generated. Unassigned nullable properties are null; a non-nullable {@code @embed} vector
   * may be absent when its source text is assigned.
   */
  record InsertNode(
      String typeName, List<Assignment> values, boolean upsert, List<String> keyProperties)
      implements MutationOp {
    public InsertNode {
      values = List.copyOf(values);
      keyProperties = List.copyOf(keyProperties);
    }
  }

  /** {@code insert EdgeType { from: …, to: …, … }}: a strict insert of one edge. */
  record InsertEdge(
      String typeName,
      String fromType,
      String toType,
      IrExpr from,
      IrExpr to,
      List<Assignment> values)
      implements MutationOp {
    public InsertEdge {
      values = List.copyOf(values);
    }
  }

  /** {@code update NodeType set {…} where …}. Key properties are never assigned. */
  record Update(String typeName, List<Assignment> values, Predicate where) implements MutationOp {
    public Update {
      values = List.copyOf(values);
    }
  }

  /**
   * {@code delete Type where …}. Deleting nodes also deletes their incident edges of every type in
   * {@code cascadeEdgeTypes} (empty for edge deletes).
   */
  record Delete(TypeKind kind, String typeName, Predicate where, List<String> cascadeEdgeTypes)
      implements MutationOp {
    public Delete {
      cascadeEdgeTypes = List.copyOf(cascadeEdgeTypes);
    }
  }

  /** {@code property: value}; {@code type} is the property's declared type. */
  record Assignment(String property, PropType type, IrExpr value) {}

  /**
   * {@code property op value}. Besides declared properties, {@code property} may be {@code id} (the
   * physical row id, String) and, on edges, {@code from}/{@code to} (the endpoint ids).
   */
  record Predicate(String property, PropType type, FilterOp op, IrExpr value) {}
}
