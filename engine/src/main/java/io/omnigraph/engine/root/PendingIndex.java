package io.omnigraph.engine.root;

/** A declared index that {@code optimize} could not build (yet), with the reason. */
public record PendingIndex(String property, String reason) {}
