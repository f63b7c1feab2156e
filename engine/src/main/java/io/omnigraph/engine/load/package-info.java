/**
 * The load pipeline core: strict JSONL graph batches (04 §2) read in a stream, validated against
 * the schema catalog and the current {@link io.omnigraph.engine.graph.GraphSnapshot}, and staged as
 * one {@link io.omnigraph.engine.load.StagedBatch} for a single graph commit. Start at {@link
 * io.omnigraph.engine.load.GraphBatchReader}; errors are {@link
 * io.omnigraph.engine.load.LoadException}s with a stable {@link io.omnigraph.engine.load.LoadCode}.
 * Writing the batch to storage is not done here ({@link io.omnigraph.engine.load.InMemoryCommit}
 * applies it in memory).
 */
package io.omnigraph.engine.load;
