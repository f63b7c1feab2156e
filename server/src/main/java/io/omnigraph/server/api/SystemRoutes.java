package io.omnigraph.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.engine.root.Manifest;
import io.omnigraph.server.auth.Authorizer.Verdict;
import io.omnigraph.server.auth.RuntimeState;
import io.omnigraph.server.http.ApiError;
import io.omnigraph.server.http.Call;
import io.omnigraph.server.http.OpenApi;
import io.omnigraph.server.http.Route;
import java.util.List;
import java.util.function.Supplier;

/** The flat routes: {@code /healthz}, {@code /openapi.json}, {@code GET /graphs}. */
final class SystemRoutes {
  private SystemRoutes() {}

  static List<Route> routes(Supplier<List<Route>> all) {
    return List.of(
        Route.of("GET", "/healthz", "healthz")
            .summary("Liveness: status, version, internal schema version")
            .unauthenticated()
            .response(Shapes.healthz())
            .to(SystemRoutes::healthz),
        Route.of("GET", "/openapi.json", "openapi")
            .summary("This OpenAPI document (generated from the route table)")
            .unauthenticated()
            .response(Shapes.openapi())
            .to(c -> openapi(c, all.get())),
        Route.of("GET", "/graphs", "list_graphs")
            .summary("The ready graphs, sorted by id")
            .action("graph_list")
            .response(Shapes.graphs())
            .to(SystemRoutes::graphs));
  }

  private static void healthz(Call c) throws Exception {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", "ok");
    o.put("version", c.server().version());
    o.put("internal_schema_version", Manifest.INTERNAL_SCHEMA_VERSION);
    c.ok(o);
  }

  private static void openapi(Call c, List<Route> routes) throws Exception {
    boolean open = c.server().cluster().authorizer().state() == RuntimeState.OPEN;
    c.ok(OpenApi.document(routes, c.server().version(), open));
  }

  private static void graphs(Call c) throws Exception {
    Verdict v = c.server().cluster().authorizer().graphList(c.actor());
    c.server().log().decision(c.actor(), null, "graph_list", null, null, v);
    if (!v.allowed()) {
      throw ApiError.forbidden(v.message());
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode list = o.putArray("graphs");
    c.server()
        .cluster()
        .graphs()
        .values()
        .forEach(g -> list.addObject().put("graph_id", g.id()).put("uri", g.uri()));
    c.ok(o);
  }
}
