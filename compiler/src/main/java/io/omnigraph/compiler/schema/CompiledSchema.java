package io.omnigraph.compiler.schema;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A schema that compiled without errors: its source, catalog, canonical IR and digest.
 *
 * @param source the {@code .pg} text as given
 * @param catalog the resolved catalog
 * @param ir the canonical IR ({@link SchemaIr})
 * @param digest SHA-256 (lowercase hex) of the canonical IR
 */
public record CompiledSchema(String source, Catalog catalog, ObjectNode ir, String digest) {}
