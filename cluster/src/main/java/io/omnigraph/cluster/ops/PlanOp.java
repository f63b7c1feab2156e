package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.RecoverySidecar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code cluster plan}: the diff under the lock; never writes state, never scans for drift. */
final class PlanOp {
  private final Path dir;
  private final Map<String, String> env;

  PlanOp(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  ObjectNode run() {
    Diagnostics d = new Diagnostics();
    ObjectNode out = Session.output(dir);
    Optional<Session> s = Session.full(dir, env, d);
    if (s.isEmpty()) {
      out.putArray("changes");
      return Session.finish(out, d);
    }
    try (Session session = s.get()) {
      out.putObject("desired_revision").put("config_digest", session.desired.configDigest());
      out.set("resource_digests", session.desired.digestsJson());
      out.set("dependencies", session.desired.dependenciesJson());
      if (session.lock("plan") && session.readState()) {
        body(session, out, d);
      } else {
        out.putArray("changes");
      }
      out.set("state_observations", session.observations());
    }
    return Session.finish(out, d);
  }

  private void body(Session session, ObjectNode out, Diagnostics d) {
    Sidecars.warnPending(RecoverySidecar.list(session.store, d), session.store, d);
    ClusterState state = session.read == null ? ClusterState.empty() : session.read.state();
    Planner p = Planner.plan(session.store, state, session.desired, Set.of(), d);
    for (PlanChange c : p.changes) {
      if (c.kind().equals("schema") && c.isUpdate()) {
        var parts = session.desired.graphs().get(c.graphId());
        c.migration =
            Planner.preview(session.store, c.graphId(), parts == null ? null : parts.schema(), d);
      }
    }
    out.set("changes", Outputs.changes(p.changes));
    out.set("blast_radius", p.blastRadius(session.desired));
    out.set("approvals_required", p.gate.required);
  }
}
