package io.omnigraph.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.root.MergeResult;
import io.omnigraph.policy.PolicyAction;
import io.omnigraph.server.http.ApiError;
import io.omnigraph.server.http.Bodies;
import io.omnigraph.server.http.Call;
import io.omnigraph.server.http.Route;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;

/** Branch merge and NDJSON export (06 §6). */
final class BranchRoutes {
  private static final String G = ReadRoutes.G;

  private BranchRoutes() {}

  static List<Route> routes() {
    return List.of(
        Route.of("POST", G + "/branches/merge", "branch_merge")
            .summary("Merge a branch into another (default main)")
            .action("branch_merge (+ branch_delete with delete_branch)")
            .jsonBody()
            .request(Shapes.merge())
            .response(Shapes.mergeResult())
            .to(BranchRoutes::merge),
        Route.of("POST", G + "/export", "export")
            .summary("Stream a branch as NDJSON in the load envelope")
            .action("export")
            .jsonBody()
            .produces("application/x-ndjson")
            .request(Shapes.export())
            .response(Shapes.ndjson())
            .to(BranchRoutes::export));
  }

  private static void merge(Call c) throws Exception {
    ObjectNode body = c.jsonBody(false);
    Bodies.only(body, Set.of("source", "target", "delete_branch"));
    String source = Bodies.requiredString(body, "source");
    String target = ReadRoutes.branchOr(Bodies.string(body, "target"));
    boolean delete = Boolean.TRUE.equals(Bodies.bool(body, "delete_branch"));
    c.authorize(PolicyAction.BRANCH_MERGE, source, target);
    if (delete) {
      c.authorize(PolicyAction.BRANCH_DELETE, null, source);
    }
    c.admit();
    MergeResult r = c.graph().root().merge(source, target, c.writeActor(), delete);
    c.ok(r.toJson());
  }

  private static void export(Call c) throws Exception {
    ObjectNode body = c.jsonBody(true);
    Bodies.only(body, Set.of("branch", "type_names"));
    String branch = ReadRoutes.branchOr(Bodies.string(body, "branch"));
    List<String> types = Bodies.strings(body, "type_names");
    c.authorize(PolicyAction.EXPORT, branch, null);
    var catalog = c.graph().root().catalog();
    if (types != null) {
      for (String t : types) {
        if (catalog.node(t).isEmpty() && catalog.edge(t).isEmpty()) {
          throw ApiError.badRequest("type_names: '" + t + "' is not a node or edge type");
        }
      }
    }
    if (!c.graph().root().listBranches().contains(branch)) {
      throw ApiError.notFound("branch '" + branch + "' does not exist");
    }
    c.ctx().status(200).contentType("application/x-ndjson");
    try (OutputStream out = c.ctx().outputStream()) {
      c.graph().root().export(out, branch, types);
    }
  }
}
