package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph profile list|show}: the {@code profiles:} of the operator config (local). */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description = "Show the scope profiles of the operator config (local; no graph is opened).",
    subcommands = {ProfileCommand.ListCommand.class, ProfileCommand.ShowCommand.class})
public final class ProfileCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * One profile as JSON: {@code {name, binding (server|cluster|store), scope_kind
   * (served|cluster|direct), target (server URL, cluster root/dir, store URI), default_graph,
   * valid, error}}; a reference to an unconfigured server or cluster name is invalid.
   */
  static ObjectNode entry(OperatorConfig config, ScopeConfig.Profile p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", p.name());
    String error = null;
    if (p.server() != null) {
      o.put("binding", "server").put("scope_kind", "served");
      ScopeConfig.Server s = config.scopes().servers().get(p.server());
      boolean url = p.server().startsWith("http://") || p.server().startsWith("https://");
      o.put("target", s != null ? s.url() : url ? p.server() : null);
      if (s == null && !url) {
        error = "unknown server '" + p.server() + "' (not in servers:)";
      }
    } else if (p.cluster() != null) {
      o.put("binding", "cluster").put("scope_kind", "cluster");
      String root = config.clusters().get(p.cluster());
      boolean path = p.cluster().contains("/") || p.cluster().equals(".");
      o.put("target", root != null ? root : path ? p.cluster() : null);
      if (root == null && !path) {
        error = "unknown cluster '" + p.cluster() + "' (not in clusters:)";
      }
    } else {
      o.put("binding", "store").put("scope_kind", "direct").put("target", p.store());
    }
    o.put("default_graph", p.defaultGraph());
    o.put("valid", error == null);
    o.put("error", error);
    return o;
  }

  private static OperatorConfig load(PrintWriter err) {
    OperatorConfig c = OperatorConfig.load(CliEnv.get());
    c.warnings().forEach(w -> err.println("warning: " + w));
    err.flush();
    return c;
  }

  private static String line(ObjectNode e) {
    return e.path("name").asText()
        + "\t"
        + e.path("scope_kind").asText()
        + "\t"
        + e.path("target").asText("-")
        + (e.path("default_graph").isNull() ? "" : "\tgraph " + e.path("default_graph").asText())
        + (e.path("valid").asBoolean() ? "" : "\t(invalid: " + e.path("error").asText() + ")");
  }

  /** {@code profile list [--json]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the profiles: <name> <served|cluster|direct> <target> [graph <id>].",
        "JSON: {profiles:[{name, binding, scope_kind, target, default_graph, valid,",
        "error}]}, sorted by name."
      })
  public static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print {profiles:[…]} as JSON.")
    boolean json;

    @Override
    public Integer call() {
      OperatorConfig c = load(spec.commandLine().getErr());
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      var list = o.putArray("profiles");
      c.scopes().profiles().values().forEach(p -> list.add(entry(c, p)));
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, o);
      } else {
        list.forEach(e -> out.println(line((ObjectNode) e)));
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code profile show [name] [--json]}: default the active profile ($OMNIGRAPH_PROFILE). */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Show one profile (default: $OMNIGRAPH_PROFILE). Exit 1 when it is unknown",
        "or invalid. JSON: the list entry."
      })
  public static final class ShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<name>", description = "The profile.")
    String name;

    @Option(names = "--json", description = "Print the profile as JSON.")
    boolean json;

    @Override
    public Integer call() {
      Map<String, String> env = CliEnv.get();
      String n = name != null ? name : env.get("OMNIGRAPH_PROFILE");
      if (n == null || n.isBlank()) {
        throw new CliException(
            "no profile given: pass a name (or set $OMNIGRAPH_PROFILE)", ExitCodes.USAGE);
      }
      OperatorConfig c = load(spec.commandLine().getErr());
      ScopeConfig.Profile p = c.scopes().profiles().get(n);
      if (p == null) {
        throw new CliException("unknown profile '" + n + "': not in profiles: of " + c.path());
      }
      ObjectNode e = entry(c, p);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, e);
      } else {
        out.println(line(e));
        out.flush();
      }
      return e.path("valid").asBoolean() ? ExitCodes.OK : ExitCodes.ERROR;
    }
  }
}
