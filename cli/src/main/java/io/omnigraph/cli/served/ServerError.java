package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A non-2xx answer of the server as a CLI error: the message is {@code <code>: <server message>}
 * (the 06 §8 {@code code}, or the structured member's name when the code is omitted; not repeated
 * when the server's message already starts with it). Exit code 4 for a lost conditional write (412
 * {@code precondition_failure}), 1 otherwise.
 */
public final class ServerError extends CliException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient JsonNode body;

  private ServerError(String message, int exit, int status, String code, JsonNode body) {
    super(message, exit);
    this.status = status;
    this.code = code;
    this.body = body;
  }

  static ServerError of(String url, int status, byte[] raw) {
    JsonNode body;
    try {
      body = ServerClient.JSON.readTree(raw);
    } catch (IOException e) {
      body = null;
    }
    if (body == null || !body.isObject() || !body.path("error").isTextual()) {
      String text = new String(raw, StandardCharsets.UTF_8).strip();
      String msg =
          "HTTP "
              + status
              + " from "
              + url
              + " (not an omnigraph error body"
              + (text.isEmpty() ? "" : ": " + abbreviate(text))
              + ")";
      return new ServerError(msg, ExitCodes.ERROR, status, null, MissingNode.getInstance());
    }
    String code = body.path("code").isTextual() ? body.path("code").asText() : member(body);
    String text = body.path("error").asText();
    String prefix = (code == null ? "HTTP " + status : code) + ": ";
    String msg = text.startsWith(prefix) ? text : prefix + text;
    if (status == 401) {
      msg +=
          " — store a token with `omnigraph login <server>` or set OMNIGRAPH_TOKEN_<SERVER> /"
              + " OMNIGRAPH_BEARER_TOKEN";
    }
    int exit =
        status == 412 && body.has("precondition_failure")
            ? ExitCodes.PRECONDITION_FAILED
            : ExitCodes.ERROR;
    return new ServerError(msg, exit, status, code, body);
  }

  private static String member(JsonNode body) {
    for (var it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!f.equals("error")) {
        return f;
      }
    }
    return null;
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 200 ? one.substring(0, 200) + "…" : one;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The 06 §8 {@code code} (or structured member name), null for a non-omnigraph body. */
  public String code() {
    return code;
  }

  /** The parsed error body (missing node for a non-omnigraph body). */
  public JsonNode body() {
    return body;
  }

  /** The same error with {@code hint} appended to the message. */
  public ServerError withHint(String hint) {
    return new ServerError(getMessage() + hint, exitCode(), status, code, body);
  }
}
