package io.omnigraph.cli.graph;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Bytes of UTF-8 lines onto the command's {@link PrintWriter} (stdout), decoded a line at a time so
 * multi-byte characters are never split; flushed at every line end.
 */
final class WriterOutputStream extends OutputStream {
  private final PrintWriter out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  WriterOutputStream(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(int b) {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public void write(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  private void emit() {
    out.write(line.toString(StandardCharsets.UTF_8));
    line.reset();
  }

  @Override
  public void flush() {
    if (line.size() > 0) {
      emit();
    }
    out.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
