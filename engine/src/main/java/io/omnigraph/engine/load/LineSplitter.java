package io.omnigraph.engine.load;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, with a trailing {@code \r} dropped) without decoding
 * them, holding at most one line (≤ the byte limit) plus a read buffer in memory. A line over the
 * limit is skipped to its end (to count its size) and reported as {@code
 * resource_limit/graph_batch_line_bytes}. Not thread-safe.
 */
final class LineSplitter {
  static final String LINE_RESOURCE = "graph_batch_line_bytes";
  private static final int READ_CHUNK = 1 << 16;

  private final InputStream in;
  private final int maxLineBytes;
  private byte[] buf = new byte[READ_CHUNK * 2];
  private int start;
  private int end;
  private boolean eof;
  private long lineNumber;
  private long bytesRead;
  private int lineStart;
  private int lineLength;

  LineSplitter(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Advances to the next line; false at the end of input. */
  boolean next() throws IOException {
    int scanned = 0;
    while (true) {
      int nl = indexOfNewline(start + scanned);
      if (nl >= 0) {
        emit(nl, nl + 1);
        return true;
      }
      if (eof) {
        if (start == end) {
          return false;
        }
        emit(end, end);
        return true;
      }
      scanned = end - start;
      if (scanned > maxLineBytes + 1) {
        throw overLimit(scanned);
      }
      fill();
    }
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < end; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void emit(int lineEnd, int next) {
    lineNumber++;
    int len = lineEnd - start;
    if (len > 0 && buf[lineEnd - 1] == '\r') {
      len--;
    }
    if (len > maxLineBytes) {
      throw LoadException.resourceLimit(
          lineNumber, LINE_RESOURCE, maxLineBytes, len, lineLimitMessage(len));
    }
    lineStart = start;
    lineLength = len;
    start = next;
  }

  /** Reads more input, first moving the partial line to the front or growing the buffer. */
  private void fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buf, start, buf, 0, end - start);
      end -= start;
      start = 0;
    }
    if (buf.length - end < READ_CHUNK) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + READ_CHUNK));
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
    } else {
      end += n;
      bytesRead += n;
    }
  }

  /** Skips the rest of an over-long line, counting it, and builds the error. */
  private LoadException overLimit(long seen) throws IOException {
    long total = seen;
    long line = lineNumber + 1;
    byte[] chunk = new byte[READ_CHUNK];
    int n;
    outer:
    while ((n = in.read(chunk)) >= 0) {
      bytesRead += n;
      for (int i = 0; i < n; i++) {
        if (chunk[i] == '\n') {
          total += i;
          break outer;
        }
      }
      total += n;
    }
    return LoadException.resourceLimit(
        line, LINE_RESOURCE, maxLineBytes, total, lineLimitMessage(total));
  }

  private String lineLimitMessage(long actual) {
    return "the line has "
        + actual
        + " bytes, over the limit of "
        + maxLineBytes
        + " bytes per graph-batch line; split the record or shrink its values";
  }

  /** Whether the current line holds only spaces, tabs or carriage returns. */
  boolean isBlank() {
    for (int i = lineStart; i < lineStart + lineLength; i++) {
      byte b = buf[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  byte[] buffer() {
    return buf;
  }

  int lineStart() {
    return lineStart;
  }

  int lineLength() {
    return lineLength;
  }

  long lineNumber() {
    return lineNumber;
  }

  /** Bytes consumed from the stream so far (for progress reports). */
  long bytesRead() {
    return bytesRead;
  }
}
