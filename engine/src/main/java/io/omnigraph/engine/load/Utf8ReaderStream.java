package io.omnigraph.engine.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The UTF-8 bytes of a {@link Reader}, so that character input goes through the same line splitter
 * (and byte limits) as byte input. Unpaired surrogates raise {@link
 * java.nio.charset.CharacterCodingException}.
 */
final class Utf8ReaderStream extends InputStream {
  private final Reader reader;
  private final CharsetEncoder encoder =
      StandardCharsets.UTF_8
          .newEncoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final CharBuffer chars = CharBuffer.allocate(8192);
  private final ByteBuffer bytes = ByteBuffer.allocate(32768);
  private boolean readerDone;
  private boolean flushed;

  Utf8ReaderStream(Reader reader) {
    this.reader = reader;
    chars.flip();
    bytes.flip();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!bytes.hasRemaining()) {
      if (flushed) {
        return -1;
      }
      encodeMore();
    }
    int n = Math.min(len, bytes.remaining());
    bytes.get(b, off, n);
    return n;
  }

  private void encodeMore() throws IOException {
    if (!readerDone && chars.remaining() < 2) {
      chars.compact();
      int n = reader.read(chars);
      chars.flip();
      readerDone = n < 0;
    }
    bytes.clear();
    CoderResult r = encoder.encode(chars, bytes, readerDone);
    if (r.isError()) {
      r.throwException();
    }
    if (readerDone && !chars.hasRemaining()) {
      encoder.flush(bytes);
      flushed = true;
    }
    bytes.flip();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
