package io.omnigraph.cluster.ops;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterState.ResourceEntry;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.cluster.state.Ids;
import io.omnigraph.cluster.state.RecoverySidecar;
import io.omnigraph.engine.root.GraphProbe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The recovery sweep of 05 §9, run under the lock at the start of apply, refresh and import.
 * Roll-forward only: never rolls a graph back, never deletes data. Its ledger edits ride the
 * command's state write; sidecars to retire are deleted only after that write lands.
 */
final class Sweep {
  final Set<String> pendingGraphs = new TreeSet<>();
  final List<RecoverySidecar> retire = new ArrayList<>();
  final List<String> consumedApprovals = new ArrayList<>();
  private final ClusterStore store;
  private final ClusterState next;
  private final DesiredState desired;
  private final Diagnostics d;

  private Sweep(ClusterStore store, ClusterState next, DesiredState desired, Diagnostics d) {
    this.store = store;
    this.next = next;
    this.desired = desired;
    this.d = d;
  }

  static Sweep run(ClusterStore store, ClusterState next, DesiredState desired, Diagnostics d) {
    Sweep s = new Sweep(store, next, desired, d);
    for (RecoverySidecar sc : RecoverySidecar.list(store, d)) {
      s.one(sc);
    }
    return s;
  }

  private void one(RecoverySidecar sc) {
    GraphProbe.Result probe;
    try {
      probe = GraphProbe.probe(store.graphUri(sc.graphId()), store.env());
    } catch (RuntimeException e) {
      probe = new GraphProbe.Result(true, null, null, null, e.getMessage());
    }
    switch (sc.kind()) {
      case "graph_create" -> create(sc, probe);
      case "schema_apply" -> schemaApply(sc, probe);
      default -> delete(sc, probe);
    }
  }

  private static String live(GraphProbe.Result p) {
    return Digests.sha256(p.schemaSource().getBytes(StandardCharsets.UTF_8));
  }

  private String ledgerSchema(String g) {
    ResourceEntry e = next.resources().get("schema." + g);
    return e == null ? null : e.digest();
  }

  private void create(RecoverySidecar sc, GraphProbe.Result p) {
    String g = sc.graphId();
    if (!p.exists()) {
      retire.add(sc);
    } else if (!p.opens()) {
      keep(sc, "error", "graph_create_incomplete", "partial graph root");
      d.error(
          "graph_create_incomplete",
          "graph." + g,
          "graph root "
              + sc.graphUri()
              + " was left half-created by an interrupted apply; remove the graph root and re-run apply");
    } else {
      classifyLive(sc, live(p));
    }
  }

  private void schemaApply(RecoverySidecar sc, GraphProbe.Result p) {
    if (!p.opens()) {
      pendingGraphs.add(sc.graphId());
      warnPending(sc, "its graph cannot be opened to verify the outcome");
      return;
    }
    classifyLive(sc, live(p));
  }

  /** Live = ledger → retire; live = desired → roll forward; neither → keep as unexpected. */
  private void classifyLive(RecoverySidecar sc, String live) {
    String g = sc.graphId();
    if (live.equals(ledgerSchema(g))) {
      retire.add(sc);
    } else if (live.equals(sc.desiredSchemaDigest())) {
      LedgerEdits.recordGraph(next, desired, g, live);
      LedgerEdits.applied(next, "graph." + g);
      LedgerEdits.applied(next, "schema." + g);
      LedgerEdits.recovery(next, sc.operationId(), sc.kind(), g, sc.actor());
      d.warning(
          "cluster_recovery_rolled_forward",
          "graph." + g,
          "interrupted "
              + sc.kind()
              + " of graph '"
              + g
              + "' had completed; the ledger was rolled forward");
      retire.add(sc);
    } else {
      keep(
          sc,
          "drifted",
          "actual_applied_state_pending",
          "the graph's live schema matches neither the ledger nor the interrupted operation");
    }
  }

  private void delete(RecoverySidecar sc, GraphProbe.Result p) {
    String g = sc.graphId();
    if (p.exists()) {
      d.warning(
          "graph_delete_incomplete",
          "graph." + g,
          "interrupted delete of graph '"
              + g
              + "' left its root; the next apply retries the (still approved) delete");
      retire.add(sc);
    } else if (!next.resources().containsKey("graph." + g)) {
      retire.add(sc);
    } else {
      LedgerEdits.tombstone(next, g, sc.approvalId(), sc.actor());
      if (sc.approvalId() != null) {
        next.approvalRecords()
            .put(sc.approvalId(), new ClusterState.ApprovalRecord(Ids.now(), sc.operationId()));
        consumedApprovals.add(sc.approvalId() + "\0" + sc.operationId());
      }
      LedgerEdits.recovery(next, sc.operationId(), sc.kind(), g, sc.actor());
      d.warning(
          "cluster_recovery_rolled_forward",
          "graph." + g,
          "interrupted delete of graph '" + g + "' had completed; the subtree was tombstoned");
      retire.add(sc);
    }
  }

  private void keep(RecoverySidecar sc, String status, String condition, String message) {
    String g = sc.graphId();
    pendingGraphs.add(g);
    LedgerEdits.status(next, "graph." + g, status, List.of(condition), message);
    LedgerEdits.status(next, "schema." + g, status, List.of(condition), message);
    if (!status.equals("error")) {
      warnPending(sc, message);
    }
  }

  private void warnPending(RecoverySidecar sc, String why) {
    d.warning(
        "cluster_recovery_pending",
        store.objects().uriOf(sc.key()),
        "interrupted "
            + sc.kind()
            + " of graph '"
            + sc.graphId()
            + "' kept ("
            + why
            + "); fix the graph and re-run `cluster apply`");
  }

  /** After the state write: delete retired sidecars, rewrite consumed approval artifacts. */
  void finish(Diagnostics out) {
    for (RecoverySidecar sc : retire) {
      Sidecars.delete(store, sc);
    }
    for (String entry : consumedApprovals) {
      String[] parts = entry.split("\0");
      ApprovalRecords.markConsumed(store, parts[0], parts[1], out);
    }
  }
}
