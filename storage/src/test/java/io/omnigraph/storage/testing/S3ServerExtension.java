package io.omnigraph.storage.testing;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link S3TestServer} per test class, with one bucket. Register it on a static field:
 *
 * <pre>{@code
 * @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();
 * ... ObjectStores.open(S3.uniqueUri("graphs"), S3.env()) ...
 * }</pre>
 */
public final class S3ServerExtension implements BeforeAllCallback, AfterAllCallback {
  public static final String BUCKET = "omnigraph-test";

  private S3TestServer server;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = S3TestServer.start();
    server.createBucket(BUCKET);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.close();
      server = null;
    }
  }

  public S3TestServer server() {
    if (server == null) {
      throw new IllegalStateException(
          "S3ServerExtension must be a static @RegisterExtension field");
    }
    return server;
  }

  /** The AWS_* environment that reaches the server. */
  public Map<String, String> env() {
    return server().env();
  }

  public String bucket() {
    return BUCKET;
  }

  /** {@code s3://omnigraph-test/<prefix>}. */
  public String uri(String prefix) {
    return "s3://" + BUCKET + "/" + prefix;
  }

  /** A fresh root no other test uses: {@code s3://omnigraph-test/<name>-<random>}. */
  public String uniqueUri(String name) {
    return uri(name + "-" + UUID.randomUUID().toString().substring(0, 8));
  }
}
