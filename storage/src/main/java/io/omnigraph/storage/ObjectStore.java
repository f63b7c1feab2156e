package io.omnigraph.storage;

import java.util.List;
import java.util.Optional;

/**
 * Objects under one root: a local directory or an {@code s3://bucket/prefix}. Everything the
 * control plane and the graph manifest write of their own goes through this interface; both
 * implementations pass one contract test suite ({@code ObjectStoreContractTest}).
 *
 * <h2>Keys</h2>
 *
 * Keys are relative to the root and use {@code /} as separator: one or more non-empty segments,
 * none of them {@code .} or {@code ..}, no leading or trailing {@code /}, no backslash or control
 * characters, at most 200 UTF-8 bytes per segment, and no segment starting with {@code .~og.}
 * (reserved for the local store's temporary and lock files). An invalid key fails with {@link
 * StorageException.Kind#PERMANENT} before any I/O, so no key can reach outside the root. Prefixes
 * (for {@link #list} and {@link #deletePrefix}) are plain string prefixes of keys: {@code ""} means
 * everything, {@code "a/"} everything in {@code a}, {@code "a/b"} also matches {@code "a/bc"};
 * every complete segment of a prefix follows the key rules.
 *
 * <h2>Consistency contract</h2>
 *
 * <ul>
 *   <li><b>Atomic visibility.</b> A reader sees an object's previous or new bytes, never a partial
 *       write; a temporary file never appears under a key.
 *   <li><b>Read-after-write.</b> Once a write returns, every later {@link #get}, {@link #exists}
 *       and {@link #list} (in any process on the same root) observes it.
 *   <li><b>{@link #createIfAbsent} is atomic:</b> among any number of concurrent callers (threads,
 *       processes, machines for S3) on one absent key exactly one gets a token; the others get
 *       empty and the winner's bytes stay.
 *   <li><b>{@link #compareAndSwap} is atomic:</b> the write happens only if the object's current
 *       version equals the expected token at the instant of the write; among concurrent swaps from
 *       the same token exactly one wins, the others fail with {@link
 *       StorageException.Kind#PRECONDITION_FAILED}.
 *   <li>{@link #put} is last-writer-wins. {@link #delete} is idempotent.
 *   <li>{@link #list} is not a snapshot: keys written or deleted while it runs may or may not
 *       appear. {@link #deletePrefix} is not atomic, and writes racing it under the same prefix are
 *       not supported.
 *   <li>An unknown outcome (a lost response to a conditional write) is reported as {@link
 *       StorageException.Kind#TRANSIENT}; the caller re-reads to learn what happened.
 * </ul>
 *
 * <p>Failures are {@link StorageException}s with a stable {@link StorageException.Kind}.
 * Implementations are thread-safe.
 */
public interface ObjectStore extends AutoCloseable {

  /** The root in the form {@link ObjectStores#open} accepts: an absolute path or an s3 URI. */
  String uri();

  /** The location of {@code key} in the same form as {@link #uri()} (e.g. for a Lance dataset). */
  String uriOf(String key);

  /** One line for messages and logs (never contains secrets). */
  String describe();

  /** True for a local-filesystem root. */
  boolean isLocal();

  /** The object's bytes and version, or empty when there is no object under {@code key}. */
  Optional<StoredObject> get(String key);

  /** True when an object exists under {@code key}. */
  boolean exists(String key);

  /** Writes {@code bytes} under {@code key} unconditionally; returns the new version. */
  VersionToken put(String key, byte[] bytes);

  /**
   * Writes {@code bytes} under {@code key} only if no object exists there (atomically).
   *
   * @return the new version, or empty when an object already existed (nothing was written)
   */
  Optional<VersionToken> createIfAbsent(String key, byte[] bytes);

  /**
   * Replaces the object under {@code key} only if its current version is {@code expected}
   * (atomically).
   *
   * @return the new version
   * @throws StorageException of kind {@link StorageException.Kind#PRECONDITION_FAILED} when the
   *     object changed since {@code expected} was read or does not exist
   */
  VersionToken compareAndSwap(String key, byte[] bytes, VersionToken expected);

  /** Every key starting with {@code prefix}, recursively, sorted by Unicode code point. */
  List<String> list(String prefix);

  /** Deletes the object under {@code key}; nothing happens when there is none. */
  void delete(String key);

  /**
   * Deletes every object whose key starts with {@code prefix} (not atomically).
   *
   * @return how many objects were deleted
   */
  int deletePrefix(String prefix);

  /** Releases clients and connections; the store is unusable afterwards. */
  @Override
  void close();
}
