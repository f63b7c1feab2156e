package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.schema.PlanPrinter;
import io.omnigraph.cli.schema.SchemaLoader;
import io.omnigraph.engine.root.ClusterPaths;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.SchemaApplyPreview;
import io.omnigraph.engine.root.SchemaApplyResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph schema apply <uri> --schema <file.pg>}: migrates a graph to a desired schema as
 * one commit on main (spec 02 §8). Refused for cluster-managed graphs (they evolve through {@code
 * cluster apply}), for unsupported plans and while branches other than main exist.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Migrate a graph to a desired schema as one commit on main.",
      "Drops are soft (older versions keep the data until cleanup) unless --allow-data-loss.",
      "Refused for unsupported plans, while branches other than main exist, and for graphs",
      "inside a cluster (those evolve via cluster apply). With --server the request",
      "goes to /schema/apply (a cluster-backed server refuses it: 409, exit 1)."
    },
    footer = {
      "",
      "Exit codes: 0 applied (or nothing to change), 1 errors, unsupported or refused plans,",
      "2 usage error."
    })
public final class SchemaApplyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
  String positional;

  @Mixin io.omnigraph.cli.served.ScopeOptions scope;

  private String uri;

  @Option(
      names = "--schema",
      required = true,
      paramLabel = "<file.pg>",
      description = "Desired schema.")
  Path schema;

  @Option(
      names = "--allow-data-loss",
      description = "Make drops hard: old versions of dropped data are removed (irreversible).")
  boolean allowDataLoss;

  @Option(names = "--as", paramLabel = "<actor>", description = "Actor recorded on the commit.")
  String actor;

  @Option(names = "--quiet", description = "Do not echo the write target on stderr.")
  boolean quiet;

  @Option(
      names = "--json",
      description = "Print {uri, supported, applied, step_count, graph_manifest_version, steps}.")
  boolean json;

  @Override
  public Integer call() throws java.io.IOException {
    var s = scope.resolve("schema apply", positional, null, actor, spec.commandLine().getErr());
    SchemaLoader desired = SchemaLoader.load(schema);
    if (!desired.ok()) {
      desired.printDiagnostics(spec.commandLine().getErr());
      throw new CliException("the desired schema " + schema + " does not compile; fix it first");
    }
    if (s.isServed()) {
      Served.echo(spec.commandLine().getErr(), "schema apply", s.served(), quiet);
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.put("schema_source", java.nio.file.Files.readString(schema));
      body.put("allow_data_loss", allowDataLoss);
      Json.print(spec.commandLine().getOut(), s.served().post("/schema/apply", body));
      return ExitCodes.OK;
    }
    uri = s.uri();
    if (GraphTargets.call(() -> ClusterPaths.isClusterManaged(uri, CliEnv.get()))) {
      throw new CliException(
          uri
              + " is a graph inside a cluster; its schema evolves via `cluster apply` (edit the"
              + " cluster's schema file and run omnigraph cluster apply), not schema apply");
    }
    GraphTargets.echo(spec.commandLine().getErr(), "schema apply", uri, quiet);
    try (GraphRoot root = GraphTargets.open(uri)) {
      SchemaApplyPreview preview =
          GraphTargets.call(() -> root.previewSchemaApply(desired.schema(), allowDataLoss));
      if (!preview.supported()) {
        print(preview, false, root.manifest().version(), null);
        spec.commandLine()
            .getErr()
            .println("error: the plan is not supported; nothing was applied");
        return ExitCodes.ERROR;
      }
      SchemaApplyResult r =
          GraphTargets.call(() -> root.applySchema(desired.schema(), allowDataLoss, actor));
      print(r.preview(), r.applied(), r.graphManifestVersion(), r.commitId());
    }
    return ExitCodes.OK;
  }

  private void print(SchemaApplyPreview p, boolean applied, long version, String commitId) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("uri", uri);
      o.put("supported", p.supported());
      o.put("applied", applied);
      o.put("step_count", p.plan().stepCount());
      o.put("graph_manifest_version", version);
      o.set("steps", p.plan().toJson().get("steps"));
      Json.print(out, o);
      return;
    }
    PlanPrinter.print(out, "schema apply " + uri + " -> " + schema, p.plan());
    if (applied) {
      out.printf("Applied: manifest version %d, commit %s.%n", version, commitId);
    } else if (p.supported()) {
      out.printf("Nothing to apply: the graph already has this schema (manifest %d).%n", version);
    }
    out.flush();
  }
}
