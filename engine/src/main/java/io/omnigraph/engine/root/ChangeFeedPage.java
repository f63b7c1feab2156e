package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of the change feed (04 §7): blocks (one per first-parent commit, each {@code {cause,
 * changes[], refusal?}}), and either {@code next_page_token} (more of this poll) or, on the
 * terminal page, the durable {@code cursor} and {@code caught_up}.
 */
public record ChangeFeedPage(
    List<ObjectNode> blocks, String nextPageToken, String cursor, Boolean caughtUp) {
  /** Default commits per poll (10 §2). */
  public static final int COMMITS_PER_POLL = 128;

  /**
   * The branch a feed cursor or page token belongs to (exactly one non-null), so a server can
   * authorize it before polling; a token that does not decode is {@code CHANGE_CURSOR_REJECTED}.
   */
  public static String tokenBranch(String cursor, String pageToken) {
    ObjectNode o =
        cursor != null
            ? ChangeTokens.decode(cursor, "cursor")
            : ChangeTokens.decode(pageToken, "feed_page");
    if (!o.path("b").isTextual()) {
      throw ChangeTokens.rejected("the token names no branch");
    }
    return o.get("b").asText();
  }

  /** {@code {blocks[], next_page_token?, cursor?, caught_up?}}. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.putArray("blocks").addAll(blocks);
    if (nextPageToken != null) {
      o.put("next_page_token", nextPageToken);
    }
    if (cursor != null) {
      o.put("cursor", cursor);
    }
    if (caughtUp != null) {
      o.put("caught_up", caughtUp);
    }
    return o;
  }
}
