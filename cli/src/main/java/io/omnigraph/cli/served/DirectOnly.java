package io.omnigraph.cli.served;

import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import picocli.CommandLine.Option;

/**
 * The hidden {@code --server} of the direct verbs ({@code init}, {@code schema plan}, {@code lint};
 * a picocli mixin): a scope flag a verb cannot consume is an error, never ignored (08 §1).
 */
public final class DirectOnly {
  @Option(names = "--server", paramLabel = "<name|url>", hidden = true)
  String server;

  /** Refuses {@code --server}; {@code alternative} says what to pass instead. */
  public void check(String verb, String alternative) {
    if (server != null) {
      throw new CliException(
          verb
              + " is a direct (storage-native) command; --server addresses a served graph and does"
              + " not apply. "
              + alternative,
          ExitCodes.USAGE);
    }
  }

  /**
   * {@link #check} and a required graph URI (positional optional only so this check runs first).
   */
  public String uri(String verb, String positional) {
    check(verb, "Pass a storage URI.");
    if (positional == null) {
      throw new CliException(
          "no graph given: pass a graph URI (path, file://, s3://)", ExitCodes.USAGE);
    }
    if (positional.startsWith("http://") || positional.startsWith("https://")) {
      throw new CliException(ScopeOptions.REMOTE_POSITIONAL, ExitCodes.USAGE);
    }
    return positional;
  }
}
