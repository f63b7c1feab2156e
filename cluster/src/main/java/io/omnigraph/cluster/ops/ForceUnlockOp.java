package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.state.ClusterLayout;
import io.omnigraph.cluster.state.StateException;
import io.omnigraph.cluster.state.StateLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code cluster force-unlock <LOCK_ID>}: removes the lock only when its id matches exactly. */
final class ForceUnlockOp {
  private final Path dir;
  private final String lockId;
  private final Map<String, String> env;

  ForceUnlockOp(Path dir, String lockId, Map<String, String> env) {
    this.dir = dir;
    this.lockId = lockId;
    this.env = env;
  }

  ObjectNode run() {
    Diagnostics d = new Diagnostics();
    ObjectNode out = Session.output(dir);
    boolean removed = false;
    Optional<Session> s = Session.header(dir, env, d);
    if (s.isPresent()) {
      try (Session session = s.get()) {
        removed = unlock(session, d);
        session.readState();
        out.set("state_observations", session.observations());
      }
    }
    out.put("lock_removed", removed);
    return Session.finish(out, d);
  }

  private boolean unlock(Session session, Diagnostics d) {
    String path = session.store.lockPath();
    Optional<StateLock> held;
    try {
      held = StateLock.read(session.store);
    } catch (StateException e) {
      d.error(e.code(), path, e.getMessage() + "; file left untouched");
      return false;
    }
    if (held.isEmpty()) {
      d.error("state_lock_missing", path, "no cluster state lock is held");
      return false;
    }
    session.foreign = held.get();
    if (!held.get().lockId().equals(lockId)) {
      d.error(
          "state_lock_id_mismatch",
          path,
          "held lock is " + held.get().lockId() + ", refusing to remove");
      return false;
    }
    session.store.objects().delete(ClusterLayout.LOCK);
    return true;
  }
}
