package io.omnigraph.compiler.migrate;

import io.omnigraph.compiler.migrate.Identity.Matching;
import io.omnigraph.compiler.migrate.MigrationStep.AddType;
import io.omnigraph.compiler.migrate.MigrationStep.DropType;
import io.omnigraph.compiler.migrate.MigrationStep.UnsupportedChange;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.SchemaType;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The schema migration planner (spec 02 §8): a pure, deterministic function from the accepted
 * catalog and the desired catalog to a {@link SchemaMigrationPlan}.
 *
 * <h2>Identity</h2>
 *
 * A desired node type, edge type or property continues the accepted one of the same name (edges
 * compare names case-insensitively; a case-only edge rename is a {@code rename_type}). Failing
 * that, its {@code @rename_from("old")} names the accepted declaration it continues ({@code
 * rename_type}/{@code rename_property}); a {@code @rename_from} whose target is gone or already
 * continued is inert, so the annotation may stay in the schema after it was applied. Properties
 * that come from an interface carry that interface property's {@code @rename_from}. Edge endpoints,
 * constraints and {@code @embed} sources are compared through these renames.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>New node/edge type: {@code add_type} only (it holds no data, so required properties,
 *       indexes and metadata come with it).
 *   <li>Removed node/edge type: {@code drop_type} (soft). Removed property of a surviving type:
 *       {@code drop_property} (soft); constraints over only dropped properties go with them.
 *   <li>New nullable property: {@code add_property}; new required property: unsupported {@code
 *       OG-MF-103}.
 *   <li>Type change: pure enum widening (same nullability, every old value kept) is {@code
 *       extend_enum}; anything else, including nullability either way, enum narrowing, value
 *       renames and enum↔String, is unsupported {@code OG-MF-106}.
 *   <li>Constraints compare by meaning (property-level {@code @index} = body {@code @index(p)}): a
 *       new index is {@code add_constraint}; a changed key, any removed constraint and any other
 *       added constraint ({@code @unique}, {@code @range}, {@code @check}) are unsupported.
 *   <li>Only {@code @description}/{@code @instruction} changed: {@code update_type_metadata} /
 *       {@code update_property_metadata} carrying the complete new metadata set; any other
 *       annotation change is unsupported.
 *   <li>Also unsupported: removing (or renaming) an interface, changing a node's implemented
 *       interfaces, an edge's endpoints or cardinality, a property's {@code @embed} source or model
 *       (adding or removing it included), or the interface a property is declared in.
 * </ul>
 *
 * Interfaces hold no data: a change inside an interface is planned on every node type that
 * implements it, and an interface nobody implements produces no steps.
 *
 * <h2>Order</h2>
 *
 * Steps are grouped, in this order: {@code rename_type}, {@code rename_property} (so a renamed
 * property is renamed before any widening of it), {@code add_type}, {@code add_property}, {@code
 * extend_enum}, {@code add_constraint}, {@code update_type_metadata}, {@code
 * update_property_metadata}, {@code drop_property}, {@code drop_type}, {@code unsupported_change}.
 * Within a group: interface, node, then edge (edges before nodes for {@code drop_type}, so each
 * intermediate catalog stays valid), then by desired type name, property name and detail (the
 * constraint, or the reason). Declaration order and formatting never change a plan.
 */
public final class MigrationPlanner {
  private MigrationPlanner() {}

  /** Plans the migration from {@code accepted} to {@code desired}. */
  public static SchemaMigrationPlan plan(Catalog accepted, Catalog desired) {
    List<MigrationStep> steps = new ArrayList<>();
    removedInterfaces(accepted, desired, steps);
    Matching<NodeType> nodes =
        match(accepted.nodes().values(), desired.nodes().values(), UnaryOperator.identity());
    Matching<EdgeType> edges =
        match(accepted.edges().values(), desired.edges().values(), Catalog::fold);
    TypeDiff types = new TypeDiff(nodes.renames(NodeType::name), steps);
    nodes.pairs().forEach(p -> types.node(p.accepted(), p.desired()));
    edges.pairs().forEach(p -> types.edge(p.accepted(), p.desired()));
    addedAndRemoved(nodes, steps);
    addedAndRemoved(edges, steps);
    steps.sort(StepOrder.ORDER);
    return SchemaMigrationPlan.of(steps);
  }

  /** Plans the migration between two compiled schemas' catalogs. */
  public static SchemaMigrationPlan plan(CompiledSchema accepted, CompiledSchema desired) {
    return plan(accepted.catalog(), desired.catalog());
  }

  private static <T extends SchemaType> Matching<T> match(
      Collection<T> accepted, Collection<T> desired, UnaryOperator<String> key) {
    return Identity.match(accepted, desired, SchemaType::name, SchemaType::renameFrom, key);
  }

  private static <T extends SchemaType> void addedAndRemoved(
      Matching<T> m, List<MigrationStep> steps) {
    m.added().forEach(t -> steps.add(new AddType(t.kind(), t.name())));
    m.removed().forEach(t -> steps.add(new DropType(t.kind(), t.name(), DropMode.SOFT)));
  }

  private static void removedInterfaces(
      Catalog accepted, Catalog desired, List<MigrationStep> steps) {
    for (String name : accepted.interfaces().keySet()) {
      if (!desired.interfaces().containsKey(name)) {
        steps.add(
            new UnsupportedChange(
                MigrationStep.entity(TypeKind.INTERFACE, name),
                "removing or renaming interface "
                    + name
                    + " is not supported; keep the interface declared",
                null));
      }
    }
  }
}
