package io.omnigraph.storage.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs an {@link S3TestServer} until killed, for multi-process tests. Arguments: bucket names to
 * create (default {@value S3ServerExtension#BUCKET}). Prints the AWS_* environment as {@code
 * NAME=value} lines, then {@code S3PROXY_ENDPOINT=http://127.0.0.1:<port>} once ready (read until
 * that line). See {@link S3ProxyProcess} for a launcher.
 */
public final class S3ProxyMain {
  public static final String READY_PREFIX = "S3PROXY_ENDPOINT=";

  private S3ProxyMain() {}

  public static void main(String[] args) throws InterruptedException {
    List<String> buckets = new ArrayList<>(List.of(args));
    if (buckets.isEmpty()) {
      buckets.add(S3ServerExtension.BUCKET);
    }
    S3TestServer server = S3TestServer.start();
    buckets.forEach(server::createBucket);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3proxy-shutdown"));
    for (Map.Entry<String, String> e : server.env().entrySet()) {
      System.out.println(e.getKey() + "=" + e.getValue());
    }
    System.out.println("S3PROXY_BUCKETS=" + String.join(",", buckets));
    System.out.println(READY_PREFIX + server.endpoint());
    System.out.flush();
    Thread.currentThread().join();
  }
}
