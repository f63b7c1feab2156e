package io.omnigraph.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link ObjectStore} on a local directory. Version tokens are the SHA-256 of the content.
 *
 * <p>Every write first goes to a hidden temp file ({@code .~og.tmp.*}, forced to disk) in the
 * target's directory. {@link #createIfAbsent} then hard-links it to the key, which the OS refuses
 * atomically when the key exists; where hard links are unsupported it falls back to a locked
 * existence check plus atomic move. {@link #put}, {@link #compareAndSwap} and {@link #delete} run
 * under {@link LocalKeyLock} (threads and processes) and publish with an atomic rename. The root
 * directory is created on the first write.
 *
 * <p>Local limits: a key cannot also be a "directory" of other keys ({@code a} and {@code a/b}
 * cannot coexist; the write fails with PERMANENT).
 */
public final class LocalObjectStore implements ObjectStore {
  private static final Logger LOG = LoggerFactory.getLogger(LocalObjectStore.class);

  private final Path root;
  private final LocalTree tree;
  private volatile boolean hardLinks;

  /** A store rooted at {@code root}, which need not exist yet. */
  public LocalObjectStore(Path root) {
    this(root, true);
  }

  /** With {@code hardLinks=false}, create-if-absent uses the locked fallback (for tests). */
  LocalObjectStore(Path root, boolean hardLinks) {
    this.root = root.toAbsolutePath().normalize();
    this.tree = new LocalTree(this.root);
    this.hardLinks = hardLinks;
    if (Files.exists(this.root) && !Files.isDirectory(this.root)) {
      throw new StorageException(
          StorageException.Kind.CONFIGURATION,
          "storage root " + this.root + " is a file, not a directory; point it at a directory");
    }
  }

  public Path root() {
    return root;
  }

  @Override
  public String uri() {
    return root.toString();
  }

  @Override
  public String uriOf(String key) {
    return path(key).toString();
  }

  @Override
  public String describe() {
    return "local directory " + root;
  }

  @Override
  public boolean isLocal() {
    return true;
  }

  @Override
  public Optional<StoredObject> get(String key) {
    Path file = path(key);
    byte[] bytes = readOrNull(file, "get");
    return bytes == null
        ? Optional.empty()
        : Optional.of(new StoredObject(bytes, LocalFiles.token(bytes)));
  }

  @Override
  public boolean exists(String key) {
    return Files.isRegularFile(path(key));
  }

  @Override
  public VersionToken put(String key, byte[] bytes) {
    Path target = path(key);
    Path temp = writeTemp(target, bytes, "put");
    try (LocalKeyLock lock = LocalKeyLock.acquire(target)) {
      replace(temp, target);
    } catch (IOException e) {
      throw failure("put", key, target, e);
    } finally {
      LocalFiles.deleteQuietly(temp);
    }
    LocalFiles.syncDirectory(target.getParent());
    return LocalFiles.token(bytes);
  }

  @Override
  public Optional<VersionToken> createIfAbsent(String key, byte[] bytes) {
    Path target = path(key);
    Path temp = writeTemp(target, bytes, "createIfAbsent");
    try {
      boolean created = hardLinks ? link(temp, target) : lockedMove(temp, target);
      if (!created) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw failure("createIfAbsent", key, target, e);
    } finally {
      LocalFiles.deleteQuietly(temp);
    }
    LocalFiles.syncDirectory(target.getParent());
    return Optional.of(LocalFiles.token(bytes));
  }

  @Override
  public VersionToken compareAndSwap(String key, byte[] bytes, VersionToken expected) {
    Path target = path(key);
    if (!Files.isDirectory(target.getParent())) {
      throw absent(key, expected);
    }
    VersionToken next = LocalFiles.token(bytes);
    Path temp = writeTemp(target, bytes, "compareAndSwap");
    try (LocalKeyLock lock = LocalKeyLock.acquire(target)) {
      byte[] current = readOrNull(target, "compareAndSwap");
      if (current == null) {
        throw absent(key, expected);
      }
      VersionToken actual = LocalFiles.token(current);
      if (!actual.equals(expected)) {
        throw changed(key, expected, actual);
      }
      replace(temp, target);
    } catch (IOException e) {
      throw failure("compareAndSwap", key, target, e);
    } finally {
      LocalFiles.deleteQuietly(temp);
    }
    LocalFiles.syncDirectory(target.getParent());
    return next;
  }

  @Override
  public List<String> list(String prefix) {
    ObjectKeys.requirePrefix(prefix);
    Path dir = root.resolve(ObjectKeys.directoryOf(prefix));
    try {
      return tree.keysUnder(dir).stream()
          .filter(k -> k.startsWith(prefix))
          .sorted(ObjectKeys.ORDER)
          .toList();
    } catch (IOException e) {
      throw LocalFiles.failure("list '" + prefix + "'", dir, e);
    }
  }

  @Override
  public void delete(String key) {
    Path target = path(key);
    if (!Files.isDirectory(target.getParent())) {
      return;
    }
    try (LocalKeyLock lock = LocalKeyLock.acquire(target)) {
      if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        Files.deleteIfExists(target);
      }
    } catch (NoSuchFileException e) {
      // The directory vanished under us (a concurrent deletePrefix): the key is gone either way.
    } catch (IOException e) {
      throw failure("delete", key, target, e);
    }
  }

  @Override
  public int deletePrefix(String prefix) {
    List<String> keys = list(prefix);
    keys.forEach(this::delete);
    Path dir = root.resolve(ObjectKeys.directoryOf(prefix));
    try {
      tree.pruneDirectories(dir, prefix);
    } catch (IOException e) {
      throw LocalFiles.failure("deletePrefix '" + prefix + "'", dir, e);
    }
    return keys.size();
  }

  @Override
  public void close() {}

  @Override
  public String toString() {
    return describe();
  }

  private Path path(String key) {
    // A valid key has no empty, '.' or '..' segment, so resolving it is already normal.
    Path path = root.resolve(ObjectKeys.requireKey(key));
    if (!path.startsWith(root) || path.equals(root)) {
      throw new StorageException(
          StorageException.Kind.PERMANENT, "key '" + key + "' resolves outside " + root);
    }
    return path;
  }

  private boolean link(Path temp, Path target) throws IOException {
    try {
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      requireNotDirectory(target);
      return false;
    } catch (UnsupportedOperationException e) {
      return fallBack(temp, target, e);
    } catch (FileSystemException e) {
      if (!linksUnsupported(e)) {
        throw e;
      }
      return fallBack(temp, target, e);
    }
  }

  private boolean fallBack(Path temp, Path target, Exception cause) throws IOException {
    LOG.debug("hard links unsupported under {} ({}); using locked create", root, cause.toString());
    hardLinks = false;
    return lockedMove(temp, target);
  }

  /** True when the file system refuses hard links as such (vfat, some network shares). */
  private static boolean linksUnsupported(FileSystemException e) {
    String reason = String.valueOf(e.getReason()).toLowerCase(Locale.ROOT);
    return reason.contains("not permitted")
        || reason.contains("not supported")
        || reason.contains("not implemented");
  }

  private static boolean lockedMove(Path temp, Path target) throws IOException {
    try (LocalKeyLock lock = LocalKeyLock.acquire(target)) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        requireNotDirectory(target);
        return false;
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      return true;
    }
  }

  private static void replace(Path temp, Path target) throws IOException {
    requireNotDirectory(target);
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  private static void requireNotDirectory(Path target) {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new StorageException(
          StorageException.Kind.PERMANENT,
          "cannot write "
              + target
              + ": it is a directory holding other keys"
              + " (a local key cannot also be a prefix of other keys)");
    }
  }

  private Path writeTemp(Path target, byte[] bytes, String operation) {
    Path dir = target.getParent();
    try {
      Files.createDirectories(dir);
      return LocalFiles.writeTemp(dir, bytes);
    } catch (FileAlreadyExistsException | NotDirectoryException e) {
      throw new StorageException(
          StorageException.Kind.PERMANENT,
          operation
              + " of "
              + target
              + " failed: a parent of it is a key (a file), not a"
              + " directory",
          e);
    } catch (IOException e) {
      throw LocalFiles.failure(operation, target, e);
    }
  }

  private static byte[] readOrNull(Path file, String operation) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException | NotDirectoryException e) {
      return null;
    } catch (IOException e) {
      if (!Files.isRegularFile(file)) {
        return null; // a directory (a prefix of other keys) is not an object
      }
      throw LocalFiles.failure(operation, file, e);
    }
  }

  private StorageException failure(String op, String key, Path target, IOException e) {
    if (e instanceof NoSuchFileException && !Files.isDirectory(target.getParent())) {
      return new StorageException(
          StorageException.Kind.TRANSIENT,
          op + " of '" + key + "' lost its directory to a concurrent deletePrefix; retry",
          e);
    }
    return LocalFiles.failure(op, target, e);
  }

  private static StorageException absent(String key, VersionToken expected) {
    return new StorageException(
        StorageException.Kind.PRECONDITION_FAILED,
        "compare-and-swap of '"
            + key
            + "' failed: the object does not exist (expected version "
            + expected
            + "); create it with createIfAbsent");
  }

  private static StorageException changed(String key, VersionToken expected, VersionToken actual) {
    return new StorageException(
        StorageException.Kind.PRECONDITION_FAILED,
        "compare-and-swap of '"
            + key
            + "' failed: the object changed (expected version "
            + expected
            + ", current "
            + actual
            + "); re-read it and retry");
  }
}
