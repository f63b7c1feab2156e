package io.omnigraph.server.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.exec.QueryExecutionException;
import io.omnigraph.engine.exec.mutate.MutationException;
import io.omnigraph.engine.load.LoadException;
import io.omnigraph.engine.root.MergeConflictsException;
import io.omnigraph.engine.root.RootException;

/**
 * Maps engine failures to the 06 §8 statuses. Anything not recognised becomes a 500 whose message
 * names no path or class (the details go to the server log only).
 */
public final class ErrorMapper {
  private ErrorMapper() {}

  /** The HTTP error for {@code t}; {@link #isInternal} tells whether to log its stack trace. */
  public static ApiError map(Throwable t) {
    return switch (t) {
      case ApiError e -> e;
      case QueryExecutionException e -> query(e);
      case LoadException e -> load(e);
      case MutationException e -> mutation(e);
      case MergeConflictsException e ->
          new ApiError(409, "conflict", e.getMessage(), "merge_conflicts", e.toJson());
      case RootException e -> root(e);
      default -> ApiError.internal("internal server error; see the server log");
    };
  }

  /** Whether {@code t} is an unexpected failure (500) whose stack trace belongs in the log. */
  public static boolean isInternal(Throwable t) {
    return map(t).status() >= 500;
  }

  private static ApiError query(QueryExecutionException e) {
    return switch (e.kind()) {
      case INTERNAL -> ApiError.internal("internal error while executing the query");
      case RESULT_TOO_LARGE -> ApiError.resourceLimit("intermediate_rows", 0, 0, e.getMessage());
      default -> ApiError.badRequest(e.code() + ": " + e.getMessage());
    };
  }

  private static ApiError load(LoadException e) {
    if (e.resourceLimit().isPresent()) {
      LoadException.ResourceLimit r = e.resourceLimit().get();
      return ApiError.resourceLimit(r.resource(), r.limit(), r.actual(), e.getMessage());
    }
    int status = e.loadCode().httpStatus();
    String code = status == 409 ? "conflict" : "bad_request";
    return new ApiError(status, code, e.code() + ": " + e.getMessage());
  }

  private static ApiError mutation(MutationException e) {
    if (e.resourceLimit().isPresent()) {
      LoadException.ResourceLimit r = e.resourceLimit().get();
      return ApiError.resourceLimit(r.resource(), r.limit(), r.actual(), e.getMessage());
    }
    int status = e.httpStatus();
    String code = status == 409 ? "conflict" : status >= 500 ? "internal" : "bad_request";
    return new ApiError(status, code, e.code() + ": " + e.getMessage());
  }

  private static ApiError precondition(RootException e) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    m.put("expected", e.details().get("expected"));
    if (e.details().get("actual") != null) {
      m.put("actual", e.details().get("actual"));
    }
    return new ApiError(412, null, e.getMessage(), "precondition_failure", m);
  }

  /** 410 {@code change_feed_gap} / 409 {@code change_diff_refusal} (06 §8). */
  private static ApiError changes(RootException e) {
    ObjectNode m = JsonNodeFactory.instance.objectNode();
    if (e.kind() == RootException.Kind.CHANGE_FEED_GAP) {
      if (e.details().get("cursor") != null) {
        m.put("cursor", e.details().get("cursor"));
      }
      m.put("first_unreadable_commit_id", e.details().get("first_unreadable_commit_id"));
      return new ApiError(410, null, e.getMessage(), "change_feed_gap", m);
    }
    m.put("reason", e.details().get("reason"));
    m.put("graph_commit_id", e.details().get("graph_commit_id"));
    return new ApiError(409, "conflict", e.getMessage(), "change_diff_refusal", m);
  }

  private static ApiError root(RootException e) {
    if (e.kind() == RootException.Kind.PRECONDITION_FAILED) {
      return precondition(e);
    }
    if (e.kind() == RootException.Kind.CHANGE_FEED_GAP
        || e.kind() == RootException.Kind.CHANGE_DIFF_REFUSED) {
      return changes(e);
    }
    return switch (e.kind()) {
      case BRANCH_NOT_FOUND, COMMIT_NOT_FOUND, SNAPSHOT_NOT_FOUND, NOT_INITIALIZED ->
          ApiError.notFound(e.getMessage());
      case BRANCH_EXISTS,
          BRANCH_HAS_DESCENDANTS,
          PUBLISH_CONFLICT,
          READ_SET_CONFLICT,
          ALREADY_INITIALIZED,
          CLUSTER_MANAGED,
          MERGE_CONFLICTS,
          SCHEMA_APPLY_BLOCKED_BY_BRANCHES,
          SCHEMA_APPLY_IN_PROGRESS ->
          ApiError.conflict(e.getMessage());
      case INVALID_BRANCH_NAME,
          INVALID_SCHEMA,
          UNSUPPORTED,
          UNKNOWN_TYPE,
          SCHEMA_PLAN_UNSUPPORTED,
          INVALID_ARGUMENT,
          CHANGE_CURSOR_REJECTED ->
          ApiError.badRequest(e.getMessage());
      default -> ApiError.internal("internal storage error; see the server log");
    };
  }
}
