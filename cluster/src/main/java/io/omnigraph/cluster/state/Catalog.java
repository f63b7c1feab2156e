package io.omnigraph.cluster.state;

import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.storage.StorageException;
import io.omnigraph.storage.StoredObject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The content-addressed catalog (05 §6): write-once payloads named by digest, verified by
 * re-hashing. Graph, schema and provider addresses have no payload.
 */
public final class Catalog {
  private Catalog() {}

  /** The outcome of verifying one payload. */
  public enum Check {
    OK,
    MISSING,
    MISMATCH,
    READ_ERROR
  }

  /** One verified payload: its check, the bytes when readable, the actual digest when read. */
  public record Finding(
      String address, String key, Check check, byte[] bytes, String actualDigest, String error) {}

  /** Reads and re-hashes the payload of {@code address} at {@code digest}; null if it has none. */
  public static Finding verify(ClusterStore store, String address, String digest) {
    String key = ClusterLayout.payloadKey(address, digest);
    if (key == null) {
      return null;
    }
    Optional<StoredObject> o;
    try {
      o = store.objects().get(key);
    } catch (StorageException e) {
      return new Finding(address, key, Check.READ_ERROR, null, null, e.getMessage());
    }
    if (o.isEmpty()) {
      return new Finding(address, key, Check.MISSING, null, null, null);
    }
    String actual = Digests.sha256(o.get().bytes());
    Check c = actual.equals(digest) ? Check.OK : Check.MISMATCH;
    return new Finding(address, key, c, o.get().bytes(), actual, null);
  }

  /** Verifies every query/policy digest recorded in {@code state}, by address. */
  public static Map<String, Finding> verifyAll(ClusterStore store, ClusterState state) {
    Map<String, Finding> out = new TreeMap<>();
    state
        .resources()
        .forEach(
            (a, r) -> {
              Finding f = verify(store, a, r.digest());
              if (f != null) {
                out.put(a, f);
              }
            });
    return out;
  }

  /**
   * Publishes verified bytes under their digest name (decision 7b): an existing blob whose bytes
   * re-hash to its name is left untouched; a tampered one is overwritten.
   */
  public static void publish(ClusterStore store, String address, String digest, byte[] bytes) {
    String key = ClusterLayout.payloadKey(address, digest);
    Optional<StoredObject> existing = store.objects().get(key);
    if (existing.isPresent() && Digests.sha256(existing.get().bytes()).equals(digest)) {
      return;
    }
    if (existing.isPresent()) {
      store.objects().put(key, bytes);
    } else if (store.objects().createIfAbsent(key, bytes).isEmpty()) {
      Optional<StoredObject> raced = store.objects().get(key);
      if (raced.isEmpty() || !Digests.sha256(raced.get().bytes()).equals(digest)) {
        store.objects().put(key, bytes);
      }
    }
  }
}
