package io.omnigraph.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP error outcome with the 06 §8 body: {@code {error, code?, <structured member>?}}. Thrown
 * by handlers and middleware; the dispatcher renders it. Never carries a stack trace to the client.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final String member;
  private final transient JsonNode memberValue;
  private final Map<String, String> headers = new LinkedHashMap<>();

  public ApiError(int status, String code, String message) {
    this(status, code, message, null, null);
  }

  public ApiError(int status, String code, String message, String member, JsonNode memberValue) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.member = member;
    this.memberValue = memberValue;
  }

  public static ApiError badRequest(String message) {
    return new ApiError(400, "bad_request", message);
  }

  public static ApiError unauthorized() {
    return new ApiError(
        401, "unauthorized", "missing or invalid bearer token (Authorization: Bearer <token>)");
  }

  public static ApiError forbidden(String message) {
    return new ApiError(403, "forbidden", message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }

  public static ApiError conflict(String message) {
    return new ApiError(409, "conflict", message);
  }

  public static ApiError internal(String message) {
    return new ApiError(500, "internal", message);
  }

  /** 413 with {@code resource_limit{resource, limit, actual}}. */
  public static ApiError resourceLimit(String resource, long limit, long actual, String message) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("resource", resource).put("limit", limit).put("actual", actual);
    return new ApiError(413, "bad_request", message, "resource_limit", m);
  }

  /** 429 with {@code Retry-After: 60}. */
  public static ApiError tooManyRequests(String message) {
    return new ApiError(429, "too_many_requests", message).header("Retry-After", "60");
  }

  public ApiError header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  /** The closed-enum code, or {@code null} when omitted. */
  public String code() {
    return code;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The 06 §8 body: members other than {@code error} are left out when empty. */
  public ObjectNode body() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("error", getMessage());
    if (code != null) {
      o.put("code", code);
    }
    if (member != null) {
      o.set(member, memberValue);
    }
    return o;
  }
}
