package io.omnigraph.server.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.LoadResult;
import io.omnigraph.policy.PolicyAction;
import io.omnigraph.server.http.ApiError;
import io.omnigraph.server.http.Bodies;
import io.omnigraph.server.http.Call;
import io.omnigraph.server.http.Route;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Per-graph write routes: load, branch create/delete, mutate (06 §6). All admission-gated. */
final class WriteRoutes {
  private static final String G = ReadRoutes.G;
  private static final Set<String> LOAD_FIELDS = Set.of("branch", "from", "mode", "data");
  private static final Set<String> MUTATE_FIELDS =
      Set.of("query", "name", "params", "branch", "query_source", "query_name");

  private WriteRoutes() {}

  static List<Route> routes(MutationRunner mutations) {
    return List.of(
        Route.of("POST", G + "/load/ndjson", "load_ndjson")
            .summary("Load a raw NDJSON graph batch as one commit")
            .action("change (+ branch_create when forking)")
            .body("application/x-ndjson", Route.LOAD_BODY_LIMIT)
            .query("branch", "from", "mode")
            .response(Shapes.loadResult())
            .to(WriteRoutes::loadNdjson),
        Route.of("POST", G + "/load", "load")
            .summary("Load an NDJSON graph batch carried in a JSON body")
            .action("change (+ branch_create when forking)")
            .body("application/json", Route.LOAD_BODY_LIMIT)
            .request(Shapes.load())
            .response(Shapes.loadResult())
            .to(c -> loadJson(c, true)),
        Route.of("POST", G + "/ingest", "ingest")
            .summary("Deprecated alias of /load")
            .action("change (+ branch_create when forking)")
            .body("application/json", Route.LOAD_BODY_LIMIT)
            .deprecatedFor("load")
            .request(Shapes.load())
            .response(Shapes.loadResult())
            .to(c -> loadJson(c, true)),
        Route.of("POST", G + "/branches", "branch_create")
            .summary("Create a branch")
            .action("branch_create")
            .jsonBody()
            .request(Shapes.branchCreate())
            .response(Shapes.branchCreated())
            .to(WriteRoutes::branchCreate),
        Route.of("DELETE", G + "/branches/{branch}", "branch_delete")
            .summary("Delete a branch")
            .action("branch_delete")
            .response(Shapes.branchDeleted())
            .to(WriteRoutes::branchDelete),
        Route.of("POST", G + "/mutate", "mutate")
            .summary("Run an inline mutation on a branch")
            .action("change")
            .jsonBody()
            .request(Shapes.mutate())
            .response(Shapes.mutationEnvelope())
            .to(c -> mutate(c, mutations)),
        Route.of("POST", G + "/mutate/if-graph-commit", "mutate_if_graph_commit")
            .summary("Run an inline mutation only while the branch head is the given commit")
            .action("change")
            .jsonBody()
            .conditional()
            .request(Shapes.mutate())
            .response(Shapes.mutationEnvelope())
            .to(c -> mutate(c, mutations)),
        Route.of("POST", G + "/change", "change")
            .summary("Deprecated alias of /mutate")
            .action("change")
            .jsonBody()
            .deprecatedFor("mutate")
            .request(Shapes.mutate())
            .response(Shapes.mutationEnvelope())
            .to(c -> mutate(c, mutations)));
  }

  private static void loadNdjson(Call c) throws Exception {
    String type = c.ctx().contentType();
    if (type == null || !type.toLowerCase().startsWith("application/x-ndjson")) {
      throw new ApiError(
          415,
          "bad_request",
          "POST /load/ndjson takes Content-Type: application/x-ndjson (got "
              + (type == null ? "none" : type)
              + ")");
    }
    Load l = new Load(c.query("branch"), c.query("from"), c.query("mode"));
    l.authorize(c);
    c.admit();
    ObjectNode out = l.run(c, c.rawBody());
    out.remove("uri");
    c.ok(out);
  }

  private static void loadJson(Call c, boolean withUri) throws Exception {
    ObjectNode body = c.jsonBody(false);
    Bodies.only(body, LOAD_FIELDS);
    String data = Bodies.requiredString(body, "data");
    Load l =
        new Load(
            Bodies.string(body, "branch"),
            Bodies.string(body, "from"),
            Bodies.string(body, "mode"));
    l.authorize(c);
    c.admit();
    ObjectNode out = l.run(c, data.getBytes(StandardCharsets.UTF_8));
    if (!withUri) {
      out.remove("uri");
    }
    c.ok(out);
  }

  /** One load request: target branch, optional fork source, mode (default merge). */
  private record Load(String branch, String from, LoadMode mode) {
    Load(String branch, String from, String mode) {
      this(ReadRoutes.branchOr(branch), from, parseMode(mode));
    }

    private static LoadMode parseMode(String mode) {
      try {
        return mode == null ? LoadMode.MERGE : LoadMode.parse(mode);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest("mode: " + e.getMessage());
      }
    }

    boolean forks(Call c) {
      return from != null && !c.graph().root().listBranches().contains(branch);
    }

    /**
     * {@code change} is decided first, before the branch's existence is looked at, so an actor
     * without it learns nothing about which branches exist; {@code branch_create} follows when the
     * load forks.
     */
    void authorize(Call c) {
      c.authorize(PolicyAction.CHANGE, branch, null);
      if (forks(c)) {
        c.authorize(PolicyAction.BRANCH_CREATE, from, branch);
      }
    }

    ObjectNode run(Call c, byte[] data) throws Exception {
      LoadResult r =
          c.graph().root().load(new ByteArrayInputStream(data), mode, branch, from, c.writeActor());
      return r.toJson(c.graph().uri());
    }
  }

  private static void branchCreate(Call c) throws Exception {
    ObjectNode body = c.jsonBody(false);
    Bodies.only(body, Set.of("name", "from"));
    String name = Bodies.requiredString(body, "name");
    String from = ReadRoutes.branchOr(Bodies.string(body, "from"));
    c.authorize(PolicyAction.BRANCH_CREATE, from, name);
    c.admit();
    c.graph().root().createBranch(name, from);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("uri", c.graph().uri()).put("from", from).put("name", name);
    o.put("actor_id", c.writeActor());
    c.ok(o);
  }

  private static void branchDelete(Call c) throws Exception {
    String name = c.pathParam("branch");
    c.authorize(PolicyAction.BRANCH_DELETE, null, name);
    c.admit();
    c.graph().root().deleteBranch(name);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("uri", c.graph().uri()).put("name", name).put("actor_id", c.writeActor());
    c.ok(o);
  }

  private static void mutate(Call c, MutationRunner mutations) throws Exception {
    ObjectNode body = c.jsonBody(false);
    Bodies.only(body, MUTATE_FIELDS);
    String text = Bodies.string(body, "query");
    text = text == null ? Bodies.requiredString(body, "query_source") : text;
    String name = Bodies.string(body, "name");
    name = name == null ? Bodies.string(body, "query_name") : name;
    String branch = ReadRoutes.branchOr(Bodies.string(body, "branch"));
    c.authorize(PolicyAction.CHANGE, branch, null);
    CompiledQuery q = ReadRoutes.compile(c, text, name);
    if (!q.isMutation()) {
      throw ApiError.badRequest(
          "query '"
              + q.name()
              + "' is a read; send it to POST /graphs/"
              + c.graph().id()
              + "/query");
    }
    c.admit();
    c.ok(mutations.run(c, q, Bodies.object(body, "params"), branch));
  }
}
