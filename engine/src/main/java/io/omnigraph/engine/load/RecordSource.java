package io.omnigraph.engine.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;

/**
 * The front half of the reader: splits lines, parses each into a record envelope and hands them out
 * in chunks. It is pure with respect to the graph, so {@link GraphBatchReader} may run it on a
 * second thread while the calling thread stages the previous chunk. A line-local problem ends the
 * source: the chunk carrying it holds the records before it and the error.
 */
final class RecordSource {
  static final int CHUNK_LINES = 512;

  /** Up to {@value #CHUNK_LINES} records with their lines; the last chunk may carry an error. */
  static final class Chunk {
    final Envelope[] records = new Envelope[CHUNK_LINES];
    final int[] lines = new int[CHUNK_LINES];
    int size;
    boolean last;
    long lineCount;
    long bytes;
    LoadException error;
    IOException ioError;
    RuntimeException crash;
  }

  private final LineSplitter lines;
  private final JsonLine json;

  RecordSource(InputStream in, int maxLineBytes, int maxSlots) {
    this.lines = new LineSplitter(in, maxLineBytes);
    this.json = new JsonLine(maxLineBytes, maxSlots);
  }

  /** The next chunk; after one with {@code last} set, do not call again. */
  Chunk next() {
    Chunk c = new Chunk();
    try {
      fill(c);
    } catch (LoadException e) {
      c.error = e;
      c.last = true;
    } catch (CharacterCodingException e) {
      c.error =
          new LoadException(
              LoadCode.BAD_RECORD,
              lines.lineNumber() + 1,
              "the text is not valid Unicode (an unpaired surrogate); send UTF-8 text");
      c.last = true;
    } catch (IOException e) {
      c.ioError = e;
      c.last = true;
    } catch (RuntimeException e) {
      c.crash = e; // a bug; handed to the staging thread rather than lost with the parser thread
      c.last = true;
    }
    c.lineCount = lines.lineNumber();
    c.bytes = lines.bytesRead();
    return c;
  }

  private void fill(Chunk c) throws IOException {
    while (c.size < CHUNK_LINES) {
      if (!lines.next()) {
        c.last = true;
        return;
      }
      if (lines.isBlank()) {
        continue;
      }
      int line = lineNumber();
      Members root = json.parse(lines.buffer(), lines.lineStart(), lines.lineLength(), line);
      c.records[c.size] = Envelope.parse(root, line);
      c.lines[c.size++] = line;
    }
  }

  private int lineNumber() {
    long n = lines.lineNumber();
    if (n > Integer.MAX_VALUE) {
      throw new LoadException(
          LoadCode.BAD_RECORD, n, "a batch may have at most 2^31-1 lines; split the file");
    }
    return (int) n;
  }
}
