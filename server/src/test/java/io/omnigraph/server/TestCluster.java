package io.omnigraph.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ast.QueryAst;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Prepares an applied cluster at a storage root the way {@code cluster apply} leaves it: graph
 * roots under {@code graphs/<id>.omni} (made with {@link GraphRoot#init} and loaded), the
 * content-addressed catalog and {@code __cluster/state.json}. Until the cluster module's apply is
 * available this is how server tests get a ledger to boot from.
 */
final class TestCluster {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String root;
  private final Map<String, String> env;
  private final ObjectNode state = JSON.createObjectNode();
  private final ObjectNode resources;

  TestCluster(String root, Map<String, String> env) {
    this.root = root;
    this.env = env;
    state.put("version", 1).put("state_revision", 1);
    ObjectNode applied = state.putObject("applied_revision");
    applied.putNull("config_digest");
    resources = applied.putObject("resources");
  }

  String root() {
    return root;
  }

  /** Creates graph {@code id} with {@code schema} and loads {@code seed} (may be null). */
  TestCluster graph(String id, String schema, String seed) throws IOException {
    CompiledSchema s = SchemaCompiler.compile("schema.pg", schema).value();
    String uri = root + "/graphs/" + id + ".omni";
    GraphRoot.init(uri, s, "act-test", env);
    if (seed != null) {
      try (GraphRoot g = GraphRoot.open(uri, env)) {
        g.load(
            new ByteArrayInputStream(seed.getBytes(StandardCharsets.UTF_8)),
            LoadMode.MERGE,
            "main",
            "act-test");
      }
    }
    resources.putObject("schema." + id).put("digest", sha256(schema.getBytes()));
    resources.putObject("graph." + id).put("digest", sha256(id.getBytes()));
    return this;
  }

  /** Publishes every query declared in {@code text} as {@code query.<graph>.<name>}. */
  TestCluster queries(String graphId, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    String digest = sha256(bytes);
    QueryAst.File file = QueryCompiler.parse(new SourceText("q.gq", text)).value();
    try (ObjectStore store = ObjectStores.open(root, env)) {
      for (QueryAst.QueryDecl q : file.queries()) {
        String name = q.name().text();
        store.put(
            "__cluster/resources/query/" + graphId + "/" + name + "/" + digest + ".gq", bytes);
        resources.putObject("query." + graphId + "." + name).put("digest", digest);
      }
    }
    return this;
  }

  /** Publishes every {@code *.gq} of a directory for {@code graphId}. */
  TestCluster queryDir(String graphId, Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".gq")).sorted().toList()) {
        queries(graphId, Files.readString(f));
      }
    }
    return this;
  }

  /** Publishes policy {@code name} bound to {@code bindings} ({@code cluster}, {@code graph.x}). */
  TestCluster policy(String name, String yaml, List<String> bindings) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    String digest = sha256(bytes);
    try (ObjectStore store = ObjectStores.open(root, env)) {
      store.put("__cluster/resources/policy/" + name + "/" + digest + ".yaml", bytes);
    }
    ObjectNode r = resources.putObject("policy." + name).put("digest", digest);
    if (bindings != null) {
      bindings.forEach(r.putArray("applies_to")::add);
    }
    return this;
  }

  /** Direct access to the state being built (for corrupting it in failure tests). */
  ObjectNode resources() {
    return resources;
  }

  /** Writes a recovery sidecar for {@code graphId} (blank = unattributed). */
  TestCluster sidecar(String ulid, String graphId) throws IOException {
    ObjectNode s = JSON.createObjectNode().put("schema_version", 1).put("graph_id", graphId);
    s.put("kind", "schema_apply");
    try (ObjectStore store = ObjectStores.open(root, env)) {
      store.put("__cluster/recoveries/" + ulid + ".json", JSON.writeValueAsBytes(s));
    }
    return this;
  }

  TestCluster writeState() throws IOException {
    try (ObjectStore store = ObjectStores.open(root, env)) {
      store.put("__cluster/state.json", JSON.writeValueAsBytes(state));
    }
    return this;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
