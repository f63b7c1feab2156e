package io.omnigraph.engine.load;

import java.util.Optional;

/**
 * A user-caused load failure. The message starts with {@code line N: } (the first offending line of
 * the input, 1-based, counting blank lines), names the type and property, and says what to write
 * instead. A batch that raises this has no effect.
 */
public final class LoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The {@code resource_limit{resource, limit, actual}} details of 10 §4. */
  public record ResourceLimit(String resource, long limit, long actual) {}

  private final LoadCode code;
  private final long line;
  private final transient ResourceLimit resourceLimit;

  LoadException(LoadCode code, long line, String message) {
    this(code, line, message, null);
  }

  private LoadException(LoadCode code, long line, String message, ResourceLimit limit) {
    super("line " + line + ": " + message, null, false, false);
    this.code = code;
    this.line = line;
    this.resourceLimit = limit;
  }

  static LoadException resourceLimit(
      long line, String resource, long limit, long actual, String m) {
    return new LoadException(
        LoadCode.RESOURCE_LIMIT, line, m, new ResourceLimit(resource, limit, actual));
  }

  /** The stable snake_case code, e.g. {@code key_conflict}. */
  public String code() {
    return code.code();
  }

  public LoadCode loadCode() {
    return code;
  }

  /** The 1-based input line the error names. */
  public long line() {
    return line;
  }

  /** Present for {@code resource_limit} errors. */
  public Optional<ResourceLimit> resourceLimit() {
    return Optional.ofNullable(resourceLimit);
  }
}
