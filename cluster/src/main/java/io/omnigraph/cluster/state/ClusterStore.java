package io.omnigraph.cluster.state;

import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import io.omnigraph.storage.StorageException;
import io.omnigraph.storage.StoredObject;
import io.omnigraph.storage.VersionToken;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A cluster storage root (local directory or {@code s3://bucket/prefix}) through one {@link
 * ObjectStore}: the ledger with CAS writes (05 §4), graph root URIs, and raw access for the lock,
 * catalog, sidecars and approvals.
 */
public final class ClusterStore implements AutoCloseable {
  /**
   * Test seam: when set, every store {@link #open} opens is passed through it (a test wraps the
   * real store in a fault-injecting decorator). Null in production — nothing ever sets it outside
   * tests — so stores are used exactly as {@link ObjectStores#open} returns them.
   */
  private static volatile UnaryOperator<ObjectStore> testDecorator;

  private final ObjectStore objects;
  private final Map<String, String> env;

  private ClusterStore(ObjectStore objects, Map<String, String> env) {
    this.objects = objects;
    this.env = env;
  }

  /** Opens the root; a root that cannot be opened is {@code storage_root_invalid}. */
  public static ClusterStore open(String root, Map<String, String> env) {
    try {
      ObjectStore opened = ObjectStores.open(root, env);
      UnaryOperator<ObjectStore> decorator = testDecorator;
      return new ClusterStore(decorator == null ? opened : decorator.apply(opened), env);
    } catch (StorageException | IllegalArgumentException e) {
      throw new StateException(
          "storage_root_invalid", "cannot open storage root " + root + ": " + e.getMessage());
    }
  }

  /**
   * Test seam (see {@link #testDecorator}): stores opened until the returned handle is closed are
   * wrapped by {@code decorator}. Only tests call this; it is process-wide, so tests using it must
   * not run concurrently with other control-plane tests (the build runs test classes serially).
   */
  public static AutoCloseable decorateStoresForTests(UnaryOperator<ObjectStore> decorator) {
    testDecorator = decorator;
    return () -> testDecorator = null;
  }

  public ObjectStore objects() {
    return objects;
  }

  public Map<String, String> env() {
    return env;
  }

  public String uri() {
    return objects.uri();
  }

  public String statePath() {
    return objects.uriOf(ClusterLayout.STATE);
  }

  public String lockPath() {
    return objects.uriOf(ClusterLayout.LOCK);
  }

  /** The derived root of graph {@code id}: {@code <root>/graphs/<id>.omni}. */
  public String graphUri(String id) {
    return objects.uriOf(ClusterLayout.graphKey(id));
  }

  /**
   * Reads and strictly parses the ledger; empty when absent. Throws {@link StateException} ({@code
   * state_read_error}, {@code invalid_state_json}, {@code unsupported_state_version}, …).
   */
  public Optional<StateRead> readState() {
    Optional<StoredObject> o;
    try {
      o = objects.get(ClusterLayout.STATE);
    } catch (StorageException e) {
      throw new StateException(
          "state_read_error",
          "cannot read "
              + statePath()
              + ": "
              + e.getMessage()
              + "; nothing was changed: check the storage root's permissions or credentials and"
              + " re-run the command");
    }
    if (o.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = o.get().bytes();
    ClusterState s = ClusterState.parse(bytes);
    return Optional.of(new StateRead(s, bytes, o.get().version(), Digests.casToken(bytes)));
  }

  /**
   * The 05 §4 write protocol: re-read; the current CAS must equal the one read at the start ({@code
   * base}, null = absent) else {@code state_cas_mismatch}; then create-if-absent or conditional
   * replace; failure → {@code state_write_error}. Returns the new CAS token.
   */
  public String writeState(ClusterState next, StateRead base) {
    byte[] bytes = next.toBytes();
    Optional<StoredObject> current;
    try {
      current = objects.get(ClusterLayout.STATE);
    } catch (StorageException e) {
      throw new StateException(
          "state_write_error",
          "cannot re-read " + statePath() + ": " + e.getMessage() + WRITE_REMEDY);
    }
    boolean same =
        base == null
            ? current.isEmpty()
            : current.isPresent() && Arrays.equals(current.get().bytes(), base.bytes());
    if (!same) {
      throw casMismatch();
    }
    try {
      if (base == null) {
        if (objects.createIfAbsent(ClusterLayout.STATE, bytes).isEmpty()) {
          throw casMismatch();
        }
      } else {
        VersionToken token = current.get().version();
        objects.compareAndSwap(ClusterLayout.STATE, bytes, token);
      }
    } catch (StorageException e) {
      if (e.kind() == StorageException.Kind.PRECONDITION_FAILED) {
        throw casMismatch();
      }
      throw new StateException(
          "state_write_error",
          "cannot write " + statePath() + ": " + e.getMessage() + WRITE_REMEDY);
    }
    return Digests.casToken(bytes);
  }

  private static final String WRITE_REMEDY =
      "; the ledger was not changed (recovery sidecars stay for the next run): check the storage"
          + " root's permissions or credentials and re-run the command";

  /** The location of a key prefix ({@code __cluster/recoveries/}) for diagnostics. */
  public String prefixUri(String prefix) {
    String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return objects.uriOf(trimmed) + "/";
  }

  private StateException casMismatch() {
    return new StateException(
        "state_cas_mismatch",
        "state.json changed while the command was running; re-run the command");
  }

  @Override
  public void close() {
    objects.close();
  }
}
