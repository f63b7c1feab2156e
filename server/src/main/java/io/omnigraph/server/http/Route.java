package io.omnigraph.server.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One HTTP route: the single definition both the router and the generated {@code /openapi.json}
 * read.
 *
 * @param method {@code GET}, {@code POST}, {@code DELETE}
 * @param path a template such as {@code /graphs/{graph_id}/queries/{name}}
 * @param operationId the OpenAPI operation id (emitted with the {@code cluster_} prefix)
 * @param summary one line for the OpenAPI document
 * @param action the Cedar action checked, for the document ({@code null} when none)
 * @param authenticated whether a bearer token is required (when tokens are configured)
 * @param bodyLimit the request body limit in bytes (0 = no body)
 * @param requestContentType the request body media type ({@code null} when none)
 * @param responseContentType the 200 response media type
 * @param queryParams the query parameters the route reads
 * @param deprecated whether the route is a deprecated alias
 * @param successor for deprecated routes, the successor path suffix for the {@code Link} header
 * @param conditional whether the route takes (and requires) {@link IfGraphCommit#HEADER}
 * @param requestSchema the JSON Schema of the request body ({@code null}: none or not JSON)
 * @param responseSchema the JSON Schema of the 200 body
 * @param handler the work
 */
public record Route(
    String method,
    String path,
    String operationId,
    String summary,
    String action,
    boolean authenticated,
    long bodyLimit,
    String requestContentType,
    String responseContentType,
    List<String> queryParams,
    boolean deprecated,
    String successor,
    boolean conditional,
    ObjectNode requestSchema,
    ObjectNode responseSchema,
    Handler handler) {

  /** Default body limit (06 §7). */
  public static final long DEFAULT_BODY_LIMIT = 1_048_576L;

  /** Body limit of the load routes (06 §7). */
  public static final long LOAD_BODY_LIMIT = 32L * 1024 * 1024;

  public Route {
    queryParams = List.copyOf(queryParams);
  }

  /** The work of one route. */
  @FunctionalInterface
  public interface Handler {
    void handle(Call call) throws Exception;
  }

  /** Whether the route is admission-gated (06 §7): it may write. */
  public boolean admitted() {
    return action != null
        && (action.contains("change")
            || action.contains("branch_")
            || action.contains("schema_apply"));
  }

  /** Whether the path is under {@code /graphs/{graph_id}/}. */
  public boolean graphScoped() {
    return path.startsWith("/graphs/{graph_id}");
  }

  /** A builder with the common defaults: authenticated, JSON in and out, 1 MiB body limit. */
  public static Builder of(String method, String path, String operationId) {
    return new Builder(method, path, operationId);
  }

  /** Fluent construction. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final String operationId;
    private String summary = "";
    private String action;
    private boolean authenticated = true;
    private long bodyLimit;
    private String requestContentType;
    private String responseContentType = "application/json";
    private List<String> queryParams = List.of();
    private boolean deprecated;
    private String successor;
    private boolean conditional;
    private ObjectNode requestSchema;
    private ObjectNode responseSchema;

    private Builder(String method, String path, String operationId) {
      this.method = method;
      this.path = path;
      this.operationId = operationId;
    }

    public Builder summary(String s) {
      this.summary = s;
      return this;
    }

    public Builder action(String a) {
      this.action = a;
      return this;
    }

    public Builder unauthenticated() {
      this.authenticated = false;
      return this;
    }

    public Builder jsonBody() {
      return body("application/json", DEFAULT_BODY_LIMIT);
    }

    public Builder body(String contentType, long limit) {
      this.requestContentType = contentType;
      this.bodyLimit = limit;
      return this;
    }

    public Builder produces(String contentType) {
      this.responseContentType = contentType;
      return this;
    }

    public Builder query(String... names) {
      this.queryParams = List.of(names);
      return this;
    }

    public Builder deprecatedFor(String successorPath) {
      this.deprecated = true;
      this.successor = successorPath;
      return this;
    }

    /** The route takes the required {@link IfGraphCommit#HEADER} (04 §3). */
    public Builder conditional() {
      this.conditional = true;
      return this;
    }

    /** The request body's JSON Schema (for the OpenAPI document). */
    public Builder request(ObjectNode schema) {
      this.requestSchema = schema;
      return this;
    }

    /** The 200 body's JSON Schema (for the OpenAPI document). */
    public Builder response(ObjectNode schema) {
      this.responseSchema = schema;
      return this;
    }

    public Route to(Handler h) {
      return new Route(
          method,
          path,
          operationId,
          summary,
          action,
          authenticated,
          bodyLimit,
          requestContentType,
          responseContentType,
          queryParams,
          deprecated,
          successor,
          conditional,
          requestSchema,
          responseSchema,
          h);
    }
  }
}
