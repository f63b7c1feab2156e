package io.omnigraph.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to one local key across threads and processes: a JVM-wide striped lock (so two
 * threads never hold overlapping {@link FileLock}s, which the JDK forbids) plus an OS lock on a
 * hidden sidecar file {@code .~og.lock.<name>} next to the object. Sidecars are never deleted while
 * their key lives (deleting a lock file someone waits on would split the lock).
 */
final class LocalKeyLock implements AutoCloseable {
  private static final ReentrantLock[] STRIPES = newStripes(256);

  private final ReentrantLock stripe;
  private final FileChannel channel;
  private final FileLock fileLock;

  private LocalKeyLock(ReentrantLock stripe, FileChannel channel, FileLock fileLock) {
    this.stripe = stripe;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Blocks until this thread holds the key of {@code target}; its parent directory must exist. */
  static LocalKeyLock acquire(Path target) throws IOException {
    ReentrantLock stripe = STRIPES[Math.floorMod(target.hashCode(), STRIPES.length)];
    stripe.lock();
    try {
      FileChannel channel = FileChannel.open(sidecar(target), openOptions());
      try {
        return new LocalKeyLock(stripe, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      stripe.unlock();
      throw e;
    }
  }

  static Path sidecar(Path target) {
    return target.resolveSibling(LocalFiles.LOCK_PREFIX + target.getFileName());
  }

  @Override
  public void close() throws IOException {
    try {
      fileLock.release();
      channel.close();
    } finally {
      stripe.unlock();
    }
  }

  private static StandardOpenOption[] openOptions() {
    return new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.WRITE};
  }

  private static ReentrantLock[] newStripes(int n) {
    ReentrantLock[] locks = new ReentrantLock[n];
    for (int i = 0; i < n; i++) {
      locks[i] = new ReentrantLock();
    }
    return locks;
  }
}
