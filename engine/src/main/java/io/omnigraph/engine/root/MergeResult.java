package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a branch merge did. {@code outcome} is {@code already_up_to_date}, {@code fast_forward} or
 * {@code merged}; {@code commit} is the two-parent commit of a {@code merged} outcome (null
 * otherwise); {@code manifestVersion} the version published (0 when nothing was published). {@code
 * branchDeleted}/{@code branchDeleteError} report {@code --delete-branch} (null when not asked).
 */
public record MergeResult(
    String source,
    String target,
    String outcome,
    String actorId,
    Commit commit,
    long manifestVersion,
    Boolean branchDeleted,
    String branchDeleteError) {

  MergeResult withDeletion(boolean deleted, String error) {
    return new MergeResult(
        source, target, outcome, actorId, commit, manifestVersion, deleted, error);
  }

  /**
   * {@code {source, target, outcome, actor_id, commit, graph_manifest_version, branch_deleted?,
   * branch_delete_error?}} (the HTTP merge output of 04 §4 plus the commit).
   */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("source", source);
    o.put("target", target);
    o.put("outcome", outcome);
    o.put("actor_id", actorId);
    if (commit == null) {
      o.putNull("commit");
    } else {
      o.set("commit", commit.toJson());
    }
    if (manifestVersion > 0) {
      o.put("graph_manifest_version", manifestVersion);
    }
    if (branchDeleted != null) {
      o.put("branch_deleted", branchDeleted);
      if (branchDeleteError != null) {
        o.put("branch_delete_error", branchDeleteError);
      }
    }
    return o;
  }

  /** {@code merged review into main: fast_forward (manifest v7)}. */
  public String humanLine() {
    return "merged "
        + source
        + " into "
        + target
        + ": "
        + outcome
        + (commit != null ? " (commit " + commit.graphCommitId() + ")" : "")
        + (manifestVersion > 0 ? " (manifest v" + manifestVersion + ")" : "")
        + (Boolean.TRUE.equals(branchDeleted) ? "\ndeleted branch " + source : "");
  }
}
