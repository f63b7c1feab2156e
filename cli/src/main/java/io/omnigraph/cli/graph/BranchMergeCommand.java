package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.cli.served.ScopeOptions;
import io.omnigraph.cli.served.ServedGraph;
import io.omnigraph.cli.served.ServerError;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.MergeConflict;
import io.omnigraph.engine.root.MergeConflictsException;
import io.omnigraph.engine.root.MergeResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code branch merge [--uri U] <source> [--into target] [--delete-branch] [--json]} (04 §4). */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Merge a branch into --into (default main) as one atomic write: already_up_to_date,",
      "fast_forward, or merged (a two-parent commit). Conflicts abort the whole merge (exit 1,",
      "listed on stderr; with --json {source, target, merge_conflicts[]} on stdout).",
      "--delete-branch deletes the source afterwards; a refused deletion only warns (exit 0).",
      "JSON: {uri, source, target, outcome, actor_id, commit, graph_manifest_version,",
      "branch_deleted?, branch_delete_error?}."
    })
public final class BranchMergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..2",
      paramLabel = "[<uri>] <source>",
      description = "The graph root (unless --uri is given) and the branch to merge.")
  List<String> args;

  @Option(names = "--uri", paramLabel = "<uri>", description = "The graph root.")
  String uriOption;

  @Option(names = "--into", paramLabel = "<target>", description = "Target branch (default main).")
  String into;

  @Mixin ScopeOptions scope;

  @Option(names = "--delete-branch", description = "Delete the source after a successful merge.")
  boolean deleteBranch;

  @Option(
      names = "--as",
      paramLabel = "<actor>",
      description = "Actor recorded on the merge commit (default operator.actor of the config).")
  String actor;

  @Option(names = "--quiet", description = "Do not echo the write target on stderr.")
  boolean quiet;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() {
    GraphArgs.Target t =
        GraphArgs.target(
            scope, args, uriOption, "branch merge", "source branch", actor, spec.commandLine());
    String source = t.argument();
    String target = into == null ? "main" : into;
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (t.scope().isServed()) {
      return served(t.scope().served(), source, target);
    }
    String uri = t.scope().uri();
    String who = OperatorConfig.resolveActor(actor, err);
    GraphTargets.echo(err, "branch merge", uri, quiet);
    MergeResult r;
    try (GraphRoot root = GraphTargets.open(uri)) {
      r = root.merge(source, target, who, deleteBranch);
    } catch (MergeConflictsException e) {
      for (MergeConflict c : e.conflicts()) {
        err.println("conflict: " + c.kind() + " " + c.entityKind() + " " + c.message());
      }
      err.flush();
      if (json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("uri", uri);
        o.put("source", source);
        o.put("target", target);
        o.set("merge_conflicts", e.toJson());
        Json.print(out, o);
      }
      throw new CliException(e.getMessage());
    } catch (io.omnigraph.engine.root.RootException e) {
      throw new CliException(e.getMessage(), GraphTargets.exitCode(e));
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("uri", uri);
    o.setAll(r.toJson());
    print(o);
    return ExitCodes.OK;
  }

  private void print(ObjectNode o) {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (o.path("branch_deleted").isBoolean() && !o.path("branch_deleted").asBoolean()) {
      err.println(
          "warning: branch "
              + o.path("source").asText()
              + " was merged but not deleted: "
              + o.path("branch_delete_error").asText());
      err.flush();
    }
    if (json) {
      Json.print(out, o);
    } else {
      out.println(HumanOutput.merge(o));
      out.flush();
    }
  }

  private int served(ServedGraph g, String source, String target) {
    PrintWriter err = spec.commandLine().getErr();
    Served.echo(err, "branch merge", g, quiet);
    try {
      print(Served.merge(g, source, target, deleteBranch));
    } catch (ServerError e) {
      if (!e.body().has("merge_conflicts")) {
        throw e;
      }
      for (com.fasterxml.jackson.databind.JsonNode c : e.body().path("merge_conflicts")) {
        err.println(
            "conflict: "
                + c.path("kind").asText()
                + " "
                + c.path("entity_kind").asText()
                + " "
                + c.path("message").asText());
      }
      err.flush();
      if (json) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("uri", g.url());
        o.put("source", source);
        o.put("target", target);
        o.set("merge_conflicts", e.body().path("merge_conflicts"));
        Json.print(spec.commandLine().getOut(), o);
      }
      throw new CliException(e.body().path("error").asText());
    }
    return ExitCodes.OK;
  }
}
