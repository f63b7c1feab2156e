package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph graphs list}: the ready graphs of a server ({@code GET /graphs}, served only).
 */
@Command(
    name = "graphs",
    mixinStandardHelpOptions = true,
    description = "The graphs a server serves (served only).",
    subcommands = GraphsCommand.ListCommand.class)
public final class GraphsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code graphs list --server <name|url> [--json]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the ready graphs of a server (GET /graphs; needs graph_list from a",
        "cluster-bound policy bundle). Bare server URL only: --server <name|url>, a",
        "server profile or defaults.server; default_graph is ignored.",
        "Human: <graph_id><TAB><uri> per line. JSON: {graphs:[{graph_id, uri}]}."
      })
  public static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--server", paramLabel = "<name|url>", description = "The server.")
    String server;

    @Option(names = "--profile", paramLabel = "<name>", description = "A server profile.")
    String profile;

    @Option(names = "--graph", paramLabel = "<id>", hidden = true)
    String graph;

    @Option(names = "--store", paramLabel = "<uri>", hidden = true)
    String store;

    @Option(names = "--as", paramLabel = "<actor>", hidden = true)
    String actor;

    @Option(names = "--json", description = "Print {graphs:[…]} as JSON.")
    boolean json;

    @Override
    public Integer call() {
      for (String[] f : new String[][] {{"--graph", graph}, {"--store", store}, {"--as", actor}}) {
        if (f[1] != null) {
          throw new CliException(
              "graphs list addresses a bare server URL; " + f[0] + " does not apply",
              ExitCodes.USAGE);
        }
      }
      PrintWriter err = spec.commandLine().getErr();
      Map<String, String> env = CliEnv.get();
      OperatorConfig config = OperatorConfig.load(env);
      config.warnings().forEach(w -> err.println("warning: " + w));
      err.flush();
      ServerClient client = new ServerScopes(config, env).bare(serverArg(config, env));
      JsonNode graphs = client.get("/graphs");
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, graphs);
      } else {
        graphs
            .path("graphs")
            .forEach(g -> out.println(g.path("graph_id").asText() + "\t" + g.path("uri").asText()));
        out.flush();
      }
      return ExitCodes.OK;
    }

    private String serverArg(OperatorConfig config, Map<String, String> env) {
      if (server != null) {
        return server;
      }
      String name = profile != null ? profile : env.get("OMNIGRAPH_PROFILE");
      if (name != null && !name.isBlank()) {
        ScopeConfig.Profile p = config.scopes().profiles().get(name);
        if (p == null || p.server() == null) {
          throw new CliException(
              "graphs list needs a server; profile '"
                  + name
                  + "' "
                  + (p == null
                      ? "is not in profiles: of " + config.path()
                      : "is not a server profile"),
              ExitCodes.USAGE);
        }
        return p.server();
      }
      if (config.scopes().defaults().server() != null) {
        return config.scopes().defaults().server();
      }
      throw new CliException(
          "graphs list needs a server: pass --server <name|url> (or set defaults.server)",
          ExitCodes.USAGE);
    }
  }
}
