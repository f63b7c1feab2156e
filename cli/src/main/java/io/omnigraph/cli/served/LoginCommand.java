package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph login <name> [--token T]}: store a server's bearer token (08 §5). */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Store the bearer token of server <name> (a servers: entry) in",
      "<operator home>/credentials (mode 0600), from --token or one line of stdin.",
      "It is sent only to that server; OMNIGRAPH_TOKEN_<NAME> wins over it.",
      "JSON: {server, credentials, stored}."
    })
public final class LoginCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<name>", description = "The server name (servers:).")
  String name;

  @Option(names = "--token", paramLabel = "<token>", description = "The token (else: stdin).")
  String token;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    String t = token != null ? token : readLine();
    if (t == null || t.isBlank()) {
      throw new CliException(
          "no token: pass --token <token> or write it as one line on stdin", ExitCodes.USAGE);
    }
    if (name.isBlank() || name.contains("[") || name.contains("]")) {
      throw new CliException("not a server name: '" + name + "'", ExitCodes.USAGE);
    }
    Credentials c = Credentials.of(CliEnv.get());
    c.store(name, t.strip());
    io.omnigraph.cli.config.OperatorConfig config =
        io.omnigraph.cli.config.OperatorConfig.load(CliEnv.get());
    if (!config.scopes().servers().containsKey(name)) {
      spec.commandLine()
          .getErr()
          .println(
              "warning: "
                  + name
                  + " is not in servers: of "
                  + config.path()
                  + "; the token is used once a server of that name is configured");
      spec.commandLine().getErr().flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("server", name).put("credentials", c.file().toString()).put("stored", true);
      Json.print(out, o);
    } else {
      out.println("stored the token of " + name + " in " + c.file());
      out.flush();
    }
    return ExitCodes.OK;
  }

  private static String readLine() throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return r.readLine();
  }
}
