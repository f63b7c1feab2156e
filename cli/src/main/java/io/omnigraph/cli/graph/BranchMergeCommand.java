package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.cli.config.OperatorConfig;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.MergeConflict;
import io.omnigraph.engine.root.MergeConflictsException;
import io.omnigraph.engine.root.MergeResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
    String[] un = GraphTargets.uriAndArgument(args, uriOption, "branch merge", "source branch");
    String uri = un[0];
    String source = un[1];
    String target = into == null ? "main" : into;
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
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
    if (Boolean.FALSE.equals(r.branchDeleted())) {
      err.println(
          "warning: branch " + source + " was merged but not deleted: " + r.branchDeleteError());
      err.flush();
    }
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("uri", uri);
      o.setAll(r.toJson());
      Json.print(out, o);
    } else {
      out.println(r.humanLine());
      out.flush();
    }
    return ExitCodes.OK;
  }
}
