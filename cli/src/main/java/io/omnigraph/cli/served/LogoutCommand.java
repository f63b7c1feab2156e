package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph logout <name>}: forget a server's stored token (idempotent). */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the stored token of server <name> from the credentials file",
      "(idempotent).",
      "JSON: {server, credentials, removed}."
    })
public final class LogoutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<name>", description = "The server name.")
  String name;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() {
    Credentials c = Credentials.of(CliEnv.get());
    boolean removed = c.remove(name);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("server", name).put("credentials", c.file().toString()).put("removed", removed);
      Json.print(out, o);
    } else {
      out.println(removed ? "removed the token of " + name : "no token stored for " + name);
      out.flush();
    }
    return ExitCodes.OK;
  }
}
