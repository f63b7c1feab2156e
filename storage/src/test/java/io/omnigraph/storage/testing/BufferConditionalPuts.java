package io.omnigraph.storage.testing;

import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.io.Content;
import org.gaul.shaded.org.eclipse.jetty.server.Handler;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.Response;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.gaul.shaded.org.eclipse.jetty.util.Callback;

/**
 * A Jetty handler in front of S3Proxy that reads the whole body of a conditional PUT (one with
 * {@code If-Match} or {@code If-None-Match}) before S3Proxy sees the request.
 *
 * <p>Why: S3Proxy 3.1.0 answers a failed condition (412, or 404 for {@code If-Match} on a missing
 * key) before reading the body, after Jetty has already sent "100 Continue". Jetty then closes the
 * connection with the body unread and the client's upload dies with "Broken pipe" — an unknown
 * outcome instead of a clean precondition failure. AWS S3 does not do this. Buffering the (small)
 * conditional bodies first makes the server answer after the whole request, like S3.
 *
 * <p>This reaches into S3Proxy's private Jetty server (shaded Jetty 12 in the s3proxy jar); it is
 * pinned to S3Proxy 3.1.0 and fails loudly if that changes.
 */
final class BufferConditionalPuts extends Handler.Wrapper {

  /** Installs the handler on a built, not yet started proxy. */
  static void install(S3Proxy proxy) {
    Server server = jettyServer(proxy);
    BufferConditionalPuts wrapper = new BufferConditionalPuts();
    wrapper.setHandler(server.getHandler());
    server.setHandler(wrapper);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (!isConditionalPut(request)) {
      return super.handle(request, response, callback);
    }
    ByteBuffer body = Content.Source.asByteBuffer(request);
    return super.handle(new BufferedRequest(request, body), response, callback);
  }

  private static boolean isConditionalPut(Request request) {
    return "PUT".equals(request.getMethod())
        && (request.getHeaders().contains("If-Match")
            || request.getHeaders().contains("If-None-Match"));
  }

  private static Server jettyServer(S3Proxy proxy) {
    try {
      Field field = S3Proxy.class.getDeclaredField("server");
      field.setAccessible(true);
      return (Server) field.get(proxy);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(
          "S3Proxy's internals changed (expected a private Jetty 'server' field as in 3.1.0)", e);
    }
  }

  /** The original request with its content replaced by the already-read bytes. */
  private static final class BufferedRequest extends Request.Wrapper {
    private Content.Chunk next;

    BufferedRequest(Request request, ByteBuffer body) {
      super(request);
      this.next = Content.Chunk.from(body, true);
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk chunk = next;
      next = Content.Chunk.EOF;
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run();
    }

    @Override
    public void fail(Throwable failure) {}
  }
}
