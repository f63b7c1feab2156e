package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a mutation did: the affected counts of 03 §5 and the commit it published ({@code null} when
 * it changed nothing, which publishes nothing).
 */
public record MutationResult(
    String branch,
    String queryName,
    int affectedNodes,
    int affectedEdges,
    String actorId,
    Commit commit) {

  /**
   * The mutate output (06 §5, 08 §6): {@code {branch, query_name, affected_nodes, affected_edges,
   * actor_id, commit}}.
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("branch", branch);
    o.put("query_name", queryName);
    o.put("affected_nodes", affectedNodes);
    o.put("affected_edges", affectedEdges);
    o.put("actor_id", actorId);
    if (commit == null) {
      o.putNull("commit");
    } else {
      o.set("commit", commit.toJson());
    }
    return o;
  }

  /** {@code mutated <q> on branch <b>: <n> nodes, <m> edges affected (commit <id>)}. */
  public String humanLine() {
    return "mutated "
        + queryName
        + " on branch "
        + branch
        + ": "
        + affectedNodes
        + (affectedNodes == 1 ? " node, " : " nodes, ")
        + affectedEdges
        + (affectedEdges == 1 ? " edge" : " edges")
        + " affected"
        + (commit == null
            ? " (nothing changed, no commit)"
            : " (commit "
                + commit.graphCommitId()
                + ", manifest v"
                + commit.graphManifestVersion()
                + ")");
  }
}
