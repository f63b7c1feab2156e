package io.omnigraph.storage.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link S3ProxyMain} in a child JVM (same class path), for tests whose S3 server must outlive or
 * be shared by several processes. Closing it kills the child.
 */
public final class S3ProxyProcess implements AutoCloseable {
  private final Process process;
  private final String endpoint;
  private final Path log;

  private S3ProxyProcess(Process process, String endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
  }

  /** Starts the child and waits (up to 60 s) until it reports its endpoint. */
  public static S3ProxyProcess start(String... buckets) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(S3ProxyMain.class.getName());
    command.addAll(List.of(buckets));
    Path log = Files.createTempFile("s3proxy-", ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    try {
      return new S3ProxyProcess(process, awaitEndpoint(process), log);
    } catch (IOException | RuntimeException e) {
      process.destroyForcibly();
      throw new IOException(e.getMessage() + " (its stderr is in " + log + ")", e);
    }
  }

  public String endpoint() {
    return endpoint;
  }

  public long pid() {
    return process.pid();
  }

  /** The AWS_* environment that reaches the child's server. */
  public Map<String, String> env() {
    return S3TestServer.env(endpoint);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      // a leftover log in the temp directory is harmless
    }
  }

  private static String awaitEndpoint(Process process) throws IOException {
    CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readEndpoint(process));
    try {
      return ready.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IOException("S3ProxyMain did not report its endpoint within 60 s", e);
    } catch (ExecutionException e) {
      throw new IOException("S3ProxyMain failed to start: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting S3ProxyMain", e);
    }
  }

  private static String readEndpoint(Process process) {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(S3ProxyMain.READY_PREFIX)) {
          return line.substring(S3ProxyMain.READY_PREFIX.length());
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    throw new IllegalStateException("S3ProxyMain exited before reporting its endpoint");
  }
}
