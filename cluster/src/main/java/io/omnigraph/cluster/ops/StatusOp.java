package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.state.Catalog;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.RecoverySidecar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cluster status}: header only, observes the lock, reads the ledger, verifies the catalog.
 */
final class StatusOp {
  private final Path dir;
  private final Map<String, String> env;

  StatusOp(Path dir, Map<String, String> env) {
    this.dir = dir;
    this.env = env;
  }

  ObjectNode run() {
    Diagnostics d = new Diagnostics();
    ObjectNode out = Session.output(dir);
    Optional<Session> s = Session.header(dir, env, d);
    if (s.isEmpty()) {
      return Session.finish(out, d);
    }
    try (Session session = s.get()) {
      session.observeLock(d);
      Sidecars.warnPending(RecoverySidecar.list(session.store, d), session.store, d);
      if (session.readState() && session.read == null) {
        d.warning(
            "state_missing",
            session.store.statePath(),
            "no cluster state yet; run `omnigraph cluster import`");
      }
      out.set("state_observations", session.observations());
      ClusterState st = session.read == null ? ClusterState.empty() : session.read.state();
      out.set("resource_digests", digests(st));
      out.set("resource_statuses", Outputs.statuses(st));
      out.set("observations", Outputs.observations(st));
      if (session.read != null) {
        verifyCatalog(session, st, d);
      }
    }
    return Session.finish(out, d);
  }

  static ObjectNode digests(ClusterState st) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    st.resources().forEach((a, r) -> o.put(a, r.digest()));
    return o;
  }

  private static void verifyCatalog(Session s, ClusterState st, Diagnostics d) {
    Catalog.verifyAll(s.store, st)
        .forEach(
            (a, f) -> {
              switch (f.check()) {
                case MISSING ->
                    d.warning(
                        "catalog_payload_missing",
                        a,
                        "catalog payload "
                            + s.store.objects().uriOf(f.key())
                            + " is missing; run `cluster refresh` then `cluster apply`");
                case MISMATCH ->
                    d.warning(
                        "catalog_payload_mismatch",
                        a,
                        "catalog payload "
                            + s.store.objects().uriOf(f.key())
                            + " re-hashes to sha256 "
                            + f.actualDigest()
                            + "; run `cluster refresh` then `cluster apply`");
                case READ_ERROR ->
                    d.error(
                        "catalog_payload_read_error",
                        a,
                        "cannot read catalog payload "
                            + s.store.objects().uriOf(f.key())
                            + ": "
                            + f.error()
                            + "; it cannot be verified: fix the storage root, then run `cluster"
                            + " refresh`");
                default -> {}
              }
            });
  }
}
