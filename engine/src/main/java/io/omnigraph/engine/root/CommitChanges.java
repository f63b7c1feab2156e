package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a commit's entity changes versus its first parent (04 §7): the {@code cause} (the
 * commit), the changes in the frozen order and, when more remain, an opaque {@code
 * next_page_token}.
 *
 * @param changes each {@code {kind, type:{id,name}, id, op, before?, after?}}
 */
public record CommitChanges(Commit cause, List<ObjectNode> changes, String nextPageToken) {
  /** Default changes per page (10 §2). */
  public static final int DEFAULT_LIMIT = 1_000;

  /** Maximum changes per page (10 §2). */
  public static final int MAX_LIMIT = 8_192;

  /** Default page size in bytes of change JSON (10 §2); a page always holds one change. */
  public static final long PAGE_BYTES = 4L * 1024 * 1024;

  /** {@code {cause, changes[], next_page_token?}}. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.set("cause", cause(cause));
    o.putArray("changes").addAll(changes);
    if (nextPageToken != null) {
      o.put("next_page_token", nextPageToken);
    }
    return o;
  }

  /**
   * {@code {graph_commit_id, parent_commit_id?, merged_parent_commit_id?, authored_branch,
   * actor_id?, authored_at}} ({@code authored_at} in µs).
   */
  public static ObjectNode cause(Commit c) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("graph_commit_id", c.graphCommitId());
    if (c.parentCommitId() != null) {
      o.put("parent_commit_id", c.parentCommitId());
    }
    if (c.mergedParentCommitId() != null) {
      o.put("merged_parent_commit_id", c.mergedParentCommitId());
    }
    o.put("authored_branch", c.graphBranch());
    if (c.actorId() != null) {
      o.put("actor_id", c.actorId());
    }
    o.put("authored_at", c.createdAtMicros());
    return o;
  }

  /** Checks a requested page size: {@code null} = default, else 1..{@link #MAX_LIMIT}. */
  public static int limit(Integer requested) {
    if (requested == null) {
      return DEFAULT_LIMIT;
    }
    if (requested < 1 || requested > MAX_LIMIT) {
      throw new RootException(
          RootException.Kind.INVALID_ARGUMENT,
          "limit must be between 1 and " + MAX_LIMIT + " (got " + requested + ")");
    }
    return requested;
  }
}
