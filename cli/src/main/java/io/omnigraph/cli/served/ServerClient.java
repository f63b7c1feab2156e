package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * HTTP calls to one omnigraph server ({@code java.net.http}). Every request goes to {@link #base()}
 * — the token given at construction is only ever sent there. A non-2xx answer becomes a {@link
 * ServerError} (06 §8 body: {@code error}, {@code code}, structured member); a server that cannot
 * be reached is a plain CLI error naming the URL.
 */
public final class ServerClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String base;
  private final String token;

  /** {@code base}: the server URL without a trailing slash. */
  public ServerClient(String base, String token) {
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    this.token = token;
  }

  public String base() {
    return base;
  }

  /** Whether a bearer token is attached (tests and messages; the value is never shown). */
  public boolean hasToken() {
    return token != null;
  }

  public JsonNode get(String path) {
    return json(request(path).GET());
  }

  public JsonNode delete(String path) {
    return json(request(path).DELETE());
  }

  public JsonNode postJson(String path, JsonNode body, Map<String, String> headers) {
    HttpRequest.Builder b =
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    headers.forEach(b::header);
    return json(b);
  }

  public JsonNode postBytes(String path, String contentType, byte[] body) {
    return json(
        request(path)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** POSTs JSON and returns the streamed 2xx body (the caller closes it). */
  public InputStream postForStream(String path, JsonNode body) {
    HttpResponse<InputStream> r =
        send(
            request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() / 100 != 2) {
      try (InputStream in = r.body()) {
        throw ServerError.of(base + path, r.statusCode(), in.readAllBytes());
      } catch (IOException e) {
        throw unreachable(e);
      }
    }
    return r.body();
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30));
    } catch (IllegalArgumentException e) {
      throw new CliException(
          "not a valid server URL: " + base + path + " (" + e.getMessage() + ")");
    }
    b.header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private JsonNode json(HttpRequest.Builder b) {
    HttpRequest req = b.build();
    HttpResponse<byte[]> r = send(req, HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() / 100 != 2) {
      throw ServerError.of(req.uri().toString(), r.statusCode(), r.body());
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new CliException(
          "the server at " + base + " answered " + req.uri().getPath() + " with non-JSON content");
    }
  }

  private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
    try {
      return HTTP.send(req, handler);
    } catch (IOException e) {
      throw unreachable(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while talking to the server at " + base);
    }
  }

  private CliException unreachable(IOException e) {
    String why =
        e instanceof ConnectException
            ? "connection refused"
            : e instanceof HttpTimeoutException
                ? "timed out"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new CliException(
        "cannot reach the omnigraph server at " + base + " (" + why + "); is it running?");
  }
}
