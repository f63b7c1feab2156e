package io.omnigraph.engine.load;

/** Receives progress while a batch is read (for a TTY progress bar). */
@FunctionalInterface
public interface LoadProgress {
  /**
   * Called every {@value GraphBatchReader#PROGRESS_EVERY_LINES} lines and once at the end.
   *
   * @param lines lines read so far
   * @param bytes input bytes consumed so far
   */
  void update(long lines, long bytes);
}
