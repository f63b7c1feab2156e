package io.omnigraph.engine.exec;

/**
 * Marks an exception that is not the executor's fault (for example a snapshot whose data can no
 * longer be read): {@link QueryExecutor} rethrows it unchanged instead of reporting an internal
 * error, so callers can tell the user what happened and what to do.
 */
public interface ExternalFailure {}
