package io.omnigraph.engine.change;

import io.omnigraph.engine.load.LoadCode;
import io.omnigraph.engine.load.LoadException;
import java.util.Optional;

/**
 * A {@link ChangeSet} breaks a rule of the schema (the load validators' codes: {@code
 * unique_violation}, {@code cardinality_violation}, {@code unknown_endpoint}, value rules, …).
 * {@link #origin()} is the {@link Upsert#origin()} of the offending row (or of the deletion that
 * caused it); {@link #entityKind()}/{@link #typeName()}/{@link #entityId()} name the entity when
 * known. Callers turn it into their own error (mutations) or conflict (merges).
 */
public final class ChangeRejected extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final LoadCode code;
  private final int origin;
  private final String entityKind;
  private final String typeName;
  private final String entityId;
  private final transient LoadException.ResourceLimit limit;

  public ChangeRejected(
      LoadCode code,
      int origin,
      String entityKind,
      String typeName,
      String entityId,
      String message,
      LoadException.ResourceLimit limit) {
    super(message, null, false, false);
    this.code = code;
    this.origin = origin;
    this.entityKind = entityKind;
    this.typeName = typeName;
    this.entityId = entityId;
    this.limit = limit;
  }

  public LoadCode loadCode() {
    return code;
  }

  public int origin() {
    return origin;
  }

  public String entityKind() {
    return entityKind;
  }

  public String typeName() {
    return typeName;
  }

  public String entityId() {
    return entityId;
  }

  public Optional<LoadException.ResourceLimit> resourceLimit() {
    return Optional.ofNullable(limit);
  }
}
