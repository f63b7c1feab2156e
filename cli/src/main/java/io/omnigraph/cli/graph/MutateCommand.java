package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.exec.QueryExecutionException;
import io.omnigraph.engine.exec.mutate.MutationException;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.MutationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph mutate <uri> (-e <gq> | --query <file> [--name q])}: one mutation query = one
 * graph commit (03 §5, 04 §3).
 */
@Command(
    name = "mutate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a mutation (insert/update/delete statements) as one graph commit.",
      "Embedded: mutate <uri> (-e <gq> | --query <file>), or --uri/--store <uri>.",
      "Served: mutate --server <name|url> [--graph <id>] NAME runs a stored mutation;",
      "with -e/--query an ad-hoc one (/mutate). No --as: the server records the",
      "actor of the bearer token.",
      "A failing statement writes nothing. --if-commit <id> runs it only while the",
      "branch head is that commit (exit 4 otherwise). JSON: {uri, branch,",
      "query_name, affected_nodes, affected_edges, actor_id, commit} (commit null",
      "when nothing changed; served: uri is the graph URL)."
    })
public final class MutateCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Parameters(
      arity = "0..1",
      paramLabel = "<uri|NAME>",
      description =
          "With --server/--uri/--store/a profile: the query NAME. Otherwise the graph root.")
  String positional;

  @Mixin ScopeOptions scope;

  @Option(
      names = {"--uri", "--store"},
      paramLabel = "<uri>",
      description = "The graph root.")
  String uriOption;

  @Mixin QueryInput input;

  @Option(names = "--branch", paramLabel = "<b>", description = "Branch (default main).")
  String branch;

  @Option(
      names = "--if-commit",
      paramLabel = "<id>",
      description = "Only write while the branch head is this commit (else exit 4).")
  String ifCommit;

  @Option(
      names = "--as",
      paramLabel = "<actor>",
      description = "Actor recorded on the commit (default operator.actor of the config).")
  String actor;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    ScopeOptions.Scope s = scope.resolveOrNull("mutate", null, uriOption, actor, err);
    String name = positional;
    if (s == null) {
      s = scope.resolve("mutate", positional, null, actor, err);
      name = null;
    }
    if (s.isServed()) {
      print(Served.mutate(s.served(), name, input, branch, ifCommit));
      return ExitCodes.OK;
    }
    if (name != null && input.name == null) {
      input.name = name;
    }
    return embedded(s.uri());
  }

  private void print(ObjectNode o) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, o);
    } else {
      out.println(HumanOutput.mutation(o));
      out.flush();
    }
  }

  private int embedded(String uri) throws IOException {
    String b = branch == null ? "main" : branch;
    JsonNode p = input.params();
    SourceText src = input.source();
    String who = OperatorConfig.resolveActor(actor, spec.commandLine().getErr());
    MutationResult r;
    try (GraphRoot root = GraphTargets.open(uri)) {
      CompiledQuery q = input.compile(root.catalog(), src, spec.commandLine().getErr());
      if (q == null) {
        return ExitCodes.ERROR;
      }
      if (!q.isMutation()) {
        throw new CliException(
            "query " + q.name() + " is a read; run it with omnigraph query, not mutate");
      }
      try {
        r = GraphTargets.call(() -> root.mutate(q, p, b, who, ifCommit));
      } catch (QueryExecutionException e) {
        throw new CliException(e.code() + ": " + e.getMessage());
      } catch (MutationException e) {
        throw new CliException("mutation failed (" + e.code() + "): " + e.getMessage());
      }
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("uri", uri);
    o.setAll(r.toJson());
    print(o);
    return ExitCodes.OK;
  }
}
