package io.omnigraph.cluster.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.storage.StorageException;
import io.omnigraph.storage.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * {@code __cluster/lock.json} (05 §5): {@code {version, lock_id, operation, created_at, pid}}.
 * Acquired by atomic create-if-absent, released only while it still carries this holder's id. No
 * TTL, no pid check, no auto-break.
 */
public record StateLock(String lockId, String operation, String createdAt, long pid) {
  private static final Set<String> KEYS =
      Set.of("version", "lock_id", "operation", "created_at", "pid");

  public byte[] toBytes() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("version", 1);
    o.put("lock_id", lockId);
    o.put("operation", operation);
    o.put("created_at", createdAt);
    o.put("pid", pid);
    try {
      return (ClusterState.JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Strict parse: {@code invalid_state_lock} / {@code unsupported_state_lock_version}. */
  public static StateLock parse(byte[] bytes) {
    JsonNode o;
    try {
      o = ClusterState.JSON.readTree(bytes);
    } catch (IOException e) {
      throw new StateException("invalid_state_lock", "lock.json is not valid JSON");
    }
    if (o == null || !o.isObject()) {
      throw new StateException("invalid_state_lock", "lock.json must be a JSON object");
    }
    JsonNode v = o.get("version");
    if (v == null || !v.isIntegralNumber()) {
      throw new StateException("invalid_state_lock", "lock.json needs an integer version");
    }
    if (v.asInt() != 1) {
      throw new StateException(
          "unsupported_state_lock_version", "lock.json version " + v + " is not supported");
    }
    o.fieldNames()
        .forEachRemaining(
            k -> {
              if (!KEYS.contains(k)) {
                throw new StateException(
                    "invalid_state_lock", "unknown field " + k + " in lock.json");
              }
            });
    for (String k : new String[] {"lock_id", "operation", "created_at"}) {
      if (!o.path(k).isTextual()) {
        throw new StateException("invalid_state_lock", "lock.json " + k + " must be a string");
      }
    }
    if (!o.path("pid").isIntegralNumber()) {
      throw new StateException("invalid_state_lock", "lock.json pid must be an integer");
    }
    return new StateLock(
        o.get("lock_id").asText(),
        o.get("operation").asText(),
        o.get("created_at").asText(),
        o.get("pid").asLong());
  }

  /** Creates the lock for {@code operation}; empty when another holder's lock exists. */
  public static Optional<StateLock> acquire(ClusterStore store, String operation) {
    StateLock lock = new StateLock(Ids.ulid(), operation, Ids.now(), ProcessHandle.current().pid());
    try {
      return store.objects().createIfAbsent(ClusterLayout.LOCK, lock.toBytes()).map(t -> lock);
    } catch (StorageException e) {
      throw new StateException(
          "state_lock_error",
          "cannot create "
              + store.lockPath()
              + ": "
              + e.getMessage()
              + "; nothing was changed: make the lock location writable (check the storage root's"
              + " permissions or credentials) and re-run the command");
    }
  }

  /** The lock found on the store, empty when absent; throws for unreadable/invalid files. */
  public static Optional<StateLock> read(ClusterStore store) {
    Optional<StoredObject> o;
    try {
      o = store.objects().get(ClusterLayout.LOCK);
    } catch (StorageException e) {
      throw new StateException(
          "state_lock_read_error",
          "cannot read "
              + store.lockPath()
              + ": "
              + e.getMessage()
              + "; check the storage root's permissions or credentials");
    }
    return o.map(s -> parse(s.bytes()));
  }

  /** Deletes the lock only if it still carries this holder's id. */
  public void release(ClusterStore store) {
    try {
      Optional<StoredObject> o = store.objects().get(ClusterLayout.LOCK);
      if (o.isPresent() && parse(o.get().bytes()).lockId().equals(lockId)) {
        store.objects().delete(ClusterLayout.LOCK);
      }
    } catch (RuntimeException e) {
      // Releasing is best effort: a lock left behind is removed with force-unlock.
    }
  }
}
