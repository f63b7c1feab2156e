package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.LedgerDigests;
import io.omnigraph.cluster.state.StateException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code cluster apply} (05 §7): recomputes the plan under the lock and converges — sweep, creates,
 * schema updates, catalog writes, approved deletes, then one CAS state write (the publish point).
 */
final class ApplyOp {
  private final Path dir;
  private final String actor;
  private final Map<String, String> env;

  ApplyOp(Path dir, String actor, Map<String, String> env) {
    this.dir = dir;
    this.actor = actor;
    this.env = env;
  }

  ObjectNode run() {
    Diagnostics d = new Diagnostics();
    ObjectNode out = Session.output(dir);
    if (actor != null) {
      out.put("actor", actor);
    }
    var s = Session.full(dir, env, d);
    if (s.isEmpty()) {
      return failed(out, d, null);
    }
    try (Session session = s.get()) {
      out.putObject("desired_revision").put("config_digest", session.desired.configDigest());
      if (session.lock("apply")
          && session.readState()
          && requireState(session, d)
          && compositesBound(session, d)) {
        new Run(session, d, out).execute();
      } else {
        failed(out, d, session);
      }
      out.set("state_observations", session.observations());
    }
    return Session.finish(out, d);
  }

  private static ObjectNode failed(ObjectNode out, Diagnostics d, Session s) {
    out.putArray("changes");
    out.put("applied_count", 0);
    out.put("deferred_count", 0);
    out.put("converged", false);
    out.put("state_written", false);
    ClusterState st = s == null || s.read == null ? ClusterState.empty() : s.read.state();
    out.set("resource_statuses", Outputs.statuses(st));
    return s == null ? Session.finish(out, d) : out;
  }

  static boolean requireState(Session s, Diagnostics d) {
    if (s.read == null) {
      d.error(
          "state_missing",
          s.store.statePath(),
          "no cluster state yet; run `omnigraph cluster import` first");
      return false;
    }
    return true;
  }

  /** {@code external_blob_policy_digest_mismatch}: every graph entry must match its composite. */
  static boolean compositesBound(Session s, Diagnostics d) {
    boolean ok = true;
    for (String a : s.read.state().resources().keySet()) {
      if (a.startsWith("graph.")
          && !LedgerDigests.compositeMatches(s.read.state(), a.substring(6))) {
        d.error(
            "external_blob_policy_digest_mismatch",
            a,
            "the ledger's graph metadata is not bound by its composite digest; restore state.json from a trusted copy (never hand-edit it)");
        ok = false;
      }
    }
    return ok;
  }

  /** One apply run after the preconditions hold. */
  private final class Run {
    private final Session s;
    private final Diagnostics d;
    private final ObjectNode out;

    Run(Session s, Diagnostics d, ObjectNode out) {
      this.s = s;
      this.d = d;
      this.out = out;
    }

    void execute() {
      ClusterState next = s.read.state().copy();
      Sweep sweep = Sweep.run(s.store, next, s.desired, d);
      Planner p = Planner.plan(s.store, next, s.desired, sweep.pendingGraphs, d);
      if (!invariant(p)) {
        failed(out, d, s);
        return;
      }
      GraphMoves moves = new GraphMoves(s.store, next, s.desired, actor, s.read.cas(), d);
      p.changes.stream()
          .filter(c -> c.applied() && c.kind().equals("graph") && c.isCreate())
          .forEach(moves::create);
      p.changes.stream()
          .filter(c -> c.applied() && c.kind().equals("schema") && c.isUpdate())
          .forEach(moves::schemaUpdate);
      boolean payloadsOk = CatalogWrites.publish(s.store, s.desired, executable(p, moves), d);
      if (payloadsOk) {
        p.changes.stream()
            .filter(c -> c.applied() && c.kind().equals("graph") && c.isDelete())
            .forEach(c -> moves.delete(c, p.gate.valid.get(c.resource)));
      }
      ApplyLedger.demote(p.changes, moves.failed, moves.skipped, policyGraphs());
      warnNotExecuted(p.changes);
      ApplyLedger.record(next, s.desired, p.changes, sweep.pendingGraphs);
      ApplyLedger.recomputeComposites(next, s.desired, p.changes);
      boolean converged = Planner.converged(next, s.desired);
      if (converged) {
        next.setConfigDigest(s.desired.configDigest());
      }
      boolean written = payloadsOk && write(next);
      if (written || (payloadsOk && !d.hasErrors())) {
        sweep.finish(d);
        moves.completed.forEach(sc -> Sidecars.delete(s.store, sc));
        moves.consumed.forEach(id -> ApprovalRecords.markConsumed(s.store, id, "apply", d));
      }
      report(
          p.changes,
          converged && payloadsOk,
          written,
          written || sameAsRead(next) ? next : s.read.state());
    }

    /** Changes still executable after the graph moves (demotion applied first). */
    private List<PlanChange> executable(Planner p, GraphMoves moves) {
      ApplyLedger.demote(p.changes, moves.failed, moves.skipped, policyGraphs());
      return p.changes;
    }

    private Map<String, List<String>> policyGraphs() {
      Map<String, List<String>> m = new HashMap<>();
      s.desired
          .config()
          .policies()
          .values()
          .forEach(
              pd ->
                  m.put(
                      "policy." + pd.name(),
                      pd.bindings().stream()
                          .filter(b -> b.startsWith("graph."))
                          .map(b -> b.substring(6))
                          .toList()));
      return m;
    }

    private boolean invariant(Planner p) {
      for (PlanChange c : p.changes) {
        var byAddress = new HashMap<String, PlanChange>();
        p.changes.forEach(x -> byAddress.put(x.resource, x));
        if (c.applied()
            && ApprovalGate.gated(c, byAddress)
            && !p.gate.valid.containsKey(c.resource)) {
          d.error(
              "apply_approval_invariant_violation",
              c.resource,
              "an executable destructive change lacks a valid approval; nothing was applied");
          return false;
        }
      }
      return true;
    }

    private void warnNotExecuted(List<PlanChange> changes) {
      for (PlanChange c : changes) {
        if (PlanChange.DEFERRED.equals(c.disposition)) {
          d.warning(
              "apply_unsupported_change",
              c.resource,
              c.operation + " of " + c.resource + " is not supported by apply (" + c.reason + ")");
        } else if (PlanChange.BLOCKED.equals(c.disposition)) {
          d.warning(
              "apply_dependency_blocked",
              c.resource,
              c.operation + " of " + c.resource + " is blocked: " + c.reason);
        }
      }
    }

    private boolean sameAsRead(ClusterState next) {
      return Arrays.equals(next.toBytes(), s.read.bytes());
    }

    private boolean write(ClusterState next) {
      if (sameAsRead(next)) {
        return false;
      }
      next.setStateRevision(s.read.state().stateRevision() + 1);
      ClusterFailpoints.hit(ClusterFailpoints.STATE_BEFORE_WRITE);
      try {
        s.store.writeState(next, s.read);
      } catch (StateException e) {
        d.error(e.code(), s.store.statePath(), e.getMessage());
        return false;
      }
      ClusterFailpoints.hit(ClusterFailpoints.STATE_AFTER_WRITE);
      return true;
    }

    private void report(
        List<PlanChange> changes, boolean converged, boolean written, ClusterState shown) {
      out.set("changes", Outputs.changes(changes));
      out.put("applied_count", changes.stream().filter(PlanChange::applied).count());
      out.put(
          "deferred_count",
          changes.stream()
              .filter(
                  c ->
                      PlanChange.DEFERRED.equals(c.disposition)
                          || PlanChange.BLOCKED.equals(c.disposition))
              .count());
      out.put("converged", converged && !d.hasErrors());
      out.put("state_written", written);
      out.put("state_revision", shown.stateRevision());
      out.set("resource_statuses", Outputs.statuses(shown));
    }
  }
}
