package io.omnigraph.engine.exec;

import java.util.Locale;

/**
 * A read query could not be executed. {@link #code()} is stable (callers map it to HTTP statuses
 * and CLI exit codes); the message names the parameter or property involved and says what to do.
 */
public final class QueryExecutionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The closed set of execution failures. */
  public enum Code {
    /** A parameter is missing, unknown, null where required, or of the wrong JSON type/shape. */
    BAD_PARAM,
    /** A text query needs embedding but the graph has no embedding provider bound. */
    EMBEDDING_PROVIDER_MISSING,
    /** A text query targets a Vector property without an {@code @embed} source. */
    EMBEDDING_SOURCE_MISSING,
    /** The configured embedder uses another model than the one the property pins. */
    EMBEDDING_MODEL_MISMATCH,
    /** The embedder failed or returned an unusable vector. */
    EMBEDDING_FAILED,
    /** The query is a mutation; it belongs to the mutation executor. */
    NOT_A_READ,
    /** The query is a read; {@code mutate} runs mutations only. */
    NOT_A_MUTATION,
    /** An integer {@code sum} left the 64-bit range. */
    NUMERIC_OVERFLOW,
    /** The intermediate result exceeded {@link ExecOptions#maxIntermediateRows()}. */
    RESULT_TOO_LARGE,
    /** A bug: an invariant of the executor did not hold. */
    INTERNAL;

    /** The wire spelling, e.g. {@code bad_param}. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Code kind;

  public QueryExecutionException(Code kind, String message) {
    super(message);
    this.kind = kind;
  }

  public QueryExecutionException(Code kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Code kind() {
    return kind;
  }

  /** The stable wire code, e.g. {@code bad_param} or {@code embedding_provider_missing}. */
  public String code() {
    return kind.wire();
  }

  static QueryExecutionException badParam(String message) {
    return new QueryExecutionException(Code.BAD_PARAM, message);
  }
}
