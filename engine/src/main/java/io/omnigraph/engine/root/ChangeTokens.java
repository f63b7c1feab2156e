package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque change cursors and page tokens: base64url (no padding) of a small JSON object with a
 * {@code v} format number and a {@code t} token kind. Anything else is rejected as {@code change
 * cursor rejected: …} (HTTP 400).
 */
final class ChangeTokens {
  /** Continuation token size limit (10 §2). */
  static final int MAX_BYTES = 4_096;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeTokens() {}

  static String encode(ObjectNode o) {
    o.put("v", 1);
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(o));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static ObjectNode object(String kind) {
    return JSON.createObjectNode().put("t", kind);
  }

  /** Decodes a token of {@code kind} ({@code cursor}, {@code page}, {@code feed_page}). */
  static ObjectNode decode(String token, String kind) {
    if (token.length() > MAX_BYTES) {
      throw rejected("the " + what(kind) + " is longer than " + MAX_BYTES + " bytes");
    }
    JsonNode o;
    try {
      o = JSON.readTree(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | IOException e) {
      throw rejected("'" + shorten(token) + "' is not a " + what(kind) + " issued by this server");
    }
    if (o == null
        || !o.isObject()
        || o.path("v").asInt() != 1
        || !kind.equals(o.path("t").asText())) {
      throw rejected("'" + shorten(token) + "' is not a " + what(kind) + " issued by this server");
    }
    return (ObjectNode) o;
  }

  static RootException rejected(String why) {
    return new RootException(
        RootException.Kind.CHANGE_CURSOR_REJECTED, "change cursor rejected: " + why);
  }

  private static String what(String kind) {
    return kind.equals("cursor") ? "change cursor" : "change page token";
  }

  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
