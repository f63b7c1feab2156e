package io.omnigraph.server.api;

import io.omnigraph.server.http.Route;
import java.util.ArrayList;
import java.util.List;

/** The route table: the single source for the router and {@code /openapi.json}. */
public final class Routes {
  /** The conditional-write header of {@code /mutate/if-graph-commit} [UP]. */
  public static final String IF_COMMIT = io.omnigraph.server.http.IfGraphCommit.HEADER;

  private Routes() {}

  /** Every route of the server, in documentation order. */
  public static List<Route> all() {
    List<Route> out = new ArrayList<>();
    MutationRunner mutations =
        (c, q, params, branch) ->
            c.graph().root().mutate(q, params, branch, c.writeActor(), c.ifGraphCommit()).toJson();
    out.addAll(SystemRoutes.routes(() -> out));
    out.addAll(ReadRoutes.routes());
    out.addAll(StoredQueryRoutes.routes(mutations));
    out.addAll(WriteRoutes.routes(mutations));
    out.addAll(BranchRoutes.routes());
    out.addAll(ChangeRoutes.routes());
    return List.copyOf(out);
  }
}
