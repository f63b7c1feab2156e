package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Passes NDJSON through to another stream while counting its complete lines and keeping the last
 * one (the served {@code changes baseline} reads its summary from the stream's final record).
 */
final class LineTail extends FilterOutputStream {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ByteArrayOutputStream current = new ByteArrayOutputStream();
  private byte[] last;
  private long lines;

  LineTail(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    track(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    int start = off;
    for (int i = off; i < off + len; i++) {
      if (b[i] == '\n') {
        current.write(b, start, i - start);
        endLine();
        start = i + 1;
      }
    }
    current.write(b, start, off + len - start);
  }

  private void track(int b) {
    if (b == '\n') {
      endLine();
    } else {
      current.write(b);
    }
  }

  private void endLine() {
    last = current.toByteArray();
    current = new ByteArrayOutputStream();
    lines++;
  }

  /** Complete (newline-terminated) lines seen. */
  long lines() {
    return lines;
  }

  /**
   * The last complete line parsed as JSON; null when there is none, when bytes follow it without a
   * newline (a cut stream), or when it is not JSON.
   */
  JsonNode lastLine() {
    if (last == null || current.size() > 0) {
      return null;
    }
    try {
      return JSON.readTree(last);
    } catch (IOException e) {
      return null;
    }
  }
}
