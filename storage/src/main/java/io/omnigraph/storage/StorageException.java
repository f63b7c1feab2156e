package io.omnigraph.storage;

/**
 * A failed object-store operation. {@link #kind()} is stable and is what callers branch on; the
 * message is for people and says what to do about the problem.
 *
 * <p>Only {@link Kind#TRANSIENT} means "the same call may succeed if retried"; whether to retry is
 * the caller's decision (the stores never retry a conditional write on their own, because a lost
 * response makes its outcome unknown).
 */
public final class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Stable failure kinds (spec 10 §4, {@code Storage{kind}}). */
  public enum Kind {
    /** The object (or bucket) does not exist where an operation needs it. */
    NOT_FOUND,
    /** A conditional write lost: the object changed, exists already, or is absent. */
    PRECONDITION_FAILED,
    /** A network or server hiccup; the outcome of a write may be unknown. Retrying may help. */
    TRANSIENT,
    /** Bad URI, environment, credentials or permissions: fix the setup, then retry. */
    CONFIGURATION,
    /** The request can never succeed as issued (invalid key, key/directory clash, ...). */
    PERMANENT,
    /** Anything not classified above (an unexpected I/O error, say). */
    UNKNOWN
  }

  private final Kind kind;

  public StorageException(Kind kind, String message) {
    this(kind, message, null);
  }

  public StorageException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** True only for {@link Kind#TRANSIENT}. */
  public boolean isTransient() {
    return kind == Kind.TRANSIENT;
  }

  /** True for {@link Kind#PRECONDITION_FAILED}. */
  public boolean isPreconditionFailed() {
    return kind == Kind.PRECONDITION_FAILED;
  }

  @Override
  public String toString() {
    return "StorageException[" + kind + "]: " + getMessage();
  }
}
