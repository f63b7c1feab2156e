package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.Manifest;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph branch create|list|delete}: graph branches (04 §4). */
@Command(
    name = "branch",
    mixinStandardHelpOptions = true,
    description = "Create, list, delete and merge graph branches.",
    subcommands = {
      BranchCommand.CreateCommand.class,
      BranchCommand.ListCommand.class,
      BranchCommand.DeleteCommand.class,
      BranchMergeCommand.class
    })
public final class BranchCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code branch create [--uri U] [--from src] <name> [--json]}. */
  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description = {
        "Create a branch from --from (default main): one manifest version, no data copied;",
        "each dataset forks onto a Lance branch on the branch's first write to it.",
        "Usage: branch create --uri <uri> <name>, or branch create <uri> <name>.",
        "JSON: {uri, from, name, actor_id}."
      })
  public static final class CreateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        arity = "1..2",
        paramLabel = "[<uri>] <name>",
        description = "The graph root (unless --uri is given) and the new branch name.")
    List<String> args;

    @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
    String uriOption;

    @Option(names = "--from", paramLabel = "<src>", description = "Source branch (default main).")
    String from;

    @Mixin ScopeOptions scope;

    @Option(
        names = "--as",
        paramLabel = "<actor>",
        description = "Actor (reported only; default operator.actor of the config).")
    String actor;

    @Option(names = "--quiet", description = "Do not echo the write target on stderr.")
    boolean quiet;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
      GraphArgs.Target t =
          GraphArgs.target(
              scope, args, uriOption, "branch create", "branch name", actor, spec.commandLine());
      String name = t.argument();
      String source = from == null ? "main" : from;
      if (t.scope().isServed()) {
        Served.echo(spec.commandLine().getErr(), "branch create", t.scope().served(), quiet);
        print(Served.branchCreate(t.scope().served(), name, from));
        return ExitCodes.OK;
      }
      String uri = t.scope().uri();
      actor =
          io.omnigraph.cli.config.OperatorConfig.resolveActor(actor, spec.commandLine().getErr());
      GraphTargets.echo(spec.commandLine().getErr(), "branch create", uri, quiet);
      Manifest m;
      try (GraphRoot root = GraphTargets.open(uri)) {
        m = GraphTargets.call(() -> root.createBranch(name, source));
      }
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("uri", uri);
      o.put("from", source);
      o.put("name", name);
      o.put("actor_id", actor);
      o.put("graph_manifest_version", m.version());
      print(o);
      return ExitCodes.OK;
    }

    private void print(ObjectNode o) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, o);
      } else {
        out.println(
            "created branch "
                + o.path("name").asText()
                + " from "
                + o.path("from").asText()
                + (o.has("graph_manifest_version")
                    ? " (manifest v" + o.path("graph_manifest_version").asLong() + ")"
                    : ""));
        out.flush();
      }
    }
  }

  /** {@code branch list [URI] [--uri U] [--json]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the public branches (internal __ branches hidden), one per line, sorted.",
        "JSON: {branches:[names]}."
      })
  public static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
    String positional;

    @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
    String uriOption;

    @Option(names = "--json", description = "Print {branches:[…]} as JSON.")
    boolean json;

    @Mixin ScopeOptions scope;

    @Override
    public Integer call() {
      ScopeOptions.Scope s =
          scope.resolve("branch list", positional, uriOption, null, spec.commandLine().getErr());
      List<String> names = new java.util.ArrayList<>();
      if (s.isServed()) {
        Served.branches(s.served()).path("branches").forEach(n -> names.add(n.asText()));
      } else {
        try (GraphRoot root = GraphTargets.open(s.uri())) {
          names.addAll(GraphTargets.call(root::listBranches));
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode a = o.putArray("branches");
        names.forEach(a::add);
        Json.print(out, o);
      } else {
        names.forEach(out::println);
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code branch delete [--uri U] <name> [--yes] [--json]}. */
  @Command(
      name = "delete",
      mixinStandardHelpOptions = true,
      description = {
        "Delete a branch and the Lance branches it forked (irreversible). Refused for main, for",
        "unknown branches and for branches other live branches were created from.",
        "Non-local graphs need --yes. JSON: {uri, name, actor_id}."
      })
  public static final class DeleteCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        arity = "1..2",
        paramLabel = "[<uri>] <name>",
        description = "The graph root (unless --uri is given) and the branch name.")
    List<String> args;

    @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
    String uriOption;

    @Option(
        names = "--as",
        paramLabel = "<actor>",
        description = "Actor (reported only; default operator.actor of the config).")
    String actor;

    @Option(names = "--yes", description = "Confirm deleting a branch of a non-local graph.")
    boolean yes;

    @Mixin ScopeOptions scope;

    @Option(names = "--quiet", description = "Do not echo the write target on stderr.")
    boolean quiet;

    @Option(names = "--json", description = "Print one JSON object on stdout.")
    boolean json;

    @Override
    public Integer call() {
      GraphArgs.Target t =
          GraphArgs.target(
              scope, args, uriOption, "branch delete", "branch name", actor, spec.commandLine());
      String name = t.argument();
      if (t.scope().isServed()) {
        return served(t.scope().served(), name);
      }
      String uri = t.scope().uri();
      if (!yes && !GraphTargets.isLocal(uri)) {
        throw new CliException(
            "refusing destructive `branch delete` against non-local target "
                + uri
                + " without confirmation; pass --yes to confirm");
      }
      actor =
          io.omnigraph.cli.config.OperatorConfig.resolveActor(actor, spec.commandLine().getErr());
      GraphTargets.echo(spec.commandLine().getErr(), "branch delete", uri, quiet);
      try (GraphRoot root = GraphTargets.open(uri)) {
        GraphTargets.call(() -> root.deleteBranch(name));
      }
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("uri", uri);
      o.put("name", name);
      o.put("actor_id", actor);
      print(o);
      return ExitCodes.OK;
    }

    private int served(io.omnigraph.cli.served.ServedGraph g, String name) {
      if (!yes) {
        throw new CliException(
            "refusing destructive `branch delete` against non-local target "
                + g.url()
                + " without confirmation; pass --yes to confirm");
      }
      Served.echo(spec.commandLine().getErr(), "branch delete", g, quiet);
      print(Served.branchDelete(g, name));
      return ExitCodes.OK;
    }

    private void print(ObjectNode o) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, o);
      } else {
        out.println("deleted branch " + o.path("name").asText());
        out.flush();
      }
    }
  }
}
