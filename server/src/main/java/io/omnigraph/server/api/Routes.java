package io.omnigraph.server.api;

import io.omnigraph.server.http.ApiError;
import io.omnigraph.server.http.Route;
import java.util.ArrayList;
import java.util.List;

/** The route table: the single source for the router and {@code /openapi.json}. */
public final class Routes {
  private Routes() {}

  /** Every route of the server, in documentation order. */
  public static List<Route> all() {
    List<Route> out = new ArrayList<>();
    MutationRunner mutations = Routes::noMutationExecutor;
    out.addAll(SystemRoutes.routes(() -> out));
    out.addAll(ReadRoutes.routes());
    out.addAll(StoredQueryRoutes.routes(mutations));
    out.addAll(WriteRoutes.routes(mutations));
    return List.copyOf(out);
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode noMutationExecutor(
      io.omnigraph.server.http.Call c,
      io.omnigraph.compiler.query.ir.CompiledQuery q,
      com.fasterxml.jackson.databind.node.ObjectNode params,
      String branch) {
    throw ApiError.badRequest(
        "mutation '" + q.name() + "' cannot run: this build has no mutation executor yet");
  }
}
