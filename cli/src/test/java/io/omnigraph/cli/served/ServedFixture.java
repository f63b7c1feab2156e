package io.omnigraph.cli.served;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.ops.ClusterOps;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.server.OmnigraphServer;
import io.omnigraph.server.ServerOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real cluster built from examples/quickstart (schema, stored queries, seed), applied with the
 * control plane and served by a real {@link OmnigraphServer} on port 0 with bearer tokens. The
 * graph policy lets {@code act-reader} read and invoke, {@code act-editor} also change, export,
 * manage branches and apply schemas; the cluster bundle lets {@code act-admin} list graphs.
 */
final class ServedFixture implements AutoCloseable {
  static final String TOKENS =
      "{\"act-reader\":\"tok-reader\",\"act-editor\":\"tok-editor\",\"act-admin\":\"tok-admin\"}";
  static final String GRAPH_POLICY =
      """
      version: 1
      groups:
        readers: ["act-reader", "act-editor"]
        editors: ["act-editor"]
      rules:
        - id: invoke
          allow: { actors: { group: readers }, actions: [invoke_query] }
        - id: read
          allow: { actors: { group: readers }, actions: [read], branch_scope: any }
        - id: edit
          allow: { actors: { group: editors }, actions: [change, export], branch_scope: any }
        - id: branches
          allow:
            actors: { group: editors }
            actions: [branch_create, branch_delete, branch_merge, schema_apply]
      """;

  final Path dir;
  final OmnigraphServer server;

  private ServedFixture(Path dir, OmnigraphServer server) {
    this.dir = dir;
    this.server = server;
  }

  static Path quickstart(String name) {
    return io.omnigraph.cli.CliRunner.quickstart(name);
  }

  /** Applies a cluster serving {@code graphs} (each the quickstart graph, seeded) and serves it. */
  static ServedFixture start(Path dir, List<String> graphs) throws IOException {
    Files.createDirectories(dir.resolve("queries"));
    Files.copy(quickstart("people.pg"), dir.resolve("people.pg"));
    Files.copy(quickstart("queries/people.gq"), dir.resolve("queries/people.gq"));
    Files.writeString(dir.resolve("graph.policy.yaml"), GRAPH_POLICY);
    Files.copy(quickstart("policies/server.policy.yaml"), dir.resolve("server.policy.yaml"));
    StringBuilder y = new StringBuilder("version: 1\ngraphs:\n");
    graphs.forEach(
        g -> y.append("  ").append(g).append(": { schema: people.pg, queries: queries/ }\n"));
    y.append("policies:\n")
        .append("  graph: { file: graph.policy.yaml, applies_to: [")
        .append(String.join(", ", graphs))
        .append("] }\n")
        .append("  server: { file: server.policy.yaml, applies_to: [cluster] }\n");
    Files.writeString(dir.resolve("cluster.yaml"), y.toString());
    check(ClusterOps.importState(dir, Map.of()));
    check(ClusterOps.apply(dir, "act-test", Map.of()));
    for (String g : graphs) {
      try (GraphRoot root = GraphRoot.open(graphUri(dir, g), Map.of());
          InputStream in = Files.newInputStream(quickstart("seed.jsonl"))) {
        root.load(in, LoadMode.MERGE, "main", "act-seed");
      }
    }
    Map<String, String> env = Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", TOKENS);
    OmnigraphServer s =
        OmnigraphServer.start(
            ServerOptions.local(dir.toString(), env), new PrintStream(new ByteArrayOutputStream()));
    return new ServedFixture(dir, s);
  }

  private static void check(ObjectNode out) {
    if (!out.path("ok").asBoolean()) {
      throw new IllegalStateException("cluster command failed: " + out.toPrettyString());
    }
  }

  static String graphUri(Path dir, String graph) {
    return dir.resolve("graphs").resolve(graph + ".omni").toString();
  }

  /** The storage URI of a served graph (for the embedded side of comparisons). */
  String storage(String graph) {
    return graphUri(dir, graph);
  }

  String url() {
    return "http://" + server.listenAddress();
  }

  @Override
  public void close() {
    server.close();
  }
}
