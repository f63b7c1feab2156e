package io.omnigraph.server.api;

import static io.omnigraph.server.http.Schema.array;
import static io.omnigraph.server.http.Schema.bool;
import static io.omnigraph.server.http.Schema.integer;
import static io.omnigraph.server.http.Schema.oneOf;
import static io.omnigraph.server.http.Schema.str;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.root.ChangeFeedPage;
import io.omnigraph.engine.root.ChangeFilter;
import io.omnigraph.policy.PolicyAction;
import io.omnigraph.server.http.ApiError;
import io.omnigraph.server.http.Bodies;
import io.omnigraph.server.http.Call;
import io.omnigraph.server.http.Route;
import io.omnigraph.server.http.Schema;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/** The change feed (04 §7, 06 §6): one commit's changes and the per-branch feed. */
final class ChangeRoutes {
  private static final String G = ReadRoutes.G;

  private ChangeRoutes() {}

  static List<Route> routes() {
    return List.of(
        Route.of("GET", G + "/commits/{commit_id}/changes", "commit_changes")
            .summary("The entity changes of one commit versus its first parent")
            .action("read")
            .query("page_token", "limit", "kind", "type", "op")
            .response(commitChanges())
            .to(ChangeRoutes::commitChanges),
        Route.of("GET", G + "/changes", "changes_poll")
            .summary("Poll the change feed of a branch (first-parent commit blocks)")
            .action("read")
            .query("branch", "cursor", "start", "page_token", "limit", "kind", "type", "op")
            .response(feedPage())
            .to(ChangeRoutes::poll),
        Route.of("POST", G + "/changes/baseline", "changes_baseline")
            .summary("A branch's entities as NDJSON, then a final record with the resume cursor")
            .action("export")
            .jsonBody()
            .produces("application/x-ndjson")
            .request(
                Schema.object()
                    .opt("branch", str())
                    .opt("kind", array(oneOf("node", "edge")))
                    .opt("type", array(str()))
                    .opt("op", array(oneOf("insert", "update", "delete")))
                    .json())
            .response(
                str(
                    "NDJSON: entities in the load envelope, then"
                        + " {\"baseline\":{snapshot_commit_id, resume_cursor}}"))
            .to(ChangeRoutes::baseline));
  }

  /**
   * One commit's changes. As for {@code GET /commits/{id}}, the policy decides on the commit's
   * authored branch first: an unknown id and a commit the actor may not read give the same 404.
   */
  private static void commitChanges(Call c) throws Exception {
    String id = c.pathParam("commit_id");
    ReadRoutes.readableCommit(c, id);
    c.ok(c.graph().root().commitChanges(id, filter(c), limit(c), c.query("page_token")).toJson());
  }

  private static void poll(Call c) throws Exception {
    String cursor = c.query("cursor");
    String token = c.query("page_token");
    String branch = c.query("branch");
    String read = branch;
    if (read == null) {
      read =
          (cursor == null) != (token == null) ? ChangeFeedPage.tokenBranch(cursor, token) : "main";
    }
    c.authorize(PolicyAction.READ, read, null);
    ChangeFeedPage p =
        c.graph().root().pollChanges(branch, cursor, c.query("start"), token, filter(c), limit(c));
    c.ok(p.toJson());
  }

  /**
   * {@code POST /changes/baseline}: authorization, filter and branch checks finish before the 200;
   * a later storage failure truncates the stream (no final {@code baseline} record).
   */
  private static void baseline(Call c) throws Exception {
    ObjectNode body = c.jsonBody(true);
    Bodies.only(body, Set.of("branch", "kind", "type", "op"));
    String branch = ReadRoutes.branchOr(Bodies.string(body, "branch"));
    c.authorize(PolicyAction.EXPORT, branch, null);
    ChangeFilter filter =
        ChangeFilter.of(
            Bodies.strings(body, "kind"), Bodies.strings(body, "type"), Bodies.strings(body, "op"));
    var catalog = c.graph().root().catalog();
    for (String t : filter.types()) {
      if (catalog.node(t).isEmpty() && catalog.edge(t).isEmpty()) {
        throw ApiError.badRequest("type: '" + t + "' is not a node or edge type");
      }
    }
    if (!c.graph().root().listBranches().contains(branch)) {
      throw ApiError.notFound("branch '" + branch + "' does not exist");
    }
    c.ctx().status(200).contentType("application/x-ndjson");
    try (OutputStream out = c.ctx().outputStream()) {
      c.graph().root().changesBaseline(out, branch, filter);
    }
  }

  private static ChangeFilter filter(Call c) {
    return ChangeFilter.of(
        c.ctx().queryParams("kind"), c.ctx().queryParams("type"), c.ctx().queryParams("op"));
  }

  private static Integer limit(Call c) {
    String l = c.query("limit");
    if (l == null) {
      return null;
    }
    try {
      return Integer.parseInt(l);
    } catch (NumberFormatException e) {
      throw ApiError.badRequest("limit must be an integer (got '" + l + "')");
    }
  }

  static ObjectNode cause() {
    return Schema.object()
        .req("graph_commit_id", str())
        .opt("parent_commit_id", str())
        .opt("merged_parent_commit_id", str())
        .req("authored_branch", str())
        .opt("actor_id", str())
        .req("authored_at", integer())
        .json();
  }

  static ObjectNode change() {
    return Schema.object()
        .req("kind", oneOf("node", "edge"))
        .req(
            "type",
            Schema.object()
                .req(
                    "id",
                    str("stable table id and incarnation: <table_id:016x>-<incarnation:016x>"))
                .req("name", str())
                .json())
        .req("id", str())
        .req("op", oneOf("insert", "update", "delete"))
        .opt("before", entity())
        .opt("after", entity())
        .json();
  }

  private static ObjectNode entity() {
    return Schema.object()
        .describe("the load envelope body: {from?, to?, data:{id, properties…}}")
        .opt("from", str())
        .opt("to", str())
        .req("data", Schema.anyObject("id and the non-null properties"))
        .json();
  }

  static ObjectNode commitChanges() {
    return Schema.object()
        .req("cause", cause())
        .req("changes", array(change()))
        .opt("next_page_token", str())
        .json();
  }

  static ObjectNode feedPage() {
    ObjectNode block =
        Schema.object()
            .req("cause", cause())
            .req("changes", array(change()))
            .opt("refusal", oneOf("schema_boundary"))
            .json();
    return Schema.object()
        .req("blocks", array(block))
        .opt("next_page_token", str())
        .opt("cursor", str("durable; only on the terminal page of a poll"))
        .opt("caught_up", bool())
        .json();
  }
}
