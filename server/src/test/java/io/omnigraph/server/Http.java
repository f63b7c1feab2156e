package io.omnigraph.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small java.net.http client for tests: one base URL, an optional bearer token. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;

  Http(String listenAddress) {
    this.base = "http://" + listenAddress;
  }

  /** A response: status, headers and the body parsed as JSON when it is JSON. */
  record Res(int status, String body, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  Res get(String path, String token) throws Exception {
    return send(req(path, token).GET().build());
  }

  Res delete(String path, String token) throws Exception {
    return send(req(path, token).DELETE().build());
  }

  Res post(String path, String token, String json) throws Exception {
    return post(path, token, json, "application/json");
  }

  Res post(String path, String token, String body, String type) throws Exception {
    HttpRequest.Builder b = req(path, token).POST(HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return send(b.build());
  }

  HttpRequest.Builder req(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  Res send(HttpRequest r) throws Exception {
    HttpResponse<String> resp = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
    return new Res(resp.statusCode(), resp.body(), resp);
  }
}
