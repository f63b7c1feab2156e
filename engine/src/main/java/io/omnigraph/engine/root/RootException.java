package io.omnigraph.engine.root;

/** A graph-root failure with a stable kind (the CLI maps kinds to messages and exit codes). */
public final class RootException extends RuntimeException {
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
    CORRUPT,
    INVALID_SCHEMA,
    SCHEMA_PLAN_UNSUPPORTED,
    SCHEMA_APPLY_BLOCKED_BY_BRANCHES,
    SCHEMA_APPLY_IN_PROGRESS,
    UNSUPPORTED
  }

  private final Kind kind;

  public RootException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public RootException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
