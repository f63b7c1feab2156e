package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.Map;

/**
 * One graph on a server: {@code <server>/graphs/<id>}, or the bare server URL when no graph could
 * be selected (08 §2). Paths passed here are relative to the graph ({@code /query}, {@code
 * /branches}, …). A 404 on a bare URL carries a hint to pass {@code --graph}.
 */
public final class ServedGraph {
  private final ServerClient client;
  private final String graphPath;
  private final String bareReason;

  ServedGraph(ServerClient client, String graphId, String bareReason) {
    this.client = client;
    this.graphPath = graphId == null ? "" : "/graphs/" + Paths.segment(graphId);
    this.bareReason = bareReason;
  }

  /** The graph's URL (what write echoes and {@code uri} fields show). */
  public String url() {
    return client.base() + graphPath;
  }

  public ServerClient client() {
    return client;
  }

  public JsonNode get(String path) {
    try {
      return client.get(graphPath + path);
    } catch (ServerError e) {
      throw hinted(e);
    }
  }

  public JsonNode delete(String path) {
    try {
      return client.delete(graphPath + path);
    } catch (ServerError e) {
      throw hinted(e);
    }
  }

  public JsonNode post(String path, JsonNode body) {
    return post(path, body, Map.of());
  }

  public JsonNode post(String path, JsonNode body, Map<String, String> headers) {
    try {
      return client.postJson(graphPath + path, body, headers);
    } catch (ServerError e) {
      throw hinted(e);
    }
  }

  public JsonNode postBytes(String path, String contentType, byte[] body) {
    try {
      return client.postBytes(graphPath + path, contentType, body);
    } catch (ServerError e) {
      throw hinted(e);
    }
  }

  public InputStream postForStream(String path, JsonNode body) {
    try {
      return client.postForStream(graphPath + path, body);
    } catch (ServerError e) {
      throw hinted(e);
    }
  }

  private ServerError hinted(ServerError e) {
    if (bareReason != null && e.status() == 404) {
      return e.withHint(
          " (no --graph given and GET /graphs could not be consulted: "
              + bareReason
              + "; pass --graph <id>)");
    }
    return e;
  }
}
