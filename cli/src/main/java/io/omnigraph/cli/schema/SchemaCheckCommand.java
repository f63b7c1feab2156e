package io.omnigraph.cli.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.Json;
import io.omnigraph.compiler.diag.DiagnosticJson;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code omnigraph schema check <file.pg> [--json]}: compile a schema and summarise it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Compile a .pg schema and print a catalog summary and its digest.",
      "The digest (SHA-256 of the canonical schema IR) ignores comments, formatting and",
      "declaration order, and changes with any semantic change."
    },
    footer = {"", "Exit codes: 0 the schema compiles, 1 it has errors, 2 usage error."})
public final class SchemaCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<file.pg>", description = "The schema file.")
  Path file;

  @Option(
      names = "--json",
      description = "Print one JSON object on stdout (stable shape; see docs/cli.md).")
  boolean json;

  @Override
  public Integer call() {
    SchemaLoader loaded = SchemaLoader.load(file);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, toJson(loaded));
    } else if (loaded.ok()) {
      printHuman(out, loaded);
      loaded.printDiagnostics(spec.commandLine().getErr());
    } else {
      loaded.printDiagnostics(spec.commandLine().getErr());
      spec.commandLine()
          .getErr()
          .println("schema " + file + ": " + loaded.result().errors().size() + " error(s)");
    }
    return loaded.ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  private ObjectNode toJson(SchemaLoader loaded) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", loaded.ok() ? "ok" : "error");
    o.put("schema_path", file.toString());
    if (loaded.ok()) {
      o.put("digest", loaded.schema().digest());
      Catalog c = loaded.schema().catalog();
      o.put("interface_count", c.interfaces().size());
      o.put("node_type_count", c.nodes().size());
      o.put("edge_type_count", c.edges().size());
      ArrayNode nodes = o.putArray("node_types");
      c.nodes().values().forEach(n -> nodes.add(nodeJson(n)));
      ArrayNode edges = o.putArray("edge_types");
      c.edges().values().forEach(e -> edges.add(edgeJson(e)));
    }
    o.set("diagnostics", DiagnosticJson.list(loaded.result().diagnostics()));
    return o;
  }

  private static ObjectNode nodeJson(NodeType n) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", n.name());
    ArrayNode key = o.putArray("key");
    n.keyProperties().forEach(key::add);
    o.put("property_count", n.properties().size());
    ArrayNode props = o.putArray("properties");
    n.properties().values().forEach(p -> props.add(p.name() + ": " + p.type().render()));
    return o;
  }

  private static ObjectNode edgeJson(EdgeType e) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("name", e.name());
    o.put("from", e.from());
    o.put("to", e.to());
    o.put("cardinality", e.renderCard());
    o.put("property_count", e.properties().size());
    return o;
  }

  private void printHuman(PrintWriter out, SchemaLoader loaded) {
    Catalog c = loaded.schema().catalog();
    out.printf("schema %s: ok%n", file);
    out.printf("  digest     %s%n", loaded.schema().digest());
    out.printf(
        "  catalog    %d node type(s), %d edge type(s), %d interface(s)%n",
        c.nodes().size(), c.edges().size(), c.interfaces().size());
    int width = c.nodes().keySet().stream().mapToInt(String::length).max().orElse(0);
    for (NodeType n : c.nodes().values()) {
      String key = n.isKeyed() ? "key(" + String.join(", ", n.keyProperties()) + ")" : "ulid ids";
      out.printf(
          "  node %-" + width + "s  %2d properties  %s%n", n.name(), n.properties().size(), key);
    }
    for (EdgeType e : c.edges().values()) {
      String card = e.hasExplicitCard() ? "  @card(" + e.renderCard() + ")" : "";
      out.printf("  edge %s: %s -> %s%s%n", e.name(), e.from(), e.to(), card);
    }
    out.flush();
  }
}
