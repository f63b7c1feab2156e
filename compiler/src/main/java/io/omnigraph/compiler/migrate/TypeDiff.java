package io.omnigraph.compiler.migrate;

import io.omnigraph.compiler.migrate.MigrationStep.RenameType;
import io.omnigraph.compiler.migrate.MigrationStep.UnsupportedChange;
import io.omnigraph.compiler.migrate.MigrationStep.UpdateTypeMetadata;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.SchemaType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans the changes of one matched node or edge type: its name, metadata, implemented interfaces or
 * endpoints and cardinality, then its properties and constraints.
 */
final class TypeDiff {
  private final Map<String, String> nodeRenames;
  private final List<MigrationStep> out;

  /**
   * @param nodeRenames accepted node name to desired node name, for renamed node types
   * @param out where steps are appended
   */
  TypeDiff(Map<String, String> nodeRenames, List<MigrationStep> out) {
    this.nodeRenames = Map.copyOf(nodeRenames);
    this.out = out;
  }

  void node(NodeType a, NodeType d) {
    header(a, d);
    Set<String> before = new TreeSet<>(a.implementsList());
    Set<String> after = new TreeSet<>(d.implementsList());
    if (!before.equals(after)) {
      unsupported(
          d,
          "changing the implemented interfaces from "
              + before
              + " to "
              + after
              + " is not supported; keep the previous implements list");
    }
    PropertyChanges changes =
        PropertyDiff.diff(TypeKind.NODE, d.name(), a.properties(), d.properties(), out);
    ConstraintDiff.node(a, d, changes, out);
  }

  void edge(EdgeType a, EdgeType d) {
    header(a, d);
    String before = node(a.from()) + " -> " + node(a.to());
    String after = d.from() + " -> " + d.to();
    if (!before.equals(after)) {
      unsupported(
          d,
          "changing the endpoints from "
              + before
              + " to "
              + after
              + " is not supported; declare a new edge type instead");
    }
    if (a.cardMin() != d.cardMin() || !Objects.equals(a.cardMax(), d.cardMax())) {
      unsupported(
          d,
          "changing the cardinality from @card("
              + a.renderCard()
              + ") to @card("
              + d.renderCard()
              + ") is not supported; keep the previous @card");
    }
    PropertyChanges changes =
        PropertyDiff.diff(TypeKind.EDGE, d.name(), a.properties(), d.properties(), out);
    ConstraintDiff.edge(a, d, changes, out);
  }

  /** The desired name of an accepted node type. */
  private String node(String acceptedName) {
    return nodeRenames.getOrDefault(acceptedName, acceptedName);
  }

  private void header(SchemaType a, SchemaType d) {
    if (!a.name().equals(d.name())) {
      out.add(new RenameType(d.kind(), a.name(), d.name()));
    }
    Metadata.diff(
        a.annotations(),
        d.annotations(),
        MigrationStep.entity(d.kind(), d.name()),
        anns -> new UpdateTypeMetadata(d.kind(), d.name(), anns),
        out);
  }

  private void unsupported(SchemaType d, String reason) {
    out.add(new UnsupportedChange(MigrationStep.entity(d.kind(), d.name()), reason, null));
  }
}
