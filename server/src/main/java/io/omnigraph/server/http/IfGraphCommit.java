package io.omnigraph.server.http;

import io.javalin.http.Context;

/**
 * The conditional-write header {@code Omnigraph-If-Graph-Commit} (04 §3) [UP]. Only the routes
 * built with {@link Route.Builder#conditional()} take it, and there it is required: one bare graph
 * commit id. {@code *}, lists, quoted and weak ({@code W/"…"}) tags are a 400, as is the header on
 * any other route.
 */
public final class IfGraphCommit {
  /** The header name. */
  public static final String HEADER = "Omnigraph-If-Graph-Commit";

  private IfGraphCommit() {}

  /** The expected head commit of a conditional route; {@code null} on ordinary routes. */
  static String parse(Context ctx, Route route) {
    String v = ctx.header(HEADER);
    if (!route.conditional()) {
      if (v != null) {
        throw ApiError.badRequest(
            "header "
                + HEADER
                + " is only accepted by the conditional routes (…/mutate/if-graph-commit,"
                + " …/queries/{name}/if-graph-commit); drop it or use one of those");
      }
      return null;
    }
    if (v == null || v.isBlank()) {
      throw ApiError.badRequest(
          "header " + HEADER + " (the expected head commit id of the branch) is required");
    }
    String s = v.strip();
    String bad = shape(s);
    if (bad != null) {
      throw ApiError.badRequest(
          "header "
              + HEADER
              + " must be one bare graph commit id (as returned in graph_commit_id), not "
              + bad);
    }
    return s;
  }

  private static String shape(String s) {
    if (s.equals("*")) {
      return "'*'";
    }
    if (s.contains(",")) {
      return "a list";
    }
    if (s.startsWith("W/") || s.startsWith("w/")) {
      return "a weak tag";
    }
    if (s.contains("\"")) {
      return "a quoted tag";
    }
    if (s.chars().anyMatch(Character::isWhitespace)) {
      return "a value with spaces";
    }
    return null;
  }
}
