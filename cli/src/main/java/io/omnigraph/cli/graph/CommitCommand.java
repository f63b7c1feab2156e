package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.engine.root.Commit;
import io.omnigraph.engine.root.GraphRoot;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--json", description = "Print {commits:[…]} as JSON.")
    boolean json;

    @Override
    public Integer call() {
      String uri = GraphTargets.uriOf(positional, uriOption);
      String b = branch == null ? "main" : branch;
      List<Commit> commits;
      try (GraphRoot root = GraphTargets.open(uri)) {
        commits = GraphTargets.call(() -> root.commits(b));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ArrayNode a = o.putArray("commits");
        commits.forEach(c -> a.add(c.toJson()));
        Json.print(out, o);
      } else {
        for (Commit c : commits) {
          out.println(
              String.join(
                  "  ",
                  c.graphCommitId(),
                  "v" + c.graphManifestVersion(),
                  iso(c.createdAtMicros()),
                  dash(c.actorId()),
                  dash(c.parentCommitId())));
        }
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

    @Override
    public Integer call() {
      String[] ui = GraphTargets.uriAndArgument(args, uriOption, "commit show", "commit id");
      String uri = ui[0];
      String id = ui[1];
      Commit c;
      try (GraphRoot root = GraphTargets.open(uri)) {
        c = GraphTargets.call(() -> root.commit(id));
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        Json.print(out, c.toJson());
      } else {
        out.println("commit      " + c.graphCommitId());
        out.println("branch      " + c.graphBranch());
        out.println("manifest    v" + c.graphManifestVersion());
        out.println("created_at  " + iso(c.createdAtMicros()));
        out.println("actor       " + dash(c.actorId()));
        out.println("parent      " + dash(c.parentCommitId()));
        if (c.mergedParentCommitId() != null) {
          out.println("merged      " + c.mergedParentCommitId());
        }
        out.flush();
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
