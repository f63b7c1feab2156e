package io.omnigraph.engine.load;

import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands {@link RecordSource} chunks to the staging thread: either produced on demand by the caller
 * ({@link #inline}) or by a daemon thread a few chunks ahead ({@link #background}, queue of {@value
 * #AHEAD}). Closing stops the producer at its next chunk boundary.
 */
abstract class ChunkFeed implements AutoCloseable {
  static final int AHEAD = 4;

  abstract RecordSource.Chunk take() throws InterruptedIOException;

  @Override
  public void close() {}

  static ChunkFeed inline(RecordSource source) {
    return new ChunkFeed() {
      @Override
      RecordSource.Chunk take() {
        return source.next();
      }
    };
  }

  static ChunkFeed background(RecordSource source) {
    return new Background(source);
  }

  private static final class Background extends ChunkFeed {
    private final BlockingQueue<RecordSource.Chunk> queue = new ArrayBlockingQueue<>(AHEAD);
    private final RecordSource source;
    private RecordSource.Chunk first;
    private Thread producer;
    private volatile boolean closed;

    Background(RecordSource source) {
      this.source = source;
    }

    /** Never interrupted (that could close the caller's channel); stops when closed. */
    private void produce(RecordSource source) {
      RecordSource.Chunk c;
      do {
        c = source.next();
        try {
          while (!closed && !queue.offer(c, 50, TimeUnit.MILLISECONDS)) {
            // the consumer is busy; wait for room
          }
        } catch (InterruptedException e) {
          return;
        }
      } while (!c.last && !closed);
    }

    @Override
    RecordSource.Chunk take() throws InterruptedIOException {
      if (first == null) {
        first = source.next();
        if (!first.last) {
          producer =
              Thread.ofPlatform().daemon().name("graph-batch-parser").start(() -> produce(source));
        }
        return first;
      }
      try {
        RecordSource.Chunk c;
        while ((c = queue.poll(100, TimeUnit.MILLISECONDS)) == null) {
          if (!producer.isAlive() && queue.isEmpty()) {
            throw new IllegalStateException("the graph-batch parser thread died (out of memory?)");
          }
        }
        return c;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the graph batch");
      }
    }

    @Override
    public void close() {
      closed = true;
      queue.clear();
    }
  }
}
