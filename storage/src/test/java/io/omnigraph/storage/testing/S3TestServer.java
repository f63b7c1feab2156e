package io.omnigraph.storage.testing;

import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.TransientApiMetadata;

/**
 * A real S3-compatible server for tests: S3Proxy 3.1.0 on 127.0.0.1 (a free port chosen by the OS)
 * over the jclouds {@code transient} in-memory provider, wrapped in {@link ConditionalBlobStore} so
 * conditional PUTs are atomic. {@link #env()} is the AWS_* environment a client needs; pass it to
 * {@code ObjectStores.open(uri, env)} or to a child process.
 */
public final class S3TestServer implements AutoCloseable {
  public static final String ACCESS_KEY = "omnigraph-test";
  public static final String SECRET_KEY = "omnigraph-test-secret";
  public static final String REGION = "us-east-1";

  private final BlobStoreContext context;
  private final BlobStore blobStore;
  private final S3Proxy proxy;

  private S3TestServer(BlobStoreContext context, BlobStore blobStore, S3Proxy proxy) {
    this.context = context;
    this.blobStore = blobStore;
    this.proxy = proxy;
  }

  /** Starts a server and waits until it accepts requests. */
  public static S3TestServer start() {
    BlobStoreContext context =
        // By API metadata, not by id: an id lookup loads every ProviderMetadata on the class path,
        // including S3Proxy's Azure/GCS ones whose SDKs we exclude.
        ContextBuilder.newBuilder(new TransientApiMetadata())
            .credentials(ACCESS_KEY, SECRET_KEY)
            .overrides(new Properties())
            .build(BlobStoreContext.class);
    BlobStore blobStore = new ConditionalBlobStore(context.getBlobStore());
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(blobStore)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .ignoreUnknownHeaders(true)
            .build();
    BufferConditionalPuts.install(proxy);
    try {
      proxy.start();
      awaitStarted(proxy);
    } catch (Exception e) {
      context.close();
      throw new IllegalStateException("S3Proxy did not start: " + e, e);
    }
    return new S3TestServer(context, blobStore, proxy);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  public int port() {
    return proxy.getPort();
  }

  /** Creates {@code bucket} if it does not exist yet; returns it. */
  public String createBucket(String bucket) {
    blobStore.createContainerInLocation(null, bucket);
    return bucket;
  }

  /** The AWS_* environment that reaches this server (path-style, plain HTTP allowed). */
  public Map<String, String> env() {
    return env(endpoint());
  }

  /** The AWS_* environment for a server at {@code endpoint} started by this class. */
  public static Map<String, String> env(String endpoint) {
    Map<String, String> env = new TreeMap<>();
    env.put("AWS_ENDPOINT_URL_S3", endpoint);
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    env.put("AWS_REGION", REGION);
    env.put("AWS_ALLOW_HTTP", "true");
    env.put("AWS_S3_FORCE_PATH_STYLE", "true");
    return env;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not stop: " + e, e);
    } finally {
      context.close();
    }
  }

  private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy still " + proxy.getState() + " after 30 s");
      }
      Thread.sleep(5);
    }
  }
}
