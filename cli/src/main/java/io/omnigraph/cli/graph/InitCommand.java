package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.schema.SchemaLoader;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.Manifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph init --schema <pg> <uri>}: create an empty graph (04 §1). */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create an empty graph with a schema at a local path, file:// URI or s3:// URI.",
      "Refuses a location that already holds a graph (AlreadyInitialized) and cluster-managed",
      "paths (<root>/graphs/<id>.omni under a cluster root)."
    })
public final class InitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--schema", required = true, paramLabel = "<file.pg>", description = "Schema.")
  Path schema;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<uri>",
      description = "Where to create the graph.")
  String uri;

  @Mixin io.omnigraph.cli.served.DirectOnly direct;

  @Option(names = "--as", paramLabel = "<actor>", description = "Actor recorded on the commit.")
  String actor;

  @Option(
      names = "--force",
      description =
          "Clear leftovers of an unfinished init (its claim, schema files, unreferenced"
              + " datasets) when no manifest exists; an initialized graph is never replaced.")
  boolean force;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() {
    uri = direct.uri("init", uri);
    SchemaLoader loaded = SchemaLoader.load(schema);
    if (!loaded.ok()) {
      loaded.printDiagnostics(spec.commandLine().getErr());
      spec.commandLine()
          .getErr()
          .println("schema " + schema + ": " + loaded.result().errors().size() + " error(s)");
      return ExitCodes.ERROR;
    }
    Manifest m =
        GraphTargets.call(() -> GraphRoot.init(uri, loaded.schema(), actor, CliEnv.get(), force));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("uri", uri);
      o.put("schema_digest", m.schemaDigest());
      o.put("graph_manifest_version", m.version());
      o.set("commit", m.commit().toJson());
      Json.print(out, o);
    } else {
      out.printf(
          "initialized %s: %d node type(s), %d edge type(s); commit %s%n",
          uri,
          loaded.schema().catalog().nodes().size(),
          loaded.schema().catalog().edges().size(),
          m.commit().graphCommitId());
      out.flush();
    }
    return ExitCodes.OK;
  }
}
