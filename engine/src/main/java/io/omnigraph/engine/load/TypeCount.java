package io.omnigraph.engine.load;

/**
 * One entry of the load output's {@code nodes}/{@code edges} lists.
 *
 * @param name the logical type name
 * @param entitiesLoaded staged entities of the type (distinct ids: a merge/overwrite record that
 *     repeats an id counts once)
 */
public record TypeCount(String name, long entitiesLoaded) {}
