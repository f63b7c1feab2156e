package io.omnigraph.cli.graph;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.served.ScopeOptions;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code [<uri>] <arg>} verbs ({@code branch create|delete|merge}, {@code commit show}): two
 * positionals are graph then argument; one is the argument and the graph comes from {@code --uri},
 * {@code --server} or the configured scope.
 */
final class GraphArgs {
  private GraphArgs() {}

  record Target(ScopeOptions.Scope scope, String argument) {}

  static Target target(
      ScopeOptions scope,
      List<String> args,
      String uriOption,
      String verb,
      String what,
      String actor,
      CommandLine cmd) {
    String positional = null;
    String arg = args.get(args.size() - 1);
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
      positional = args.get(0);
    }
    return new Target(scope.resolve(verb, positional, uriOption, actor, cmd.getErr()), arg);
  }
}
