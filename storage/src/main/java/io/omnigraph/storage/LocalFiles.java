package io.omnigraph.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/** File helpers of {@link LocalObjectStore}: durable temp files, tokens, error mapping. */
final class LocalFiles {
  static final String TEMP_PREFIX = ObjectKeys.RESERVED + "tmp.";
  static final String LOCK_PREFIX = ObjectKeys.RESERVED + "lock.";
  private static final SecureRandom RANDOM = new SecureRandom();

  private LocalFiles() {}

  /** The content token: SHA-256 of the bytes, lowercase hex. */
  static VersionToken token(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return new VersionToken(HexFormat.of().formatHex(digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /** True for our temp and lock files, which are never keys. */
  static boolean isReserved(Path file) {
    return file.getFileName().toString().startsWith(ObjectKeys.RESERVED);
  }

  /** Writes {@code bytes} to a fresh hidden temp file in {@code dir}, forced to disk. */
  static Path writeTemp(Path dir, byte[] bytes) throws IOException {
    byte[] random = new byte[12];
    RANDOM.nextBytes(random);
    Path temp = dir.resolve(TEMP_PREFIX + HexFormat.of().formatHex(random));
    try (FileChannel ch =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        ch.write(buffer);
      }
      ch.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  /** Makes a rename or link in {@code dir} durable; a no-op where directories cannot be forced. */
  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some platforms cannot open or force a directory; the rename itself is still atomic.
    }
  }

  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover hidden temp file is harmless: list() never shows it.
    }
  }

  /** Maps an unexpected I/O failure on {@code path} to a typed exception. */
  static StorageException failure(String operation, Path path, IOException e) {
    if (e instanceof AccessDeniedException) {
      return new StorageException(
          StorageException.Kind.CONFIGURATION,
          operation
              + " failed: permission denied on "
              + path
              + "; give this user read/write access to the storage directory",
          e);
    }
    return new StorageException(
        StorageException.Kind.UNKNOWN, operation + " failed on " + path + ": " + e, e);
  }
}
