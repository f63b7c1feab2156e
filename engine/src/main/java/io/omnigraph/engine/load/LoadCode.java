package io.omnigraph.engine.load;

/**
 * Stable codes of load errors. Clients switch on {@link #code()} (never on messages); the HTTP
 * layer maps them with {@link #httpStatus()}.
 */
public enum LoadCode {
  /** A line is not one JSON object, or its envelope breaks a rule of 04 §2. */
  BAD_RECORD("bad_record", 400),
  /** A JSON object repeats a member name. */
  DUPLICATE_MEMBER("duplicate_member", 400),
  /** {@code type}/{@code edge} names no declared node/edge type. */
  UNKNOWN_TYPE("unknown_type", 400),
  /** {@code data} names a property the type does not declare. */
  UNKNOWN_PROPERTY("unknown_property", 400),
  /** A value does not fit its declared type (including enum sets and vector dimensions). */
  TYPE_MISMATCH("type_mismatch", 400),
  /** A non-nullable property is absent or explicitly null. */
  MISSING_PROPERTY("missing_property", 400),
  /** A non-nullable {@code @embed} vector is absent and no embedder is bound. */
  MISSING_EMBEDDING("missing_embedding", 400),
  /** The embedder failed or returned vectors of the wrong dimension. */
  EMBEDDING_FAILED("embedding_failed", 400),
  /** A supplied {@code data.id} of a keyed node differs from the id its key derives. */
  ID_MISMATCH("id_mismatch", 400),
  /** Append of an id that exists (in the graph or earlier in the batch). */
  KEY_CONFLICT("key_conflict", 409),
  /** Two entities of a type would share the values of a {@code @unique} group. */
  UNIQUE_VIOLATION("unique_violation", 400),
  /** A numeric value lies outside its {@code @range}. */
  RANGE_VIOLATION("range_violation", 400),
  /** A string does not fully match its {@code @check} pattern. */
  CHECK_VIOLATION("check_violation", 400),
  /** A source node would have fewer or more edges than the edge type's {@code @card}. */
  CARDINALITY_VIOLATION("cardinality_violation", 400),
  /** An edge {@code from}/{@code to} is no id of the declared endpoint type. */
  UNKNOWN_ENDPOINT("unknown_endpoint", 400),
  /** Overwrite would remove nodes that untouched edges still point to. */
  DANGLING_EDGE("dangling_edge", 400),
  /** A size limit of 10 §2 was exceeded; see {@link LoadException#resourceLimit()}. */
  RESOURCE_LIMIT("resource_limit", 413);

  private final String code;
  private final int httpStatus;

  LoadCode(String code, int httpStatus) {
    this.code = code;
    this.httpStatus = httpStatus;
  }

  /** The snake_case wire code. */
  public String code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
