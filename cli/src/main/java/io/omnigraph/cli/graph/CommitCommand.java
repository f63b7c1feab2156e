package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.engine.root.Commit;
import io.omnigraph.engine.root.GraphRoot;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph commit list|show}: the commit history of a graph root (04 §5). */
@Command(
    name = "commit",
    mixinStandardHelpOptions = true,
    description = "Inspect the commit history of a graph root.",
    subcommands = {
      CommitCommand.ListCommand.class,
      CommitCommand.ShowCommand.class,
      CommitChangesCommand.class
    })
public final class CommitCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code commit list [URI] [--uri U] [--branch b] [--json]}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List the commits reachable from a branch head, newest first.",
        "Human: one line per commit: <id>  v<manifest version>  <created_at>  <actor>  <parent>",
        "(- for none). JSON: {commits:[commit objects]}."
      })
  public static final class ListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "<uri>", description = "The graph root.")
    String positional;

    @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
    String uriOption;

    @Option(names = "--branch", paramLabel = "<b>", description = "Branch (default main).")
    String branch;

    @Mixin ScopeOptions scope;

    @Option(names = "--json", description = "Print {commits:[…]} as JSON.")
    boolean json;

    @Override
    public Integer call() {
      ScopeOptions.Scope s =
          scope.resolve("commit list", positional, uriOption, null, spec.commandLine().getErr());
      String b = branch == null ? "main" : branch;
      JsonNode o;
      if (s.isServed()) {
        o = Served.commits(s.served(), b);
      } else {
        List<Commit> commits;
        try (GraphRoot root = GraphTargets.open(s.uri())) {
          commits = GraphTargets.call(() -> root.commits(b));
        }
        ObjectNode on = JsonNodeFactory.instance.objectNode();
        ArrayNode a = on.putArray("commits");
        commits.forEach(c -> a.add(c.toJson()));
        o = on;
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, o);
      } else {
        o.path("commits").forEach(c -> out.println(HumanOutput.commitLine(c)));
        out.flush();
      }
      return ExitCodes.OK;
    }
  }

  /**
   * {@code commit show [--uri U] <id> [--json]}; also {@code commit show <uri> <id>} (two
   * positionals: the first is the graph, the second the commit).
   */
  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = {
        "Show one commit.",
        "Usage: commit show --uri <uri> <id>, or commit show <uri> <id>.",
        "JSON: the commit object."
      })
  public static final class ShowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(
        arity = "1..2",
        paramLabel = "[<uri>] <id>",
        description = "The graph root (unless --uri is given) and the commit id.")
    List<String> args;

    @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
    String uriOption;

    @Option(names = "--json", description = "Print the commit object as JSON.")
    boolean json;

    @Mixin ScopeOptions scope;

    @Override
    public Integer call() {
      GraphArgs.Target t =
          GraphArgs.target(
              scope, args, uriOption, "commit show", "commit id", null, spec.commandLine());
      String id = t.argument();
      JsonNode c;
      if (t.scope().isServed()) {
        c = Served.commit(t.scope().served(), id);
      } else {
        try (GraphRoot root = GraphTargets.open(t.scope().uri())) {
          c = GraphTargets.call(() -> root.commit(id)).toJson();
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, c);
      } else {
        HumanOutput.commitShow(out, c);
      }
      return ExitCodes.OK;
    }
  }

  static String iso(long micros) {
    return Instant.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L)
        .toString();
  }

  static String dash(String s) {
    return s == null ? "-" : s;
  }
}
