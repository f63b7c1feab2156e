package io.omnigraph.cli.graph;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar for {@code load} on stderr: wraps the batch file's stream and redraws
 * {@code \r[#####-----] 42% 12.3/29.1 MB} as bytes are read (at most once per percent). Used only
 * when stderr is a terminal (the launcher passes {@code -Domnigraph.stderr.tty=true}), the file is
 * at least {@link #minBytes()} (default 4 MiB, {@code -Domnigraph.progress.min_bytes}) and neither
 * {@code --json} nor {@code --quiet} was given. {@link #close()} ends the line.
 */
final class LoadProgress extends FilterInputStream {
  private static final int WIDTH = 30;
  private final PrintWriter err;
  private final long total;
  private long read;
  private int shown = -1;

  private LoadProgress(InputStream in, PrintWriter err, long total) {
    super(in);
    this.err = err;
    this.total = total;
  }

  /** {@code in} itself, or {@code in} with a progress bar when the conditions above hold. */
  static InputStream wrap(InputStream in, PrintWriter err, long size, boolean quietOrJson) {
    boolean tty = Boolean.getBoolean("omnigraph.stderr.tty");
    if (!tty || quietOrJson || size < minBytes()) {
      return in;
    }
    return new LoadProgress(in, err, size);
  }

  static long minBytes() {
    return Long.getLong("omnigraph.progress.min_bytes", 4L << 20);
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  private void advance(long n) {
    read += n;
    int pct = (int) Math.min(100, read * 100 / Math.max(1, total));
    if (pct != shown) {
      shown = pct;
      err.print("\r" + render(pct, read, total));
      err.flush();
    }
  }

  static String render(int pct, long done, long total) {
    int filled = pct * WIDTH / 100;
    return String.format(
        Locale.ROOT,
        "[%s%s] %3d%%  %.1f/%.1f MB",
        "#".repeat(filled),
        "-".repeat(WIDTH - filled),
        pct,
        done / 1048576.0,
        total / 1048576.0);
  }

  @Override
  public void close() throws IOException {
    try {
      super.close();
    } finally {
      if (shown >= 0) {
        err.println();
        err.flush();
      }
    }
  }
}
