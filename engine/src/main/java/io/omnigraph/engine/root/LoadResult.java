package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.load.StagedBatch;

/**
 * What a load published: the staged counts and the commit ({@code null} when the batch held no
 * entity, which publishes nothing).
 */
public record LoadResult(
    String branch,
    LoadMode mode,
    StagedBatch batch,
    Commit commit,
    String actorId,
    String baseBranch) {

  public LoadResult(String branch, LoadMode mode, StagedBatch batch, Commit commit, String actor) {
    this(branch, mode, batch, commit, actor, null);
  }

  /** The same result, noting that the load first created its branch from {@code base}. */
  LoadResult createdFrom(String base) {
    return new LoadResult(branch, mode, batch, commit, actorId, base);
  }

  /**
   * The load output of 04 §2: {@code {uri, branch, base_branch, branch_created, mode, nodes, edges,
   * total_entities, actor_id, commit}}.
   */
  public ObjectNode toJson(String uri) {
    ObjectNode counts = batch.summaryJson();
    ObjectNode o = counts.objectNode();
    o.put("uri", uri);
    o.put("branch", branch);
    o.put("base_branch", baseBranch);
    o.put("branch_created", baseBranch != null);
    o.put("mode", mode.wire());
    o.set("nodes", counts.get("nodes"));
    o.set("edges", counts.get("edges"));
    o.set("total_entities", counts.get("total_entities"));
    o.put("actor_id", actorId);
    if (commit == null) {
      o.putNull("commit");
    } else {
      o.set("commit", commit.toJson());
    }
    return o;
  }

  /** {@code loaded <uri> on branch <b> with <mode>: <n> entities across <k> node types and …}. */
  public String humanLine(String uri) {
    return "loaded "
        + uri
        + " on branch "
        + branch
        + " with "
        + mode.wire()
        + ": "
        + batch.totalEntities()
        + " entities across "
        + batch.nodes().size()
        + " node types and "
        + batch.edges().size()
        + " edge types"
        + (baseBranch == null ? "" : "\nbranch " + branch + " created from " + baseBranch);
  }
}
