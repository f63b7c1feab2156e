package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The change feed of one branch (04 §7): the first-parent commits after a position, oldest first,
 * each as a block of its {@link CommitDiff} changes. A poll starts from exactly one of a durable
 * cursor, {@code start=now|beginning|after:<id>} or a page token; its pages are linked by page
 * tokens (bounded by {@code limit} changes per page and {@link ChangeFeedPage#COMMITS_PER_POLL}
 * commits per poll); the terminal page carries the cursor after the last delivered commit and
 * {@code caught_up}. Delivery is at-least-once: a client that loses a page re-polls its cursor. A
 * commit across a schema change is delivered as a block with {@code refusal: "schema_boundary"} and
 * no changes.
 */
final class ChangeFeed {
  /** A poll request; exactly one of {@code cursor}, {@code start}, {@code pageToken}. */
  record Request(
      String branch,
      String cursor,
      String start,
      String pageToken,
      ChangeFilter filter,
      Integer limit) {}

  private final GraphRoot root;

  ChangeFeed(GraphRoot root) {
    this.root = root;
  }

  ChangeFeedPage poll(Request r) {
    int given =
        (r.cursor() == null ? 0 : 1)
            + (r.start() == null ? 0 : 1)
            + (r.pageToken() == null ? 0 : 1);
    if (given != 1) {
      throw new RootException(
          RootException.Kind.INVALID_ARGUMENT,
          "give exactly one of cursor, start (now, beginning or after:<commit id>) and page_token"
              + " (got "
              + given
              + ")");
    }
    int limit = CommitChanges.limit(r.limit());
    CommitIndex index =
        CommitIndex.load(root.store(), root.store().latestManifestVersion().orElseThrow());
    if (r.pageToken() != null) {
      return continuePoll(index, r, limit);
    }
    String branch = r.cursor() != null ? cursorBranch(r) : branch(r.branch());
    List<Commit> chain = index.chain(branch);
    String after;
    if (r.cursor() != null) {
      after =
          afterCommit(
              index, chain, branch, decodeCursor(r.cursor()).get("after").asText(), r.cursor());
    } else if (r.start().equals("now")) {
      return new ChangeFeedPage(List.of(), null, cursor(branch, chain.getLast()), true);
    } else if (r.start().equals("beginning")) {
      Commit first = chain.getFirst();
      if (first.parentCommitId() != null) {
        throw CommitDiff.gap(first, null);
      }
      after = first.graphCommitId(); // genesis creates empty tables: nothing to report
    } else if (r.start().startsWith("after:")) {
      after = afterCommit(index, chain, branch, r.start().substring("after:".length()), null);
    } else {
      throw new RootException(
          RootException.Kind.INVALID_ARGUMENT,
          "start must be now, beginning or after:<commit id> (got '" + r.start() + "')");
    }
    return walk(
        index, chain, branch, r.filter(), limit, after, null, ChangeFeedPage.COMMITS_PER_POLL);
  }

  private ChangeFeedPage continuePoll(CommitIndex index, Request r, int limit) {
    ObjectNode t = ChangeTokens.decode(r.pageToken(), "feed_page");
    String branch = t.path("b").asText();
    if (r.branch() != null && !r.branch().equals(branch)) {
      throw ChangeTokens.rejected(
          "the page token belongs to branch " + branch + ", not " + r.branch());
    }
    if (!t.path("f").asText().equals(r.filter().fingerprint())) {
      throw ChangeTokens.rejected(
          "the page token was issued for other filters; repeat the kind/type/op filters of the"
              + " first page");
    }
    List<Commit> chain = index.chain(branch);
    String after = afterCommit(index, chain, branch, t.path("after").asText(), null);
    CommitDiff.Position pos = CommitDiff.position(t).orElse(null);
    int left = t.path("n").asInt(ChangeFeedPage.COMMITS_PER_POLL);
    return walk(index, chain, branch, r.filter(), limit, after, pos, left);
  }

  private ChangeFeedPage walk(
      CommitIndex index,
      List<Commit> chain,
      String branch,
      ChangeFilter filter,
      int limit,
      String after,
      CommitDiff.Position pos,
      int commitsLeft) {
    int i = indexOf(chain, after) + 1;
    CommitDiff diff = new CommitDiff(root, index);
    List<ObjectNode> blocks = new ArrayList<>();
    int room = limit;
    long bytes = CommitChanges.PAGE_BYTES;
    while (i < chain.size() && commitsLeft > 0) {
      if (room == 0) {
        return new ChangeFeedPage(
            blocks, pageToken(branch, after, null, commitsLeft, filter), null, null);
      }
      Commit c = chain.get(i);
      ObjectNode b = JsonNodeFactory.instance.objectNode();
      b.set("cause", CommitChanges.cause(c));
      CommitDiff.Page page;
      try {
        page = diff.page(c, filter, room, bytes, pos);
      } catch (RootException e) {
        if (e.kind() != RootException.Kind.CHANGE_DIFF_REFUSED) {
          throw e;
        }
        page = new CommitDiff.Page(List.of(), null);
        b.put("refusal", e.details().get("reason"));
      }
      pos = null;
      b.putArray("changes").addAll(page.changes());
      blocks.add(b);
      room -= page.changes().size();
      for (ObjectNode ch : page.changes()) {
        bytes -= ch.toString().length();
      }
      if (page.next() != null) {
        return new ChangeFeedPage(
            blocks, pageToken(branch, after, page.next(), commitsLeft, filter), null, null);
      }
      after = c.graphCommitId();
      commitsLeft--;
      i++;
      if (bytes <= 0 && i < chain.size() && commitsLeft > 0) {
        return new ChangeFeedPage(
            blocks, pageToken(branch, after, null, commitsLeft, filter), null, null);
      }
    }
    return new ChangeFeedPage(blocks, null, cursor(branch, after), i >= chain.size());
  }

  private static int indexOf(List<Commit> chain, String id) {
    for (int i = 0; i < chain.size(); i++) {
      if (chain.get(i).graphCommitId().equals(id)) {
        return i;
      }
    }
    throw new IllegalStateException("checked by afterCommit");
  }

  /**
   * Checks that {@code id} is on the branch's readable first-parent chain; a commit older than the
   * readable history is a gap (410), anything else a rejected cursor (400).
   */
  private static String afterCommit(
      CommitIndex index, List<Commit> chain, String branch, String id, String cursor) {
    for (Commit c : chain) {
      if (c.graphCommitId().equals(id)) {
        return id;
      }
    }
    Commit oldest = chain.getFirst();
    if (oldest.parentCommitId() != null && index.find(id).isEmpty()) {
      throw CommitDiff.gap(oldest, cursor);
    }
    throw ChangeTokens.rejected(
        "commit " + id + " is not on the first-parent history of branch " + branch);
  }

  private String cursorBranch(Request r) {
    String b = decodeCursor(r.cursor()).path("b").asText();
    if (r.branch() != null && !r.branch().equals(b)) {
      throw ChangeTokens.rejected("the cursor belongs to branch " + b + ", not " + r.branch());
    }
    return branch(b);
  }

  private static ObjectNode decodeCursor(String cursor) {
    ObjectNode o = ChangeTokens.decode(cursor, "cursor");
    if (!o.path("b").isTextual() || !o.path("after").isTextual()) {
      throw ChangeTokens.rejected("the cursor names no branch or commit");
    }
    return o;
  }

  /** The branch to read (default main); an unknown one fails later as BRANCH_NOT_FOUND. */
  private static String branch(String b) {
    return b == null ? "main" : b;
  }

  static String cursor(String branch, String after) {
    return ChangeTokens.encode(ChangeTokens.object("cursor").put("b", branch).put("after", after));
  }

  private static String cursor(String branch, Commit after) {
    return cursor(branch, after.graphCommitId());
  }

  private static String pageToken(
      String branch, String after, CommitDiff.Position pos, int left, ChangeFilter filter) {
    ObjectNode o =
        ChangeTokens.object("feed_page")
            .put("b", branch)
            .put("after", after)
            .put("n", left)
            .put("f", filter.fingerprint());
    if (pos != null) {
      o.set("pos", pos.toJson());
    }
    return ChangeTokens.encode(o);
  }
}
