package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.Constraint;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the reader needs about one node or edge type, precomputed once per load: property
 * columns in declaration order, their types, value rules, key columns and unique groups as column
 * numbers ({@link #SRC}/{@link #DST} stand for an edge's endpoints).
 */
final class TypePlan {
  static final int SRC = -1;
  static final int DST = -2;

  final String name;
  final NodeType node;
  final EdgeType edge;
  final String[] props;
  final PropType[] types;
  final Property[] properties;
  final Map<String, Integer> columns = new HashMap<>();
  final List<ValueRule> rules = new ArrayList<>();
  final int[] keyColumns;
  final int[] keyDeclaredColumns;
  final List<int[]> uniqueGroups = new ArrayList<>();
  final List<Integer> embedColumns = new ArrayList<>();

  private TypePlan(NodeType node, EdgeType edge, KeyOrder order) {
    this.node = node;
    this.edge = edge;
    this.name = node != null ? node.name() : edge.name();
    Map<String, Property> declared = node != null ? node.properties() : edge.properties();
    int n = declared.size();
    props = new String[n];
    types = new PropType[n];
    properties = new Property[n];
    int i = 0;
    for (Property p : declared.values()) {
      props[i] = p.name();
      types[i] = p.type();
      properties[i] = p;
      columns.put(p.name(), i);
      if (p.embed() != null) {
        embedColumns.add(i);
      }
      i++;
    }
    keyColumns = node == null ? new int[0] : columnsOf(order.keyProperties(node));
    keyDeclaredColumns = node == null ? new int[0] : columnsOf(node.keyProperties());
    for (Constraint c : node == null ? List.<Constraint>of() : node.constraints()) {
      if (c.kind() == Constraint.Kind.RANGE || c.kind() == Constraint.Kind.CHECK) {
        int col = columns.get(c.properties().get(0));
        rules.add(ValueRule.of(c, col, types[col]));
      }
    }
    (node != null ? node.uniqueGroups() : edge.uniqueGroups())
        .forEach(g -> uniqueGroups.add(columnsOf(g)));
  }

  static TypePlan forNode(NodeType t, KeyOrder order) {
    return new TypePlan(t, null, order);
  }

  static TypePlan forEdge(EdgeType e) {
    return new TypePlan(null, e, null);
  }

  boolean isEdge() {
    return edge != null;
  }

  boolean isKeyed() {
    return keyColumns.length > 0;
  }

  String kindWord() {
    return isEdge() ? "edge" : "node";
  }

  private int[] columnsOf(List<String> names) {
    int[] out = new int[names.size()];
    for (int i = 0; i < out.length; i++) {
      String n = names.get(i);
      out[i] =
          n.equals("src") && isEdge() ? SRC : n.equals("dst") && isEdge() ? DST : columns.get(n);
    }
    return out;
  }

  /** {@code @unique(a, b)} spelled for messages. */
  String groupSpelling(int[] group) {
    StringBuilder sb = new StringBuilder("@unique(");
    for (int i = 0; i < group.length; i++) {
      sb.append(i > 0 ? ", " : "").append(columnName(group[i]));
    }
    return sb.append(')').toString();
  }

  String columnName(int column) {
    return column == SRC ? "src" : column == DST ? "dst" : props[column];
  }
}
