package io.omnigraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.server.boot.BootFailure;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 06 §2: every fatal boot code from a prepared cluster, quarantine, strict mode, auth states. */
class BootMatrixTest {
  static final String SCHEMA = "node Person { name: String @key  age: I32? }\n";
  static final String SEED =
      "{\"type\":\"Person\",\"data\":{\"name\":\"ann\",\"age\":30}}\n"
          + "{\"type\":\"Person\",\"data\":{\"name\":\"bob\",\"age\":40}}\n";
  static final String QUERIES =
      "query by_name($name: String) { match { $p: Person { name: $name } } return { $p.name, $p.age } }\n";
  static final String POLICY =
      "version: 1\ngroups: { readers: [act-r] }\nrules:\n  - id: r\n    allow: { actors: { group: readers }, actions: [read, invoke_query] }\n";
  static final Map<String, String> TOKENS =
      Map.of("OMNIGRAPH_SERVER_BEARER_TOKEN", "tok-default-1");

  @TempDir Path dir;

  private TestCluster cluster(String name) throws Exception {
    return new TestCluster(dir.resolve(name), null, Map.of());
  }

  private static BootFailure bootFails(String root, ServerOptions o) {
    try (OmnigraphServer s =
        OmnigraphServer.start(o, new PrintStream(new ByteArrayOutputStream()))) {
      throw new AssertionError("booted: " + s.listenAddress());
    } catch (BootFailure f) {
      return f;
    }
  }

  private static String code(BootFailure f) {
    return f.diagnostics().get(0).code();
  }

  @Test
  void stateMissing() throws Exception {
    TestCluster c = cluster("a");
    BootFailure f = bootFails(c.root(), ServerOptions.local(c.root(), TOKENS));
    assertThat(code(f)).isEqualTo("cluster_state_missing");
    assertThat(f.report(c.root()))
        .startsWith(
            "the cluster at '" + c.root() + "' is not ready to serve:\n[cluster_state_missing]")
        .contains("cluster import");
  }

  @Test
  void emptyCluster() throws Exception {
    TestCluster c = cluster("a").graph("g", SCHEMA, null).apply();
    c.editState(
        s -> {
          ObjectNode r = TestCluster.resources(s);
          List<String> keys = new java.util.ArrayList<>();
          r.fieldNames().forEachRemaining(keys::add);
          keys.forEach(r::remove);
        });
    assertThat(code(bootFails(c.root(), ServerOptions.local(c.root(), TOKENS))))
        .isEqualTo("cluster_empty");
  }

  @Test
  void storageRootInvalid() throws Exception {
    Path config = dir.resolve("bad");
    Files.createDirectories(config);
    Files.writeString(config.resolve("cluster.yaml"), "version: 1\nstorage: \"\"\n");
    assertThat(code(bootFails(config.toString(), ServerOptions.local(config.toString(), TOKENS))))
        .isEqualTo("storage_root_invalid");
  }

  @Test
  void configDirStorageKeyLocatesTheRoot() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    TestCluster c =
        new TestCluster(dir.resolve("config"), data.toString(), Map.of())
            .graph("g", SCHEMA, SEED)
            .apply();
    try (OmnigraphServer s =
        OmnigraphServer.start(
            ServerOptions.local(c.root(), TOKENS), new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(s.cluster().graphs()).containsKey("g");
      assertThat(s.cluster().graphs().get("g").uri()).startsWith(data.toString());
    }
  }

  @Test
  void recoverySidecars() throws Exception {
    TestCluster c =
        cluster("a")
            .graph("g", SCHEMA, SEED)
            .graph("h", SCHEMA, SEED)
            .queries("g", QUERIES)
            .apply()
            .sidecar("01JAAAAAAAAAAAAAAAAAAAAAAA", "h");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (OmnigraphServer s =
        OmnigraphServer.start(ServerOptions.local(c.root(), TOKENS), new PrintStream(log, true))) {
      assertThat(s.cluster().graphs().keySet()).containsExactly("g");
      assertThat(s.cluster().quarantined()).containsKey("h");
      Http http = new Http(s.listenAddress());
      assertThat(http.get("/graphs/h/snapshot", "tok-default-1").status()).isEqualTo(404);
      assertThat(http.get("/graphs/g/snapshot", "tok-default-1").status()).isEqualTo(200);
    }
    assertThat(log.toString()).contains("WARN").contains("cluster_recovery_pending");
    BootFailure strict =
        bootFails(c.root(), ServerOptions.local(c.root(), TOKENS).withRequireAllGraphs(true));
    assertThat(code(strict)).isEqualTo("cluster_recovery_pending");
    c.sidecar("01JBBBBBBBBBBBBBBBBBBBBBBB", "g");
    assertThat(code(bootFails(c.root(), ServerOptions.local(c.root(), TOKENS))))
        .isEqualTo("cluster_no_healthy_graphs");
    c.sidecar("01JCCCCCCCCCCCCCCCCCCCCCCC", " ");
    assertThat(code(bootFails(c.root(), ServerOptions.local(c.root(), TOKENS))))
        .isEqualTo("cluster_recovery_unattributed");
    Files.writeString(
        Path.of(c.root(), "__cluster/recoveries/01JDDDDDDDDDDDDDDDDDDDDDDD.json"), "{");
    BootFailure unreadable = bootFails(c.root(), ServerOptions.local(c.root(), TOKENS));
    assertThat(unreadable.getMessage()).contains("01JDDDDDDDDDDDDDDDDDDDDDDD");
  }

  @Test
  void catalogPayloadMissingAndTampered() throws Exception {
    TestCluster c = cluster("a").graph("g", SCHEMA, SEED).queries("g", QUERIES).apply();
    Path blob;
    try (var files = Files.walk(Path.of(c.root(), "__cluster/resources/query"))) {
      blob = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    Files.writeString(blob, QUERIES + "\n// tampered\n");
    BootFailure f = bootFails(c.root(), ServerOptions.local(c.root(), TOKENS));
    assertThat(code(f)).isEqualTo("catalog_payload_digest_mismatch");
    assertThat(f.getMessage()).contains("cluster refresh");
    Files.delete(blob);
    assertThat(code(bootFails(c.root(), ServerOptions.local(c.root(), TOKENS))))
        .isEqualTo("catalog_payload_missing");
  }

  @Test
  void policyBindingsMissingAndDuplicated() throws Exception {
    TestCluster c =
        cluster("a")
            .graph("g", SCHEMA, SEED)
            .graph("h", SCHEMA, SEED)
            .policy("p", POLICY, List.of("g"))
            .policy("q", POLICY, List.of("h"))
            .apply();
    c.editState(
        s ->
            ((ObjectNode) TestCluster.resources(s).get("policy.q"))
                .putArray("applies_to")
                .add("graph.g"));
    BootFailure f = bootFails(c.root(), ServerOptions.local(c.root(), TOKENS));
    assertThat(f.getMessage()).contains("multiple policy bundles bind graph.g");
    c.editState(s -> ((ObjectNode) TestCluster.resources(s).get("policy.q")).remove("applies_to"));
    assertThat(code(bootFails(c.root(), ServerOptions.local(c.root(), TOKENS))))
        .isEqualTo("policy_bindings_missing");
  }

  @Test
  void embeddingProviderChecks() throws Exception {
    TestCluster c = cluster("a").graphWithProvider("g", SCHEMA, "emb").apply();
    try (OmnigraphServer s =
        OmnigraphServer.start(
            ServerOptions.local(c.root(), TOKENS), new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(s.cluster().graphs()).containsKey("g");
    }
    c.editState(
        s ->
            ((ObjectNode) TestCluster.resources(s).get("provider.embedding.emb"))
                .remove("embedding_profile"));
    assertThat(code(bootFails(c.root(), ServerOptions.local(c.root(), TOKENS))))
        .isEqualTo("embedding_provider_profile_missing");
    c.editState(s -> TestCluster.resources(s).remove("provider.embedding.emb"));
    assertThat(code(bootFails(c.root(), ServerOptions.local(c.root(), TOKENS))))
        .isEqualTo("embedding_provider_missing");
  }

  @Test
  void graphThatCannotOpenIsQuarantined() throws Exception {
    TestCluster c =
        cluster("a")
            .graph("g", SCHEMA, SEED)
            .graph("h", SCHEMA, SEED)
            .queries("h", QUERIES)
            .apply();
    try (var files = Files.walk(Path.of(c.root(), "graphs", "h.omni"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    try (OmnigraphServer s =
        OmnigraphServer.start(
            ServerOptions.local(c.root(), TOKENS), new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(s.cluster().graphs().keySet()).containsExactly("g");
      assertThat(s.cluster().quarantined().get("h").code()).isEqualTo("graph_startup_failed");
    }
    BootFailure f =
        bootFails(c.root(), ServerOptions.local(c.root(), TOKENS).withRequireAllGraphs(true));
    assertThat(f.getMessage())
        .contains(
            "strict multi-graph startup requires every graph to open (2 configured, 1 failed)");
  }

  @Test
  void runtimeStatesAndTokenSources() throws Exception {
    TestCluster c = cluster("a").graph("g", SCHEMA, SEED).apply();
    assertThat(code(bootFails(c.root(), ServerOptions.local(c.root(), Map.of()))))
        .isEqualTo("auth_state_refused");
    Map<String, String> aws = new HashMap<>(TOKENS);
    aws.put("OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET", "prod/tokens");
    BootFailure f = bootFails(c.root(), ServerOptions.local(c.root(), aws));
    assertThat(code(f)).isEqualTo("bearer_tokens_invalid");
    assertThat(f.getMessage()).contains("rebuild").contains("-P aws");
    Map<String, String> badJson = Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", "{nope");
    assertThat(bootFails(c.root(), ServerOptions.local(c.root(), badJson)).getMessage())
        .contains("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON");
    Map<String, String> dupToken =
        Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", "{\"a\":\"t1\",\"b\":\"t1\"}");
    assertThat(bootFails(c.root(), ServerOptions.local(c.root(), dupToken)).getMessage())
        .contains("share one token");
    Map<String, String> dupActor =
        Map.of("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", "{\"a\":\"t1\",\"a\":\"t2\"}");
    assertThat(bootFails(c.root(), ServerOptions.local(c.root(), dupActor)).getMessage())
        .contains("duplicate actor 'a'");
    TestCluster p = cluster("b").graph("g", SCHEMA, SEED).policy("p", POLICY, List.of("g")).apply();
    assertThat(bootFails(p.root(), ServerOptions.local(p.root(), Map.of())).getMessage())
        .contains("policy bundles but no bearer tokens");
  }

  @Test
  void tokenFileWinsOverJsonWithAWarning() throws Exception {
    TestCluster c = cluster("a").graph("g", SCHEMA, SEED).apply();
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, "{\"act-file\":\"tok-from-file\"}");
    Map<String, String> env =
        Map.of(
            "OMNIGRAPH_SERVER_BEARER_TOKENS_FILE",
            file.toString(),
            "OMNIGRAPH_SERVER_BEARER_TOKENS_JSON",
            "{\"act-json\":\"tok-from-json\"}");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (OmnigraphServer s =
        OmnigraphServer.start(ServerOptions.local(c.root(), env), new PrintStream(log, true))) {
      Http http = new Http(s.listenAddress());
      assertThat(http.get("/graphs/g/snapshot", "tok-from-file").status()).isEqualTo(200);
      assertThat(http.get("/graphs/g/snapshot", "tok-from-json").status()).isEqualTo(401);
      Http.Res w = http.post("/graphs/g/branches", "tok-from-file", "{\"name\":\"x\"}");
      assertThat(w.status()).isEqualTo(403);
      assertThat(w.json().path("error").asText()).contains("default-deny");
      Http.Res list = http.get("/graphs", "tok-from-file");
      assertThat(list.status()).isEqualTo(403);
    }
    assertThat(log.toString())
        .contains("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON is ignored")
        .contains("default-deny");
  }
}
