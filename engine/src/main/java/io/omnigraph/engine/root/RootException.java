package io.omnigraph.engine.root;

import java.util.Map;

/** A graph-root failure with a stable kind (the CLI maps kinds to messages and exit codes). */
public class RootException extends RuntimeException
    implements io.omnigraph.engine.exec.ExternalFailure {
  private static final long serialVersionUID = 1L;

  /** Stable failure kinds. */
  public enum Kind {
    ALREADY_INITIALIZED,
    INITIALIZATION_CLAIMED,
    INITIALIZATION_INDETERMINATE,
    CLUSTER_MANAGED,
    NOT_INITIALIZED,
    BRANCH_NOT_FOUND,
    BRANCH_EXISTS,
    INVALID_BRANCH_NAME,
    BRANCH_HAS_DESCENDANTS,
    COMMIT_NOT_FOUND,
    SNAPSHOT_NOT_FOUND,
    READ_SET_CONFLICT,
    PUBLISH_CONFLICT,
    RECOVERY_REQUIRED,
    DRIFT_NEEDS_REPAIR,
    REFUSED,
    /**
     * A conditional write's expected branch head is not the head (HTTP 412 {@code
     * precondition_failure}; {@link #details()} has {@code branch}, {@code expected}, {@code
     * actual}).
     */
    PRECONDITION_FAILED,
    /**
     * A branch merge found conflicts; thrown as {@link
     * io.omnigraph.engine.root.merge.MergeConflictsException}.
     */
    MERGE_CONFLICTS,
    /** A type name (e.g. of {@code export --type}) is not declared by the schema. */
    UNKNOWN_TYPE,
    CORRUPT,
    INVALID_SCHEMA,
    SCHEMA_PLAN_UNSUPPORTED,
    SCHEMA_APPLY_BLOCKED_BY_BRANCHES,
    SCHEMA_APPLY_IN_PROGRESS,
    UNSUPPORTED,
    /** A bad argument of a read (change filters, limits); HTTP 400. */
    INVALID_ARGUMENT,
    /**
     * A change cursor or page token that cannot be used (HTTP 400 {@code change cursor rejected}).
     */
    CHANGE_CURSOR_REJECTED,
    /**
     * The change feed cannot continue: versions it needs were removed by {@code cleanup} (HTTP 410
     * {@code change_feed_gap}; {@link #details()} has {@code first_unreadable_commit_id} and maybe
     * {@code cursor}).
     */
    CHANGE_FEED_GAP,
    /**
     * A commit diff refused (HTTP 409 {@code change_diff_refusal}; {@link #details()} has {@code
     * reason} = {@code parentless_commit}|{@code schema_boundary} and {@code graph_commit_id}).
     */
    CHANGE_DIFF_REFUSED
  }

  private final Kind kind;
  private final transient Map<String, String> details;

  public RootException(Kind kind, String message) {
    this(kind, message, Map.of());
  }

  /** A failure with structured details (e.g. {@code expected}/{@code actual}). */
  public RootException(Kind kind, String message, Map<String, String> details) {
    super(message);
    this.kind = kind;
    this.details = details;
  }

  public RootException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.details = Map.of();
  }

  /** Structured details of the failure (empty unless the kind documents some). */
  public Map<String, String> details() {
    return details;
  }

  public Kind kind() {
    return kind;
  }
}
