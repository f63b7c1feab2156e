package io.omnigraph.engine.change;

import java.util.Map;

/**
 * One entity written whole (insert or replacement): its full row, property-typed runtime values
 * ({@link io.omnigraph.engine.graph.Values}; a left-out property is null). {@code id} is null for
 * keyed nodes (derived from the key); edges carry their endpoint ids. {@code origin} tells the
 * caller which statement or merge entry produced the row (error messages and conflicts name it).
 */
public record Upsert(
    boolean edge,
    String type,
    String id,
    String from,
    String to,
    Map<String, Object> values,
    int origin) {}
