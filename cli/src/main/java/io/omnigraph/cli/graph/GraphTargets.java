package io.omnigraph.cli.graph;

import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.RootException;
import io.omnigraph.storage.StorageException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/** Shared plumbing of the graph commands: opening roots, the write echo, error mapping. */
final class GraphTargets {
  private GraphTargets() {}

  static void refuseRemoteHttp(String uri) {
    if (uri.startsWith("http://") || uri.startsWith("https://")) {
      throw new CliException(
          "a remote graph must be addressed with --server <url> — a positional (or --uri)"
              + " http(s):// URL no longer dispatches to a server.");
    }
  }

  /** A bare path or {@code file://} URI (08 §4: anything else is non-local). */
  static boolean isLocal(String uri) {
    return !uri.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || uri.startsWith("file://");
  }

  /** 08 §4: {@code omnigraph <verb> → <target> (<access>)} on stderr unless quiet. */
  static void echo(PrintWriter err, String verb, String uri, boolean quiet) {
    if (!quiet) {
      String access = isLocal(uri) ? "direct, local" : "direct, remote";
      err.println("omnigraph " + verb + " → " + uri + " (" + access + ")");
      err.flush();
    }
  }

  /** The graph a read command addresses: a positional URI or {@code --uri}, exactly one. */
  static String uriOf(String positional, String option) {
    if (positional != null && option != null) {
      throw new CliException(
          "give the graph once: either a positional URI or --uri, not both", ExitCodes.USAGE);
    }
    String uri = positional != null ? positional : option;
    if (uri == null) {
      throw new CliException("no graph given: pass a graph URI (or --uri <uri>)", ExitCodes.USAGE);
    }
    return uri;
  }

  /**
   * {@code [<uri>] <arg>} or {@code --uri U <arg>}: two positionals are graph then argument; one
   * positional is the argument and the graph comes from {@code --uri}. Returns {uri, arg}.
   */
  static String[] uriAndArgument(List<String> args, String uriOption, String verb, String what) {
    if (args.size() == 2) {
      if (uriOption != null) {
        throw new CliException(
            verb
                + " takes one "
                + what
                + " with --uri (got two positionals: "
                + String.join(" ", args)
                + ")",
            ExitCodes.USAGE);
      }
      return new String[] {args.get(0), args.get(1)};
    }
    return new String[] {uriOf(null, uriOption), args.get(0)};
  }

  static GraphRoot open(String uri) {
    refuseRemoteHttp(uri);
    return call(() -> GraphRoot.open(uri, CliEnv.get()));
  }

  /** 08 §7: a lost conditional write exits 4, every other failure 1. */
  static int exitCode(RootException e) {
    return e.kind() == RootException.Kind.PRECONDITION_FAILED
        ? ExitCodes.PRECONDITION_FAILED
        : ExitCodes.ERROR;
  }

  /** Runs an engine call, turning root and storage failures into user-facing errors. */
  static <T> T call(Supplier<T> body) {
    try {
      return body.get();
    } catch (RootException e) {
      throw new CliException(e.getMessage(), exitCode(e));
    } catch (StorageException e) {
      throw new CliException("storage: " + e.getMessage());
    }
  }
}
