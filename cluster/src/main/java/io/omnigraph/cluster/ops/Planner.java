package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.state.ApprovalArtifact;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.migrate.MigrationPlanner;
import io.omnigraph.compiler.migrate.SchemaMigrationPlan;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.root.GraphProbe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Diff → metadata changes → approvals → classification, shared by plan, apply and approve. */
final class Planner {
  final List<PlanChange> changes;
  final ApprovalGate gate;

  private Planner(List<PlanChange> changes, ApprovalGate gate) {
    this.changes = changes;
    this.gate = gate;
  }

  static Planner plan(
      ClusterStore store,
      ClusterState state,
      DesiredState desired,
      Set<String> pendingGraphs,
      Diagnostics d) {
    List<PlanChange> changes = Differ.diff(state, desired);
    List<ApprovalArtifact> artifacts = ApprovalArtifact.list(store, d);
    ApprovalGate gate = ApprovalGate.evaluate(changes, artifacts, desired.configDigest(), d);
    new Classifier(changes, pendingGraphs, gate.approved(), policyGraphs(state, desired))
        .classify(changes);
    return new Planner(changes, gate);
  }

  private static Map<String, List<String>> policyGraphs(ClusterState state, DesiredState desired) {
    Map<String, List<String>> m = new HashMap<>();
    state
        .resources()
        .forEach(
            (a, r) -> {
              if (a.startsWith("policy.") && r.appliesTo() != null) {
                m.put(a, graphIds(r.appliesTo()));
              }
            });
    desired
        .config()
        .policies()
        .values()
        .forEach(p -> m.put("policy." + p.name(), graphIds(p.bindings())));
    return m;
  }

  private static List<String> graphIds(List<String> bindings) {
    return bindings.stream().filter(b -> b.startsWith("graph.")).map(b -> b.substring(6)).toList();
  }

  /** Remaining changes after apply (convergence): none means converged. */
  static boolean converged(ClusterState state, DesiredState desired) {
    return Differ.diff(state, desired).isEmpty();
  }

  /** {@code [{resource, affected[]}]} for every change with dependents. */
  ArrayNode blastRadius(DesiredState desired) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (PlanChange c : changes) {
      List<String> affected = desired.dependents(c.resource);
      if (!affected.isEmpty()) {
        ObjectNode o = a.addObject().put("resource", c.resource);
        ArrayNode list = o.putArray("affected");
        affected.forEach(list::add);
      }
    }
    return a;
  }

  /**
   * The migration of a schema update computed without side effects and without Lance: the graph's
   * accepted schema (read through the object store) planned against the desired one. Null with a
   * {@code schema_preview_unavailable} warning when the graph cannot be read.
   */
  static ObjectNode preview(
      ClusterStore store, String graphId, CompiledSchema desired, Diagnostics d) {
    String address = "schema." + graphId;
    if (desired == null) {
      d.warning("schema_preview_unavailable", address, "the desired schema does not compile");
      return null;
    }
    GraphProbe.Result probe;
    try {
      probe = GraphProbe.probe(store.graphUri(graphId), store.env());
    } catch (RuntimeException e) {
      probe = new GraphProbe.Result(true, null, null, null, e.getMessage());
    }
    if (!probe.opens()) {
      d.warning(
          "schema_preview_unavailable",
          address,
          "cannot read graph '"
              + graphId
              + "' to preview its migration: "
              + (probe.exists() ? probe.error() : "the graph root is missing")
              + "; run `cluster refresh` to record what the graph holds, and repair or restore its"
              + " root before applying");
      return null;
    }
    Result<CompiledSchema> accepted = SchemaCompiler.compile("_schema.pg", probe.schemaSource());
    if (!accepted.ok()) {
      d.warning(
          "schema_preview_unavailable",
          address,
          "the accepted schema of graph '" + graphId + "' does not compile");
      return null;
    }
    SchemaMigrationPlan plan = MigrationPlanner.plan(accepted.value(), desired);
    ObjectNode m = plan.toJson();
    List<String> blocking = new ArrayList<>(probe.branches());
    blocking.remove("main");
    if (!blocking.isEmpty()) {
      ArrayNode b = m.putArray("blocking_branches");
      blocking.forEach(b::add);
    }
    return m;
  }
}
