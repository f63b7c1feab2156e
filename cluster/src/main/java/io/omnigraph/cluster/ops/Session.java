package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig;
import io.omnigraph.cluster.config.ConfigReader;
import io.omnigraph.cluster.resource.DesiredBuilder;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.cluster.state.Ids;
import io.omnigraph.cluster.state.StateException;
import io.omnigraph.cluster.state.StateLock;
import io.omnigraph.cluster.state.StateRead;
import io.omnigraph.cluster.state.StorageRoots;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One control-plane command's context: the config (full or header only), the desired state, the
 * opened storage root, the lock it holds and what it observed (05 §5 {@code StateObservations}).
 * Closing releases the lock (only if it still carries this holder's id) and the store.
 */
final class Session implements AutoCloseable {
  final Path configDir;
  final Diagnostics diags;
  final Map<String, String> env;
  ClusterConfig config;
  DesiredState desired;
  ClusterStore store;
  StateLock acquired;
  StateLock foreign;
  StateRead read;

  private Session(Path configDir, Map<String, String> env, Diagnostics diags) {
    this.configDir = configDir.toAbsolutePath().normalize();
    this.env = env;
    this.diags = diags;
  }

  /** Full validation; empty when the config has errors (reported) or the root cannot open. */
  static Optional<Session> full(Path dir, Map<String, String> env, Diagnostics d) {
    Session s = new Session(dir, env, d);
    Optional<ClusterConfig> c = ConfigReader.read(s.configDir, d);
    if (c.isEmpty()) {
      return Optional.empty();
    }
    s.config = c.get();
    s.desired = DesiredBuilder.build(s.config, d);
    if (d.hasErrors()) {
      return Optional.empty();
    }
    return s.openStore() ? Optional.of(s) : Optional.empty();
  }

  /** Header-only reading (status, force-unlock). */
  static Optional<Session> header(Path dir, Map<String, String> env, Diagnostics d) {
    Session s = new Session(dir, env, d);
    Optional<ClusterConfig> c = ConfigReader.readHeader(s.configDir, d);
    if (c.isEmpty() || d.hasErrors()) {
      return Optional.empty();
    }
    s.config = c.get();
    return s.openStore() ? Optional.of(s) : Optional.empty();
  }

  private boolean openStore() {
    try {
      store = ClusterStore.open(StorageRoots.of(config), env);
      return true;
    } catch (StateException e) {
      diags.error(e.code(), "storage", e.getMessage());
      return false;
    }
  }

  /**
   * Takes the state lock for {@code operation} (or warns {@code state_lock_disabled}); false after
   * reporting {@code state_lock_held} / {@code state_lock_error}.
   */
  boolean lock(String operation) {
    if (!config.lock()) {
      diags.warning(
          "state_lock_disabled",
          "state.lock",
          "state.lock is false: running without the cluster state lock");
      return true;
    }
    try {
      Optional<StateLock> l = StateLock.acquire(store, operation);
      if (l.isPresent()) {
        acquired = l.get();
        return true;
      }
      Diagnostics unreadable = new Diagnostics();
      observeLock(unreadable);
      if (foreign == null) {
        diags.error(
            "state_lock_held",
            store.lockPath(),
            "cluster state lock already exists but its holder cannot be read ("
                + (unreadable.all().isEmpty()
                    ? "it vanished while being read"
                    : unreadable.all().get(0).message())
                + "); inspect "
                + store.lockPath()
                + " and run `omnigraph cluster force-unlock <lock id>` only after confirming no"
                + " cluster operation is active");
        return false;
      }
      String id = foreign.lockId();
      diags.error(
          "state_lock_held",
          store.lockPath(),
          "cluster state lock already exists (lock id "
              + id
              + "); run `omnigraph cluster force-unlock "
              + id
              + "` only after confirming no cluster operation is active");
      return false;
    } catch (StateException e) {
      diags.error(e.code(), store.lockPath(), e.getMessage());
      return false;
    }
  }

  /** Reads a lock held by someone else into {@link #foreign}; problems go to {@code warnings}. */
  void observeLock(Diagnostics warnings) {
    try {
      foreign = StateLock.read(store).orElse(null);
    } catch (StateException e) {
      if (warnings != null) {
        warnings.warning(e.code(), store.lockPath(), e.getMessage());
      }
    }
  }

  /** Reads the ledger into {@link #read}; false after reporting an invalid/unreadable ledger. */
  boolean readState() {
    try {
      read = store.readState().orElse(null);
      return true;
    } catch (StateException e) {
      diags.error(e.code(), store.statePath(), e.getMessage());
      return false;
    }
  }

  ObjectNode observations() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("state_path", store == null ? null : store.statePath());
    o.put("lock_path", store == null ? null : store.lockPath());
    o.put("state_found", read != null);
    if (read != null && read.state().configDigest() != null) {
      o.put("applied_config_digest", read.state().configDigest());
    }
    o.put("state_revision", read == null ? 0 : read.state().stateRevision());
    if (read != null) {
      o.put("state_cas", read.cas());
    }
    o.put("resource_count", read == null ? 0 : read.state().resources().size());
    o.put("locked", foreign != null);
    if (foreign != null) {
      o.put("lock_id", foreign.lockId());
    }
    o.put("lock_acquired", acquired != null);
    if (acquired != null) {
      o.put("acquired_lock_id", acquired.lockId());
    }
    if (foreign != null) {
      o.put("lock_operation", foreign.operation());
      o.put("lock_created_at", foreign.createdAt());
      o.put("lock_pid", foreign.pid());
      o.put("lock_age_seconds", ageSeconds(foreign.createdAt()));
    }
    return o;
  }

  private static long ageSeconds(String createdAt) {
    try {
      return Math.max(0, Duration.between(Ids.parseTime(createdAt), Instant.now()).getSeconds());
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The base output object: {@code {ok, config_dir, …}} (ok filled by {@link #finish}). */
  static ObjectNode output(Path dir) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("ok", true);
    o.put("config_dir", dir.toAbsolutePath().normalize().toString());
    return o;
  }

  static ObjectNode finish(ObjectNode out, Diagnostics d) {
    out.put("ok", !d.hasErrors());
    out.set("diagnostics", d.toJson());
    return out;
  }

  @Override
  public void close() {
    if (acquired != null && store != null) {
      acquired.release(store);
    }
    if (store != null) {
      store.close();
    }
  }
}
