package io.omnigraph.server.http;

import java.io.PrintStream;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Where log lines go: request threads only enqueue a finished line (no lock, no I/O); one writer
 * thread drains the queue every few milliseconds, writes the lines in order and flushes once per
 * batch. A synchronous write under a shared lock made every request wait on the slowest stderr
 * write and spin on the lock (measured by {@code bin/bench-server}). {@link #close} writes whatever
 * is still queued; a process that dies without closing loses at most the last few milliseconds of
 * lines.
 */
final class LogSink implements AutoCloseable {
  private static final long DRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final PrintStream out;
  private final ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>();

  /** The batch being written; kept between drains so it keeps its capacity (guarded by out). */
  private final StringBuilder batch = new StringBuilder(8192);

  private final Thread writer;
  private volatile boolean closed;

  LogSink(PrintStream out) {
    this.out = out;
    this.writer = Thread.ofPlatform().daemon().name("omnigraph-log").start(this::run);
  }

  /** Queues one line; after {@link #close} it is written at once. */
  void line(String s) {
    queue.add(s);
    if (closed) {
      drain();
    }
  }

  private void run() {
    while (!closed) {
      drain();
      LockSupport.parkNanos(DRAIN_NANOS);
    }
  }

  /**
   * Writes every queued line in order as one string, then flushes: a stream that flushes on every
   * newline (stderr does) would otherwise make one write call per line.
   */
  void drain() {
    synchronized (out) {
      batch.setLength(0);
      for (String s = queue.poll(); s != null; s = queue.poll()) {
        batch.append(s).append(System.lineSeparator());
      }
      if (!batch.isEmpty()) {
        out.print(batch);
        out.flush();
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(writer);
    try {
      writer.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain();
  }
}
