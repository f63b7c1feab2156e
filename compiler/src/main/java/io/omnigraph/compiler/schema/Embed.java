package io.omnigraph.compiler.schema;

/**
 * The {@code @embed("source", model="m")} link of a Vector property to its text source.
 *
 * @param source the String property whose text is embedded
 * @param model the pinned embedding model, or {@code null}
 */
public record Embed(String source, String model) {}
