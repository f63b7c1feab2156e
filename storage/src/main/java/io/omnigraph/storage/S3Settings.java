package io.omnigraph.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * S3 connection settings read from the standard AWS environment (never from cluster.yaml):
 *
 * <ul>
 *   <li>{@code AWS_ENDPOINT_URL_S3}, else {@code AWS_ENDPOINT_URL}: a custom endpoint (MinIO,
 *       RustFS, S3Proxy...); absent means AWS itself.
 *   <li>{@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}; {@code us-east-1} when an endpoint is
 *       set and neither is.
 *   <li>{@code AWS_ACCESS_KEY_ID} + {@code AWS_SECRET_ACCESS_KEY} (+ {@code AWS_SESSION_TOKEN}):
 *       static credentials; absent means the SDK's default chain (profiles, instance/task roles).
 *   <li>{@code AWS_ALLOW_HTTP=true}: required for a plain {@code http://} endpoint.
 *   <li>{@code AWS_S3_FORCE_PATH_STYLE}: path-style addressing; defaults to true when a custom
 *       endpoint is set (as Lance does), false for AWS (virtual-hosted).
 * </ul>
 *
 * Invalid combinations fail with {@link StorageException.Kind#CONFIGURATION} naming the variable.
 */
public final class S3Settings {
  static final String DEFAULT_ENDPOINT_REGION = "us-east-1";

  private final URI endpoint;
  private final String endpointVariable;
  private final String region;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final String sessionToken;
  private final boolean allowHttp;
  private final boolean pathStyle;

  private S3Settings(Map<String, String> env) {
    this.endpointVariable = firstSet(env, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
    this.allowHttp = flag(env, "AWS_ALLOW_HTTP", false);
    this.endpoint = endpointVariable == null ? null : endpoint(env.get(endpointVariable).strip());
    String regionVariable = firstSet(env, "AWS_REGION", "AWS_DEFAULT_REGION");
    this.region =
        regionVariable != null
            ? env.get(regionVariable).strip()
            : endpoint != null ? DEFAULT_ENDPOINT_REGION : null;
    this.accessKeyId = value(env, "AWS_ACCESS_KEY_ID");
    this.secretAccessKey = value(env, "AWS_SECRET_ACCESS_KEY");
    this.sessionToken = value(env, "AWS_SESSION_TOKEN");
    this.pathStyle = flag(env, "AWS_S3_FORCE_PATH_STYLE", endpoint != null);
    checkCredentials();
  }

  /** Reads and validates the settings from {@code env} (e.g. {@code System.getenv()}). */
  public static S3Settings fromEnv(Map<String, String> env) {
    return new S3Settings(env);
  }

  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** Empty when neither AWS_REGION nor an endpoint is set (the SDK's region chain decides). */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  public Optional<String> accessKeyId() {
    return Optional.ofNullable(accessKeyId);
  }

  public Optional<String> secretAccessKey() {
    return Optional.ofNullable(secretAccessKey);
  }

  public Optional<String> sessionToken() {
    return Optional.ofNullable(sessionToken);
  }

  /** True when static keys came from the environment. */
  public boolean hasStaticCredentials() {
    return accessKeyId != null;
  }

  public boolean allowHttp() {
    return allowHttp;
  }

  public boolean pathStyle() {
    return pathStyle;
  }

  /**
   * The storage options Lance (Rust object_store) needs to reach the same storage: {@code
   * aws_region}, {@code aws_endpoint}, {@code aws_access_key_id}, {@code aws_secret_access_key},
   * {@code aws_session_token} (each only when known), {@code allow_http} and {@code
   * aws_virtual_hosted_style_request}. Sorted by name. Contains secrets: never log it.
   */
  public Map<String, String> lanceStorageOptions() {
    Map<String, String> options = new TreeMap<>();
    putIfKnown(options, "aws_region", region);
    putIfKnown(options, "aws_endpoint", endpoint == null ? null : endpoint.toString());
    putIfKnown(options, "aws_access_key_id", accessKeyId);
    putIfKnown(options, "aws_secret_access_key", secretAccessKey);
    putIfKnown(options, "aws_session_token", sessionToken);
    options.put("allow_http", Boolean.toString(allowHttp));
    options.put("aws_virtual_hosted_style_request", Boolean.toString(!pathStyle));
    return options;
  }

  /** Human-readable, without secrets. */
  @Override
  public String toString() {
    return (endpoint == null ? "AWS S3" : "endpoint " + endpoint)
        + ", region "
        + (region == null ? "(SDK default)" : region)
        + (pathStyle ? ", path-style" : ", virtual-hosted")
        + (hasStaticCredentials() ? ", static credentials" : ", default credential chain");
  }

  private URI endpoint(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw config(
          endpointVariable + "='" + text + "' is not a URL; use e.g. http://127.0.0.1:9000");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw config(
          endpointVariable + "='" + text + "' must be an http:// or https:// URL with a host");
    }
    if (scheme.equals("http") && !allowHttp) {
      throw config(
          endpointVariable
              + "='"
              + text
              + "' is plain HTTP; set AWS_ALLOW_HTTP=true to allow it"
              + " (local development only) or use https://");
    }
    return uri;
  }

  private void checkCredentials() {
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      String missing = accessKeyId == null ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY";
      throw config(
          "incomplete S3 credentials: "
              + missing
              + " is not set; set both AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY, or neither to use the default credential chain");
    }
    if (sessionToken != null && accessKeyId == null) {
      throw config(
          "AWS_SESSION_TOKEN is set without AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY;"
              + " temporary credentials need all three");
    }
  }

  private static String firstSet(Map<String, String> env, String... names) {
    for (String name : names) {
      if (value(env, name) != null) {
        return name;
      }
    }
    return null;
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static boolean flag(Map<String, String> env, String name, boolean fallback) {
    String v = value(env, name);
    if (v == null) {
      return fallback;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> throw config(name + "='" + v + "' is not a boolean; use true or false");
    };
  }

  private static void putIfKnown(Map<String, String> options, String name, String value) {
    if (value != null) {
      options.put(name, value);
    }
  }

  private static StorageException config(String message) {
    return new StorageException(StorageException.Kind.CONFIGURATION, message);
  }
}
