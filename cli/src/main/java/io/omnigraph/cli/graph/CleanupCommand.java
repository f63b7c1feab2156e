package io.omnigraph.cli.graph;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.engine.root.CleanupReport;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.RetentionPolicy;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omnigraph cleanup [URI] --keep N|--older-than D [--confirm]}: version GC (04 §8). */
@Command(
    name = "cleanup",
    mixinStandardHelpOptions = true,
    header = "Destructive: remove old graph versions (--keep/--older-than) for good.",
    description = {
      "Destructive: remove old graph versions for good. Keeps the newest --keep <n> manifest",
      "versions and/or those newer than --older-than <d> (units s m h d w; with both, a version",
      "goes only if it is outside both); the newest version always stays. Removes the manifest",
      "versions, every dataset version no kept version (on any live branch) needs, and",
      "orphaned per-dataset branch forks. Without --confirm: preview only (exit 0). Non-local",
      "targets also need --yes. Time travel to a removed version then fails, naming the oldest",
      "kept version. JSON: {uri, confirm, keep_versions, older_than_secs,",
      "manifest_versions_removed, oldest_kept_manifest_version, datasets:[{type_key,",
      "dataset_path, bytes_removed, old_versions_removed, lance_branches_removed, error}]}."
    })
public final class CleanupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin MaintenanceTarget target;

  @Option(names = "--keep", paramLabel = "<n>", description = "Keep the newest n versions.")
  Integer keep;

  @Option(
      names = "--older-than",
      paramLabel = "<duration>",
      description = "Remove only versions older than this (e.g. 7d, 12h).")
  String olderThan;

  @Option(names = "--confirm", description = "Really remove (default: preview).")
  boolean confirm;

  @Option(names = "--yes", description = "Consent for a non-local target (s3://…).")
  boolean yes;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() {
    RetentionPolicy policy = policy();
    return run(target.resolve("cleanup"), policy);
  }

  private RetentionPolicy policy() {
    try {
      Duration d = olderThan == null ? null : RetentionPolicy.parseDuration(olderThan);
      return new RetentionPolicy(keep, d);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), ExitCodes.USAGE);
    }
  }

  /** Cleans the graph at an already resolved URI. */
  int run(String uri, RetentionPolicy policy) {
    PrintWriter err = spec.commandLine().getErr();
    if (confirm && !GraphTargets.isLocal(uri) && !yes) {
      consent(uri);
    }
    target.echo(err, "cleanup", uri);
    if (!confirm) {
      err.println(
          "cleanup is destructive — rerun with --confirm. Policy for "
              + uri
              + ": "
              + policy.describe());
      err.flush();
    }
    CleanupReport r;
    try (GraphRoot root = GraphTargets.open(uri)) {
      r = GraphTargets.call(() -> root.cleanup(policy, confirm));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, r.toJson(uri));
    } else {
      r.humanLines(uri).forEach(out::println);
      out.flush();
    }
    return r.failed().isEmpty() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  /** 08 §4: a TTY prompt accepting yes/y; no TTY or --json refuses. */
  private void consent(String uri) {
    Console console = System.console();
    if (console != null && !json) {
      String answer =
          console.readLine(
              "About to run a destructive `cleanup` against %s (not local). Type 'yes' to"
                  + " continue: ",
              uri);
      String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
      if (a.equals("yes") || a.equals("y")) {
        return;
      }
    }
    throw new CliException(
        "refusing destructive `cleanup` against non-local target "
            + uri
            + " without confirmation; pass --yes to confirm");
  }
}
