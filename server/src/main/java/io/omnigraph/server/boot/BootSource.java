package io.omnigraph.server.boot;

import java.util.Map;

/**
 * Reads the applied revision a server boots from (06 §2 steps 1–2): read-only, no lock, no sweep.
 * Fatal problems throw {@link BootFailure}; graph-level problems quarantine the graph.
 */
public interface BootSource {
  AppliedRevision read(String clusterArg, Map<String, String> env);
}
