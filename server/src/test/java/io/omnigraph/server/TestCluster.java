package io.omnigraph.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.ops.ClusterOps;
import io.omnigraph.cluster.state.ClusterStore;
import io.omnigraph.cluster.state.RecoverySidecar;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A cluster config directory for server tests, applied with the real control plane ({@code
 * ClusterOps.apply}, as {@code omnigraph cluster apply} does), then seeded through the graph roots.
 * Helpers damage the applied state for the boot failure matrix.
 */
final class TestCluster {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final String storage;
  private final Map<String, String> env;
  private final Map<String, String> seeds = new LinkedHashMap<>();
  private final List<String> graphYaml = new ArrayList<>();
  private final List<String> policyYaml = new ArrayList<>();
  private String providers = "";

  /** {@code storage} null: the config directory is the storage root. */
  TestCluster(Path dir, String storage, Map<String, String> env) throws IOException {
    this.dir = dir;
    this.storage = storage;
    this.env = env;
    Files.createDirectories(dir);
  }

  TestCluster(String dir, Map<String, String> env) throws IOException {
    this(Path.of(dir), null, env);
  }

  /**
   * The industry-intel cookbook as graph {@code spike} (schema, seed, stored queries) in {@code
   * dir/cluster}, not yet applied.
   */
  static TestCluster industryIntel(Path dir) throws IOException {
    Path cb = io.omnigraph.compiler.testing.Fixtures.cookbooks().resolve("industry-intel");
    return new TestCluster(dir.resolve("cluster").toString(), Map.of())
        .graph(
            "spike",
            Files.readString(cb.resolve("schema.pg")),
            Files.readString(cb.resolve("seed.jsonl")))
        .queryDir("spike", cb.resolve("queries"));
  }

  /** A server on port 0 over this (applied) cluster with {@code tokensJson}, log discarded. */
  OmnigraphServer serve(String tokensJson) {
    return OmnigraphServer.start(
        ServerOptions.local(root(), Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", tokensJson)),
        new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true));
  }

  /** The config directory (the value for {@code --cluster}). */
  String root() {
    return dir.toString();
  }

  /** The storage root. */
  String storageRoot() {
    return storage == null ? dir.toString() : storage;
  }

  TestCluster graph(String id, String schema, String seed) throws IOException {
    Files.writeString(dir.resolve(id + ".pg"), schema);
    Files.createDirectories(dir.resolve("queries").resolve(id));
    graphYaml.add("  " + id + ":\n    schema: " + id + ".pg\n    queries: queries/" + id + "/\n");
    if (seed != null) {
      seeds.put(id, seed);
    }
    return this;
  }

  /** Same as {@link #graph} with an embedding provider binding. */
  TestCluster graphWithProvider(String id, String schema, String provider) throws IOException {
    graph(id, schema, null);
    int last = graphYaml.size() - 1;
    graphYaml.set(last, graphYaml.get(last) + "    embedding_provider: " + provider + "\n");
    providers = "providers:\n  embedding:\n    " + provider + ":\n      kind: mock\n";
    return this;
  }

  TestCluster queries(String graphId, String text) throws IOException {
    Path d = dir.resolve("queries").resolve(graphId);
    try (Stream<Path> s = Files.list(d)) {
      Files.writeString(d.resolve("q" + s.count() + ".gq"), text);
    }
    return this;
  }

  TestCluster queryDir(String graphId, Path src) throws IOException {
    try (Stream<Path> files = Files.list(src)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".gq")).sorted().toList()) {
        Files.copy(f, dir.resolve("queries").resolve(graphId).resolve(f.getFileName()));
      }
    }
    return this;
  }

  TestCluster policy(String name, String yaml, List<String> bindings) throws IOException {
    Files.writeString(dir.resolve(name + ".policy.yaml"), yaml);
    policyYaml.add(
        "  "
            + name
            + ":\n    file: "
            + name
            + ".policy.yaml\n    applies_to: ["
            + String.join(", ", bindings)
            + "]\n");
    return this;
  }

  /** Writes cluster.yaml, applies it, loads the seeds. */
  TestCluster apply() throws IOException {
    StringBuilder y = new StringBuilder("version: 1\n");
    if (storage != null) {
      y.append("storage: ").append(storage).append('\n');
    }
    y.append(providers);
    y.append("graphs:\n");
    graphYaml.forEach(y::append);
    if (!policyYaml.isEmpty()) {
      y.append("policies:\n");
      policyYaml.forEach(y::append);
    }
    Files.writeString(dir.resolve("cluster.yaml"), y.toString());
    ObjectNode imported = ClusterOps.importState(dir, env);
    if (!imported.path("ok").asBoolean()) {
      throw new IllegalStateException("cluster import failed: " + imported.toPrettyString());
    }
    ObjectNode out = ClusterOps.apply(dir, "act-test", env);
    if (!out.path("ok").asBoolean()) {
      throw new IllegalStateException("cluster apply failed: " + out.toPrettyString());
    }
    for (Map.Entry<String, String> s : seeds.entrySet()) {
      try (GraphRoot g = GraphRoot.open(storageRoot() + "/graphs/" + s.getKey() + ".omni", env)) {
        g.load(
            new ByteArrayInputStream(s.getValue().getBytes(StandardCharsets.UTF_8)),
            LoadMode.MERGE,
            "main",
            "act-test");
      }
    }
    return this;
  }

  /** Writes a recovery sidecar for {@code graphId} (blank = unattributed). */
  TestCluster sidecar(String ulid, String graphId) {
    RecoverySidecar s =
        new RecoverySidecar(
            ulid,
            "2026-11-26T00:00:00Z",
            "act-test",
            "schema_apply",
            graphId,
            storageRoot() + "/graphs/" + graphId + ".omni",
            1L,
            2L,
            "00",
            null,
            null);
    try (ClusterStore store = ClusterStore.open(storageRoot(), env)) {
      s.write(store);
    }
    return this;
  }

  /** Rewrites {@code __cluster/state.json} after {@code edit} changed its JSON. */
  TestCluster editState(Consumer<ObjectNode> edit) throws IOException {
    try (ObjectStore store = ObjectStores.open(storageRoot(), env)) {
      JsonNode n = JSON.readTree(store.get("__cluster/state.json").orElseThrow().bytes());
      edit.accept((ObjectNode) n);
      store.put("__cluster/state.json", JSON.writeValueAsBytes(n));
    }
    return this;
  }

  /** The applied resources object of the ledger. */
  static ObjectNode resources(ObjectNode state) {
    return (ObjectNode) state.path("applied_revision").path("resources");
  }
}
