package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.config.ScopeConfig;
import io.omnigraph.cli.served.Paths;
import io.omnigraph.cli.served.ServedGraph;
import io.omnigraph.cli.served.ServerError;
import io.omnigraph.cli.served.ServerScopes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code omnigraph alias <name> [args…]}: invoke an operator alias (08 §5 {@code aliases:}) — a
 * stored read query on a configured server. Positional args fill the alias's {@code args} in order;
 * {@code --params} wins over them, they win over the alias's {@code params}.
 */
@Command(
    name = "alias",
    mixinStandardHelpOptions = true,
    description = {
      "Invoke an operator alias: a stored query on a configured server (aliases: of",
      "the operator config). Read-only: a stored mutation is refused. Positional args",
      "fill the alias's args in order (typed by the server's query catalog);",
      "--params wins over them, they win over the alias's params.",
      "Output: --json/--format > the alias's format > defaults.output > table."
    })
public final class AliasCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MAX_SAFE = (1L << 53) - 1;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<name>", description = "The alias (aliases:).")
  String name;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "<arg>", description = "Arguments.")
  List<String> args = List.of();

  @Option(names = "--params", paramLabel = "<json>", description = "Parameters (JSON object).")
  String params;

  @Option(names = "--params-file", paramLabel = "<file>", description = "Parameters file (JSON).")
  Path paramsFile;

  @Option(names = "--format", paramLabel = "<fmt>", description = "table, kv, csv, jsonl, json.")
  String format;

  @Option(names = "--json", description = "Print the read result JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Map<String, String> env = CliEnv.get();
    PrintWriter err = spec.commandLine().getErr();
    OperatorConfig config = OperatorConfig.load(env);
    config.warnings().forEach(w -> err.println("warning: " + w));
    err.flush();
    ScopeConfig.Alias a = config.scopes().aliases().get(name);
    if (a == null) {
      throw new CliException(
          "unknown alias '"
              + name
              + "': not in aliases: of "
              + config.path()
              + (config.scopes().aliases().isEmpty()
                  ? ""
                  : " (known: " + String.join(", ", config.scopes().aliases().keySet()) + ")"),
          ExitCodes.USAGE);
    }
    if (args.size() > a.args().size()) {
      throw new CliException(
          "alias " + name + " takes at most " + a.args().size() + " argument(s) " + a.args(),
          ExitCodes.USAGE);
    }
    String out =
        format != null || json
            ? format
            : a.format() != null ? a.format() : config.scopes().defaults().output();
    String fmt = QueryOutput.format(out, json);
    ObjectNode explicit = explicitParams();
    ServedGraph g = new ServerScopes(config, env).graph(a.server(), a.graph(), null);
    ObjectNode p = a.params().deepCopy();
    Map<String, String> kinds = args.isEmpty() ? Map.of() : kinds(g, a.query());
    for (int i = 0; i < args.size(); i++) {
      String param = a.args().get(i);
      p.set(param, typed(args.get(i), kinds.get(param)));
    }
    p.setAll(explicit);
    ObjectNode body = JSON.createObjectNode();
    body.set("params", p);
    body.put("expect_mutation", false);
    ObjectNode envelope = (ObjectNode) g.post("/queries/" + Paths.segment(a.query()), body);
    QueryOutput.print(
        spec.commandLine().getOut(),
        envelope,
        fmt,
        QueryOutput.Layout.of(config.scopes().defaults()));
    return ExitCodes.OK;
  }

  private ObjectNode explicitParams() throws IOException {
    if (params != null && paramsFile != null) {
      throw new CliException("--params and --params-file are exclusive", ExitCodes.USAGE);
    }
    String text =
        params != null ? params : paramsFile != null ? Files.readString(paramsFile) : null;
    if (text == null) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode n = JSON.readTree(text);
      if (n instanceof ObjectNode o) {
        return o;
      }
    } catch (IOException e) {
      throw new CliException("--params is not valid JSON: " + e.getMessage(), ExitCodes.USAGE);
    }
    throw new CliException("--params must be a JSON object", ExitCodes.USAGE);
  }

  /** Parameter name → kind of stored query {@code query} from the catalog; empty if unreadable. */
  private static Map<String, String> kinds(ServedGraph g, String query) {
    Map<String, String> out = new HashMap<>();
    try {
      for (JsonNode q : g.get("/queries").path("queries")) {
        if (q.path("name").asText().equals(query)) {
          q.path("params").forEach(p -> out.put(p.path("name").asText(), p.path("kind").asText()));
        }
      }
    } catch (ServerError e) {
      // catalog not readable: arguments travel as strings and the server checks them
    }
    return out;
  }

  /** A positional argument as the JSON value its declared kind takes (strings otherwise). */
  static JsonNode typed(String arg, String kind) {
    var f = JSON.getNodeFactory();
    try {
      switch (kind == null ? "string" : kind) {
        case "int", "bigint" -> {
          long v = Long.parseLong(arg);
          return Math.abs(v) > MAX_SAFE ? f.textNode(arg) : f.numberNode(v);
        }
        case "float" -> {
          return f.numberNode(Double.parseDouble(arg));
        }
        case "bool" -> {
          if (arg.equals("true") || arg.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(arg));
          }
          return f.textNode(arg);
        }
        default -> {
          return f.textNode(arg);
        }
      }
    } catch (NumberFormatException e) {
      return f.textNode(arg);
    }
  }
}
