package io.omnigraph.compiler.query.ir;

/**
 * One ordering key with its effective direction. When no direction is written, keys sort ascending,
 * except {@code bm25(…)} and {@code rrf(…)} scores, which sort descending (best first); {@code
 * nearest(…)} always sorts ascending (closest first). NULLs sort first ascending and last
 * descending. After the user keys the executor breaks ties by the ids of the bound entities.
 */
public record OrderKey(IrExpr expr, boolean descending) {}
