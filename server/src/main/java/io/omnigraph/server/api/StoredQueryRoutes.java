package io.omnigraph.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.policy.PolicyAction;
import io.omnigraph.server.api.ReadRoutes.Target;
import io.omnigraph.server.http.ApiError;
import io.omnigraph.server.http.Bodies;
import io.omnigraph.server.http.Call;
import io.omnigraph.server.http.Route;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stored-query catalog and invocation (06 §6). An unknown name and an {@code invoke_query}
 * denial answer with the same 404 body, so callers cannot probe for queries they may not run.
 */
final class StoredQueryRoutes {
  private static final Set<String> INVOKE_FIELDS =
      Set.of("params", "branch", "snapshot", "expect_mutation");

  private StoredQueryRoutes() {}

  static List<Route> routes(MutationRunner mutations) {
    return List.of(
        Route.of("GET", ReadRoutes.G + "/queries", "queries_list")
            .summary("The typed catalog of stored queries (MCP discovery)")
            .action("read")
            .response(Shapes.catalog())
            .to(StoredQueryRoutes::catalog),
        Route.of("POST", ReadRoutes.G + "/queries/{name}", "query_invoke")
            .summary("Invoke a stored query by name")
            .action("invoke_query + read|change")
            .jsonBody()
            .request(Shapes.invoke())
            .response(Shapes.invokeResult())
            .to(c -> invoke(c, mutations)),
        Route.of(
                "POST",
                ReadRoutes.G + "/queries/{name}/if-graph-commit",
                "query_invoke_if_graph_commit")
            .summary("Invoke a stored mutation only while the branch head is the given commit")
            .action("invoke_query + change")
            .jsonBody()
            .conditional()
            .request(Shapes.invoke())
            .response(Shapes.mutationEnvelope())
            .to(c -> invoke(c, mutations)));
  }

  private static void catalog(Call c) throws Exception {
    c.authorize(PolicyAction.READ, "main", null);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode list = o.putArray("queries");
    c.graph().queries().all().forEach(q -> list.add(q.catalogEntry()));
    c.ok(o);
  }

  private static void invoke(Call c, MutationRunner mutations) throws Exception {
    String name = c.pathParam("name");
    boolean granted = c.check(PolicyAction.INVOKE_QUERY, null, null).allowed();
    Optional<StoredQuery> q = granted ? c.graph().queries().get(name) : Optional.empty();
    if (q.isEmpty()) {
      throw ApiError.notFound("no stored query '" + name + "' on graph '" + c.graph().id() + "'");
    }
    ObjectNode body = c.jsonBody(true);
    Bodies.only(body, INVOKE_FIELDS);
    Boolean expect = Bodies.bool(body, "expect_mutation");
    boolean mutation = q.get().query().isMutation();
    if (c.ifGraphCommit() != null && !mutation) {
      throw ApiError.badRequest(
          "stored query '"
              + name
              + "' is a read; the conditional route only runs stored mutations (invoke it at POST"
              + " /graphs/"
              + c.graph().id()
              + "/queries/"
              + name
              + ")");
    }
    if (expect != null && expect != mutation) {
      throw ApiError.badRequest(
          "stored query '"
              + name
              + "' is a "
              + (mutation ? "mutation" : "read")
              + " but expect_mutation is "
              + expect);
    }
    ObjectNode params = Bodies.object(body, "params");
    if (mutation) {
      if (Bodies.string(body, "snapshot") != null) {
        throw ApiError.badRequest(
            "stored query '" + name + "' is a mutation; a snapshot cannot be written");
      }
      String branch = ReadRoutes.branchOr(Bodies.string(body, "branch"));
      c.authorize(PolicyAction.CHANGE, branch, null);
      c.admit();
      c.ok(mutations.run(c, q.get().query(), params, branch));
      return;
    }
    Target t = Target.of(body).authorized(c);
    c.ok(ReadRoutes.run(c, q.get().query(), params, t, true));
  }
}
