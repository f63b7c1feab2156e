package io.omnigraph.engine.exec.mutate;

import io.omnigraph.engine.load.LoadCode;
import io.omnigraph.engine.load.LoadException;
import java.util.Optional;

/**
 * A mutation broke a rule of the schema or a limit; nothing was written. {@link #code()} is the
 * load pipeline's stable code ({@code key_conflict}, {@code unique_violation}, {@code
 * cardinality_violation}, {@code unknown_endpoint}, {@code missing_property}, {@code
 * type_mismatch}, {@code range_violation}, {@code check_violation}, {@code resource_limit}, …) and
 * {@link #httpStatus()} its HTTP status; the message names the statement ({@code statement 2
 * (insert Knows): …}). Parameter problems are {@link
 * io.omnigraph.engine.exec.QueryExecutionException} ({@code bad_param}) as for reads.
 */
public final class MutationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final LoadCode code;
  private final int statement;
  private final transient LoadException.ResourceLimit limit;

  public MutationException(
      LoadCode code, int statement, String message, LoadException.ResourceLimit limit) {
    super(message, null, false, false);
    this.code = code;
    this.statement = statement;
    this.limit = limit;
  }

  /** The stable snake_case code. */
  public String code() {
    return code.code();
  }

  public LoadCode loadCode() {
    return code;
  }

  public int httpStatus() {
    return code.httpStatus();
  }

  /** The 1-based statement the error comes from (0 when it concerns the whole query). */
  public int statement() {
    return statement;
  }

  /** {@code resource_limit{resource, limit, actual}} for {@code resource_limit} errors. */
  public Optional<LoadException.ResourceLimit> resourceLimit() {
    return Optional.ofNullable(limit);
  }
}
