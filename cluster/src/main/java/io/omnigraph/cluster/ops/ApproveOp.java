package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.state.ApprovalArtifact;
import io.omnigraph.cluster.state.Ids;
import io.omnigraph.storage.StorageException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code cluster approve <resource>} (05 §7): records a digest-bound approval artifact for a
 * pending gated change. Never writes state.
 */
final class ApproveOp {
  private final Path dir;
  private final String resource;
  private final String actor;
  private final Map<String, String> env;

  ApproveOp(Path dir, String resource, String actor, Map<String, String> env) {
    this.dir = dir;
    this.resource = resource;
    this.actor = actor;
    this.env = env;
  }

  ObjectNode run() {
    Diagnostics d = new Diagnostics();
    ObjectNode out = Session.output(dir);
    if (actor == null || actor.isBlank()) {
      d.error(
          "approval_actor_required",
          resource,
          "`cluster approve` requires an approver: pass --as <actor> or set operator.actor in ~/.omnigraph/config.yaml");
      return Session.finish(out, d);
    }
    var s = Session.full(dir, env, d);
    if (s.isEmpty()) {
      return Session.finish(out, d);
    }
    try (Session session = s.get()) {
      if (session.lock("approve") && session.readState() && ApplyOp.requireState(session, d)) {
        approve(session, d, out);
      }
    }
    return Session.finish(out, d);
  }

  private void approve(Session s, Diagnostics d, ObjectNode out) {
    Planner p = Planner.plan(s.store, s.read.state(), s.desired, Set.of(), new Diagnostics());
    Map<String, PlanChange> byAddress = new HashMap<>();
    p.changes.forEach(c -> byAddress.put(c.resource, c));
    PlanChange c = byAddress.get(resource);
    if (c == null || !ApprovalGate.gated(c, byAddress)) {
      d.error(
          "approval_not_required",
          resource,
          resource + " has no pending change that needs approval; check `cluster plan`");
      return;
    }
    ApprovalArtifact a =
        new ApprovalArtifact(
            Ids.ulid(),
            resource,
            c.operation,
            ApprovalArtifact.DELETE_REASON,
            s.desired.configDigest(),
            c.before,
            c.after,
            actor,
            Ids.now(),
            null,
            null);
    try {
      s.store.objects().createIfAbsent(a.key(), a.toBytes());
    } catch (StorageException e) {
      d.error(
          "approval_write_error",
          resource,
          "cannot write approval "
              + s.store.objects().uriOf(a.key())
              + ": "
              + e.getMessage()
              + "; nothing was approved: check the storage root's permissions or credentials and"
              + " re-run `cluster approve`");
      return;
    }
    out.put("approval_id", a.approvalId());
    out.put("resource", resource);
    out.put("operation", c.operation);
    out.put("approved_by", actor);
  }
}
