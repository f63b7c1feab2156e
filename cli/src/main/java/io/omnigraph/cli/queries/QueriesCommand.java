package io.omnigraph.cli.queries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.queries.RegistryScope.Selected;
import io.omnigraph.cli.queries.StoredRegistry.Entry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnigraph queries list|validate}: a cluster graph's applied stored-query registry. */
@Command(
    name = "queries",
    mixinStandardHelpOptions = true,
    description = {
      "List and type-check the stored queries a cluster has applied.",
      "Reads the applied revision (ledger + catalog payloads), never the un-applied config:",
      "list shows typed parameters and MCP metadata, validate type-checks them against the",
      "schema the graph holds."
    },
    subcommands = {QueriesCommand.ListQueries.class, QueriesCommand.Validate.class})
public final class QueriesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code queries list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the applied stored queries of one graph, sorted by name: kind (read/mutation),",
        "name, typed params, [mcp: <tool name>], then indented description:/instruction: lines.",
        "JSON: {storage_root, state_revision, graph, queries:[{name, mcp_expose, tool_name,",
        "mutation, params:[{name, kind, item_kind?, vector_dim?, nullable}], description?,",
        "instruction?}]}. A query whose catalog payload is unavailable is skipped with a warning."
      },
      footer = {"", "Exit codes: 0 listed, 1 error (no applied state, unknown graph), 2 usage."})
  static final class ListQueries implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RegistryScope scope;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
      Selected s = scope.select(CliEnv.get());
      PrintWriter err = spec.commandLine().getErr();
      List<Entry> listed = new ArrayList<>();
      for (Entry e : new StoredRegistry(s.graph()).entries()) {
        if (e.decl() != null) {
          listed.add(e);
        } else {
          err.println(
              "warning: stored query '"
                  + e.name()
                  + "' is not listed: its catalog payload "
                  + (e.payload().ok() ? "does not declare it cleanly" : "is unavailable")
                  + "; run `omnigraph queries validate` for details");
        }
      }
      err.flush();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = header(s);
        ArrayNode a = o.putArray("queries");
        listed.forEach(e -> a.add(QueryListing.json(e.decl())));
        Json.print(out, o);
      } else {
        QueryListing.human(out, listed);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code queries validate}. */
  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description = {
        "Type-check the applied stored queries of one graph against the schema the graph holds,",
        "as the server does at boot: catalog payloads present and matching their digests, the",
        "accepted schema compiling, every stored .gq file type-checking. Prints each problem as",
        "<file>:<line>:<col>: <severity>[<code>]: <message>  (query <name>), where <file> is",
        "the query's catalog key (the bytes of the whole .gq file that declares it).",
        "JSON: {ok, storage_root, state_revision, graph, query_count, schema_digest,",
        "live_schema_digest, diagnostics:[{code, severity, file?, line?, column?, span?,",
        "message, query?}]}."
      },
      footer = {"", "Exit codes: 0 valid (warnings allowed), 1 invalid or error, 2 usage."})
  static final class Validate implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin RegistryScope scope;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
      Selected s = scope.select(CliEnv.get());
      RegistryValidation v = new RegistryValidation(s.cluster(), s.graph()).run();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("ok", v.ok());
        o.setAll(header(s));
        o.put("query_count", v.queryCount());
        o.put("schema_digest", s.graph().schemaDigest());
        o.put("live_schema_digest", v.liveSchemaDigest());
        ArrayNode d = o.putArray("diagnostics");
        v.findings().forEach(f -> d.add(f.toJson()));
        Json.print(out, o);
      } else {
        v.findings().forEach(f -> out.println(f.render()));
        long errors = v.findings().stream().filter(f -> f.diagnostic().isError()).count();
        out.println(
            (v.ok() ? "queries valid" : "queries invalid")
                + ": graph '"
                + s.graph().id()
                + "', "
                + v.queryCount()
                + " stored "
                + (v.queryCount() == 1 ? "query" : "queries")
                + (v.ok() ? "" : ", " + errors + (errors == 1 ? " error" : " errors")));
        out.flush();
      }
      return v.ok() ? ExitCodes.OK : ExitCodes.ERROR;
    }
  }

  private static ObjectNode header(Selected s) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("storage_root", s.cluster().storageRoot());
    o.put("state_revision", s.cluster().stateRevision());
    o.put("graph", s.graph().id());
    return o;
  }
}
