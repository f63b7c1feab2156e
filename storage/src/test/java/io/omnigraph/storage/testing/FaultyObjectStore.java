package io.omnigraph.storage.testing;

import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.StorageException;
import io.omnigraph.storage.StoredObject;
import io.omnigraph.storage.VersionToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A decorator around a real {@link ObjectStore} (local or S3) that fails chosen operations on
 * chosen keys with a {@link StorageException}, the way a permission error, a full disk or an S3
 * outage would. Every other call reaches the real store unchanged; this is not a mock. Faults are
 * shared by every wrapper made from one {@link Faults} set, so a test arms them once and each store
 * the code under test opens obeys them.
 */
public final class FaultyObjectStore implements ObjectStore {
  /** The store operations a fault can target. */
  public enum Op {
    GET,
    EXISTS,
    PUT,
    CREATE_IF_ABSENT,
    COMPARE_AND_SWAP,
    LIST,
    DELETE,
    DELETE_PREFIX
  }

  /**
   * One armed fault: {@code op} on keys matching {@code keys}, {@code remaining} times (-1 =
   * always).
   */
  private static final class Fault {
    final Op op;
    final Predicate<String> keys;
    final String description;
    int remaining;
    int hits;

    Fault(Op op, Predicate<String> keys, String description, int times) {
      this.op = op;
      this.keys = keys;
      this.description = description;
      this.remaining = times;
    }
  }

  /** A set of faults shared by the wrappers made from it; records which faults fired. */
  public static final class Faults {
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final List<String> fired = new CopyOnWriteArrayList<>();

    /** Fails every {@code op} on exactly {@code key}. */
    public Faults fail(Op op, String key) {
      return fail(op, key::equals, key, -1);
    }

    /** Fails every {@code op} on keys starting with {@code prefix}. */
    public Faults failUnder(Op op, String prefix) {
      return fail(op, k -> k.startsWith(prefix), prefix + "*", -1);
    }

    /** Fails {@code op} on matching keys, the first {@code times} times only (-1 = always). */
    public synchronized Faults fail(Op op, Predicate<String> keys, String description, int times) {
      faults.add(new Fault(op, keys, description, times));
      return this;
    }

    /** Disarms every fault (the recorded firings stay). */
    public void clear() {
      faults.clear();
    }

    /** {@code "<OP> <key>"} for every injected failure so far, in order. */
    public List<String> fired() {
      return new ArrayList<>(fired);
    }

    /** Wraps {@code store} with these faults. */
    public ObjectStore wrap(ObjectStore store) {
      return new FaultyObjectStore(store, this);
    }

    synchronized void check(Op op, String key) {
      for (Fault f : faults) {
        if (f.op == op && f.remaining != 0 && f.keys.test(key)) {
          if (f.remaining > 0) {
            f.remaining--;
          }
          f.hits++;
          fired.add(op + " " + key);
          throw new StorageException(
              StorageException.Kind.UNKNOWN,
              "injected I/O failure: " + op.name().toLowerCase() + " of '" + key + "' refused");
        }
      }
    }
  }

  private final ObjectStore delegate;
  private final Faults faults;

  private FaultyObjectStore(ObjectStore delegate, Faults faults) {
    this.delegate = delegate;
    this.faults = faults;
  }

  @Override
  public String uri() {
    return delegate.uri();
  }

  @Override
  public String uriOf(String key) {
    return delegate.uriOf(key);
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public boolean isLocal() {
    return delegate.isLocal();
  }

  @Override
  public Optional<StoredObject> get(String key) {
    faults.check(Op.GET, key);
    return delegate.get(key);
  }

  @Override
  public boolean exists(String key) {
    faults.check(Op.EXISTS, key);
    return delegate.exists(key);
  }

  @Override
  public VersionToken put(String key, byte[] bytes) {
    faults.check(Op.PUT, key);
    return delegate.put(key, bytes);
  }

  @Override
  public Optional<VersionToken> createIfAbsent(String key, byte[] bytes) {
    faults.check(Op.CREATE_IF_ABSENT, key);
    return delegate.createIfAbsent(key, bytes);
  }

  @Override
  public VersionToken compareAndSwap(String key, byte[] bytes, VersionToken expected) {
    faults.check(Op.COMPARE_AND_SWAP, key);
    return delegate.compareAndSwap(key, bytes, expected);
  }

  @Override
  public List<String> list(String prefix) {
    faults.check(Op.LIST, prefix);
    return delegate.list(prefix);
  }

  @Override
  public void delete(String key) {
    faults.check(Op.DELETE, key);
    delegate.delete(key);
  }

  @Override
  public int deletePrefix(String prefix) {
    faults.check(Op.DELETE_PREFIX, prefix);
    return delegate.deletePrefix(prefix);
  }

  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return "faulty " + delegate;
  }
}
