package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One graph commit (04 §5): what a publish appends. {@code createdAtMicros} is Unix epoch
 * microseconds.
 */
public record Commit(
    String graphCommitId,
    String graphBranch,
    long graphManifestVersion,
    String parentCommitId,
    String mergedParentCommitId,
    String actorId,
    long createdAtMicros) {

  /** The wire shape shared by the manifest and the load output. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("graph_commit_id", graphCommitId);
    o.put("graph_branch", graphBranch);
    o.put("graph_manifest_version", graphManifestVersion);
    o.put("parent_commit_id", parentCommitId);
    o.put("merged_parent_commit_id", mergedParentCommitId);
    o.put("actor_id", actorId);
    o.put("created_at", createdAtMicros);
    return o;
  }

  static Commit fromJson(JsonNode o) {
    return new Commit(
        text(o, "graph_commit_id"),
        text(o, "graph_branch"),
        o.path("graph_manifest_version").asLong(),
        text(o, "parent_commit_id"),
        text(o, "merged_parent_commit_id"),
        text(o, "actor_id"),
        o.path("created_at").asLong());
  }

  static String text(JsonNode o, String field) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
