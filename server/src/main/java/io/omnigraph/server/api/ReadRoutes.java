package io.omnigraph.server.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.exec.QueryExecutor;
import io.omnigraph.engine.exec.QueryResult;
import io.omnigraph.engine.exec.ReadTarget;
import io.omnigraph.engine.root.AcceptedSchema;
import io.omnigraph.engine.root.Commit;
import io.omnigraph.engine.root.RootException;
import io.omnigraph.engine.root.RootSnapshot;
import io.omnigraph.policy.PolicyAction;
import io.omnigraph.server.http.ApiError;
import io.omnigraph.server.http.Bodies;
import io.omnigraph.server.http.Call;
import io.omnigraph.server.http.Call.JsonContent;
import io.omnigraph.server.http.Route;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Per-graph read routes: snapshot, inline query, schema, commits, branch list. */
final class ReadRoutes {
  static final String G = "/graphs/{graph_id}";
  private static final Set<String> QUERY_FIELDS =
      Set.of("query", "name", "params", "branch", "snapshot");
  private static final Set<String> READ_FIELDS =
      Set.of("query_source", "query_name", "params", "branch", "snapshot");

  private ReadRoutes() {}

  static List<Route> routes() {
    return List.of(
        Route.of("GET", G + "/snapshot", "snapshot")
            .summary("The datasets the head of a branch pins")
            .action("read")
            .query("branch")
            .response(Shapes.snapshot())
            .to(ReadRoutes::snapshot),
        Route.of("POST", G + "/query", "query")
            .summary("Run an inline read query (mutations go to /mutate)")
            .action("read")
            .jsonBody()
            .request(Shapes.query())
            .response(Shapes.readEnvelope())
            .to(c -> query(c, false)),
        Route.of("POST", G + "/read", "read")
            .summary("Deprecated alias of /query (legacy body)")
            .action("read")
            .jsonBody()
            .deprecatedFor("query")
            .request(Shapes.legacyRead())
            .response(Shapes.readEnvelope())
            .to(c -> query(c, true)),
        Route.of("GET", G + "/schema", "schema_get")
            .summary("The accepted schema source")
            .action("read")
            .response(Shapes.schemaSource())
            .to(ReadRoutes::schema),
        Route.of("POST", G + "/schema/apply", "schema_apply")
            .summary("Disabled for cluster-backed serving (409)")
            .action("schema_apply")
            .jsonBody()
            .request(Shapes.schemaApply())
            .response(Shapes.schemaSource())
            .to(ReadRoutes::schemaApply),
        Route.of("GET", G + "/commits", "commits_list")
            .summary("Commits of a branch, newest first")
            .action("read")
            .query("branch")
            .response(Shapes.commits())
            .to(ReadRoutes::commits),
        Route.of("GET", G + "/commits/{commit_id}", "commit_get")
            .summary("One commit")
            .action("read")
            .response(Shapes.commit())
            .to(ReadRoutes::commit),
        Route.of("GET", G + "/branches", "branches_list")
            .summary("The graph's branches")
            .action("read")
            .response(Shapes.branches())
            .to(ReadRoutes::branches));
  }

  static String branchOr(String b) {
    return b == null ? "main" : b;
  }

  private static void snapshot(Call c) throws Exception {
    String branch = branchOr(c.query("branch"));
    c.authorize(PolicyAction.READ, branch, null);
    c.ok(c.graph().root().snapshotInfo(branch).toJson());
  }

  private static void query(Call c, boolean legacy) throws Exception {
    ObjectNode body = c.jsonBody(false);
    Bodies.only(body, legacy ? READ_FIELDS : QUERY_FIELDS);
    String text = Bodies.requiredString(body, legacy ? "query_source" : "query");
    String name = Bodies.string(body, legacy ? "query_name" : "name");
    Target t = Target.of(body).authorized(c);
    CompiledQuery q = compile(c, text, name);
    if (q.isMutation()) {
      throw ApiError.badRequest(
          "query '"
              + q.name()
              + "' is a mutation; send it to POST /graphs/"
              + c.graph().id()
              + "/mutate");
    }
    c.ok(run(c, q, Bodies.object(body, "params"), t, !legacy));
  }

  /** Compiles inline source against the live schema; compiler errors are a 400. */
  static CompiledQuery compile(Call c, String text, String name) {
    SourceText src = new SourceText("<query>", text);
    Result<CompiledQuery> r = QueryCompiler.compileOne(c.graph().root().catalog(), src, name);
    if (!r.ok()) {
      String msg =
          r.diagnostics().stream()
              .filter(Diagnostic::isError)
              .map(QueryCompiler::describe)
              .collect(Collectors.joining("; "));
      throw ApiError.badRequest(msg);
    }
    return r.value();
  }

  /**
   * Runs a read on its target; the result is the read envelope, streamed into the response (with
   * {@code graph_commit_id} unless {@code withCommit} is false, as the legacy route answers).
   */
  static JsonContent run(Call c, CompiledQuery q, ObjectNode params, Target t, boolean withCommit) {
    ServedGraph g = c.graph();
    RootSnapshot snap =
        t.snapshot() == null
            ? g.snapshots().head(g.root(), t.branch())
            : g.root().snapshotAt(t.snapshot(), t.branch());
    QueryResult r = QueryExecutor.execute(snap, q, params, g.execOptions());
    ReadTarget target = new ReadTarget(t.branch(), t.snapshot());
    String commit = withCommit ? snap.commitId() : null;
    return gen -> r.writeJson(gen, q.name(), target, commit);
  }

  /** A read target: {@code branch} (default main) or {@code snapshot}, never both. */
  record Target(String branch, String snapshot) {
    static Target of(ObjectNode body) {
      String b = Bodies.string(body, "branch");
      String s = Bodies.string(body, "snapshot");
      if (b != null && s != null) {
        throw ApiError.badRequest("'branch' and 'snapshot' are mutually exclusive; pass one");
      }
      return new Target(branchOr(b), s);
    }

    /**
     * Authorizes {@code read} on the branch the target reads. A {@code snapshot} (a commit id may
     * name any branch) is resolved first; an unknown snapshot and one on a branch the actor may not
     * read give the same 404 body, so snapshot ids cannot be probed.
     */
    Target authorized(Call c) {
      if (snapshot == null) {
        c.authorize(PolicyAction.READ, branch, null);
        return this;
      }
      String read = null;
      try {
        read = c.graph().root().snapshotBranch(snapshot, branch);
      } catch (RootException e) {
        if (e.kind() != RootException.Kind.SNAPSHOT_NOT_FOUND
            && e.kind() != RootException.Kind.COMMIT_NOT_FOUND) {
          throw e;
        }
      }
      if (read == null || !c.check(PolicyAction.READ, read, null).allowed()) {
        throw ApiError.notFound("no snapshot '" + snapshot + "' on graph '" + c.graph().id() + "'");
      }
      return this;
    }
  }

  private static void schema(Call c) throws Exception {
    c.authorize(PolicyAction.READ, "main", null);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("schema_source", AcceptedSchema.source(c.graph().uri(), c.server().env()));
    c.ok(o);
  }

  private static void schemaApply(Call c) throws Exception {
    c.authorize(PolicyAction.SCHEMA_APPLY, null, "main");
    throw ApiError.conflict(
        "server-side schema apply is disabled for cluster-backed serving; update the cluster"
            + " config, run `omnigraph cluster apply`, and restart");
  }

  private static void commits(Call c) throws Exception {
    String branch = branchOr(c.query("branch"));
    c.authorize(PolicyAction.READ, branch, null);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode list = o.putArray("commits");
    c.graph().root().commits(branch).forEach(k -> list.add(k.toJson()));
    c.ok(o);
  }

  /**
   * One commit. The policy decides on the commit's branch before anything about the commit is
   * answered: an unknown id and a commit the actor may not read give the same 404 body, so a denied
   * actor cannot tell real ids from fake ones.
   */
  private static void commit(Call c) throws Exception {
    c.ok(readableCommit(c, c.pathParam("commit_id")).toJson());
  }

  /**
   * Commit {@code id} when the actor may {@code read} its authored branch; an unknown id and a
   * denied one are the same 404 (the commit and commit-changes routes).
   */
  static Commit readableCommit(Call c, String id) {
    Commit k = null;
    try {
      k = c.graph().root().commit(id);
    } catch (RootException e) {
      if (e.kind() != RootException.Kind.COMMIT_NOT_FOUND) {
        throw e;
      }
    }
    if (k == null || !c.check(PolicyAction.READ, k.graphBranch(), null).allowed()) {
      throw ApiError.notFound("no commit '" + id + "' on graph '" + c.graph().id() + "'");
    }
    return k;
  }

  private static void branches(Call c) throws Exception {
    c.authorize(PolicyAction.READ, "main", null);
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    ArrayNode list = o.putArray("branches");
    c.graph().root().listBranches().forEach(list::add);
    c.ok(o);
  }
}
