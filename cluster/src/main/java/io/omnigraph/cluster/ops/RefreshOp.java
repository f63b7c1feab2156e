package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig.GraphDecl;
import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.cluster.state.Catalog;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterState.ResourceEntry;
import io.omnigraph.cluster.state.Ids;
import io.omnigraph.cluster.state.StateException;
import io.omnigraph.engine.root.GraphProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code cluster refresh} and {@code cluster import} (05 §7): sweep, catalog verification, then
 * observation of every declared graph (branch main, read through the object store — no Lance),
 * recorded in the ledger. Refresh always writes; import creates revision 1 only when clean.
 */
final class RefreshOp {
  private final Path dir;
  private final Map<String, String> env;
  private final boolean importing;

  RefreshOp(Path dir, Map<String, String> env, boolean importing) {
    this.dir = dir;
    this.env = env;
    this.importing = importing;
  }

  private String op() {
    return importing ? "import" : "refresh";
  }

  ObjectNode run() {
    Diagnostics d = new Diagnostics();
    ObjectNode out = Session.output(dir);
    var s = Session.full(dir, env, d);
    if (s.isEmpty()) {
      return Session.finish(out, d);
    }
    try (Session session = s.get()) {
      if (session.lock(op()) && session.readState() && precondition(session, d)) {
        execute(session, d, out);
      }
      out.set("state_observations", session.observations());
    }
    return Session.finish(out, d);
  }

  private boolean precondition(Session s, Diagnostics d) {
    if (importing) {
      if (s.read != null) {
        d.error(
            "state_already_exists",
            s.store.statePath(),
            "state.json already exists; use `cluster refresh` to re-observe");
        return false;
      }
      return true;
    }
    return ApplyOp.requireState(s, d) && ApplyOp.compositesBound(s, d);
  }

  private void execute(Session s, Diagnostics d, ObjectNode out) {
    ClusterState next;
    if (importing) {
      next = ClusterState.empty();
      next.setConfigDigest(s.desired.configDigest());
    } else {
      next = s.read.state().copy();
    }
    Sweep sweep = Sweep.run(s.store, next, s.desired, d);
    verifyCatalog(s, next, d);
    int failures = 0;
    for (GraphDecl g : s.config.graphs().values()) {
      failures += observe(s, next, g) ? 0 : 1;
    }
    if (failures > 0) {
      d.error(
          "graph_observation_error",
          "graphs",
          failures
              + " graph observation(s) failed; each graph's observation names its error: repair"
              + " or restore the graph root, then re-run `cluster "
              + op()
              + "`");
    }
    next.setStateRevision(importing ? 1 : s.read.state().stateRevision() + 1);
    boolean written = false;
    if (!importing || !d.hasErrors()) {
      try {
        String cas = s.store.writeState(next, importing ? null : s.read);
        written = true;
        out.put("state_cas", cas);
        sweep.finish(d);
      } catch (StateException e) {
        d.error(e.code(), s.store.statePath(), e.getMessage());
      }
    }
    out.put("state_written", written);
    out.put(
        "state_revision",
        written ? next.stateRevision() : s.read == null ? 0 : s.read.state().stateRevision());
    out.put("resource_count", next.resources().size());
    ClusterState shown = written ? next : s.read == null ? ClusterState.empty() : s.read.state();
    out.set("resource_digests", StatusOp.digests(shown));
    out.set("resource_statuses", Outputs.statuses(shown));
    out.set("observations", Outputs.observations(shown));
  }

  private static void verifyCatalog(Session s, ClusterState next, Diagnostics d) {
    Catalog.verifyAll(s.store, next)
        .forEach(
            (a, f) -> {
              switch (f.check()) {
                case MISSING ->
                    heal(
                        next,
                        a,
                        "payload_missing",
                        "catalog payload is missing; the next apply republishes it");
                case MISMATCH ->
                    heal(
                        next,
                        a,
                        "payload_mismatch",
                        "catalog payload re-hashes to sha256 "
                            + f.actualDigest()
                            + "; the next apply republishes it");
                case READ_ERROR -> {
                  LedgerEdits.status(
                      next,
                      a,
                      "error",
                      List.of("payload_read_error"),
                      "catalog payload unreadable: " + f.error());
                  d.error(
                      "catalog_payload_read_error",
                      a,
                      "cannot read catalog payload "
                          + s.store.objects().uriOf(f.key())
                          + ": "
                          + f.error()
                          + "; the digest is kept: fix the storage root and re-run `cluster"
                          + " refresh`");
                }
                case OK -> {
                  if (conditions(next, a).contains("payload_read_error")) {
                    LedgerEdits.applied(next, a);
                  }
                }
                default -> {}
              }
            });
  }

  private static List<String> conditions(ClusterState next, String address) {
    ClusterState.ResourceStatus st = next.statuses().get(address);
    return st == null ? List.of() : st.conditions();
  }

  private static void heal(ClusterState next, String address, String condition, String message) {
    next.resources().remove(address);
    LedgerEdits.status(next, address, "drifted", List.of(condition), message);
  }

  /** Observes one declared graph; false when its root exists but cannot be read. */
  private boolean observe(Session s, ClusterState next, GraphDecl g) {
    String uri = s.store.graphUri(g.id());
    String desiredSchema = s.desired.resources().get("schema." + g.id()).digest();
    GraphProbe.Result p;
    try {
      p = GraphProbe.probe(uri, s.store.env());
    } catch (RuntimeException e) {
      p = new GraphProbe.Result(true, null, null, null, e.getMessage());
    }
    ObjectNode o = observation(g.id(), uri, desiredSchema);
    o.put("exists", p.exists());
    if (!p.exists()) {
      next.resources().remove("graph." + g.id());
      next.resources().remove("schema." + g.id());
      both(next, g.id(), "drifted", "graph_missing", "derived graph root is missing");
    } else if (!p.opens()) {
      o.put("error", p.error());
      both(next, g.id(), "error", "graph_observation_error", "cannot open graph: " + p.error());
      next.observations().put("graph." + g.id(), o);
      return false;
    } else {
      String live = Digests.sha256(p.schemaSource().getBytes(StandardCharsets.UTF_8));
      o.put("graph_manifest_version", p.manifestVersion());
      o.put("schema_digest", live);
      o.put("schema_matches_desired", live.equals(desiredSchema));
      boolean fresh = !next.resources().containsKey("graph." + g.id());
      next.resources().put("schema." + g.id(), ResourceEntry.of(live));
      LedgerEdits.recomputeGraph(next, s.desired, g.id(), fresh);
      if (live.equals(desiredSchema)) {
        LedgerEdits.applied(next, "graph." + g.id());
        LedgerEdits.applied(next, "schema." + g.id());
      } else {
        both(
            next,
            g.id(),
            "drifted",
            "schema_mismatch",
            "live schema differs from the declared one; plan proposes the migration back");
      }
    }
    next.observations().put("graph." + g.id(), o);
    return true;
  }

  private static void both(
      ClusterState next, String g, String status, String condition, String message) {
    LedgerEdits.status(next, "graph." + g, status, List.of(condition), message);
    LedgerEdits.status(next, "schema." + g, status, List.of(condition), message);
  }

  private static ObjectNode observation(String g, String uri, String desiredSchema) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("kind", "graph");
    o.put("address", "graph." + g);
    o.put("graph_uri", uri);
    o.put("observed_at", Ids.now());
    o.put("exists", false);
    o.putNull("graph_manifest_version");
    o.putNull("schema_digest");
    o.put("desired_schema_digest", desiredSchema);
    o.putNull("schema_matches_desired");
    o.putNull("error");
    return o;
  }
}
