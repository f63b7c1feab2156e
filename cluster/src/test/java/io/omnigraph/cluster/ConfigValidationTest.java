package io.omnigraph.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.ops.ClusterOps;
import io.omnigraph.compiler.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster validate}: every §2 diagnostic, the query forms, digests, dependencies. */
class ConfigValidationTest {
  @TempDir Path dir;

  private ObjectNode validate() {
    return ClusterOps.validate(dir, Map.of());
  }

  private static List<String> codes(ObjectNode out) {
    List<String> c = new ArrayList<>();
    out.path("diagnostics").forEach(d -> c.add(d.path("code").asText()));
    return c;
  }

  private static JsonNode diag(ObjectNode out, String code) {
    for (JsonNode d : out.path("diagnostics")) {
      if (d.path("code").asText().equals(code)) {
        return d;
      }
    }
    throw new AssertionError("no " + code + " in " + out.path("diagnostics"));
  }

  private ObjectNode withYaml(String yaml) {
    ClusterDirs.basic(dir);
    ClusterDirs.write(dir, "cluster.yaml", yaml);
    return validate();
  }

  @Test
  void validClusterListsResourcesDigestsAndDependencies() {
    ClusterDirs.basic(dir);
    ObjectNode out = validate();
    assertThat(out.path("ok").asBoolean()).as(out.toString()).isTrue();
    assertThat(out.path("resource_digests").fieldNames())
        .toIterable()
        .containsExactly(
            "graph.knowledge",
            "policy.base",
            "policy.server",
            "query.knowledge.everyone",
            "query.knowledge.find_person",
            "schema.knowledge");
    // both queries live in one file: same digest, the file's hash
    assertThat(out.path("resource_digests").path("query.knowledge.everyone"))
        .isEqualTo(out.path("resource_digests").path("query.knowledge.find_person"));
    List<String> deps = new ArrayList<>();
    out.path("dependencies")
        .forEach(d -> deps.add(d.path("from").asText() + "->" + d.path("to").asText()));
    assertThat(deps)
        .containsExactly(
            "policy.base->graph.knowledge",
            "query.knowledge.everyone->graph.knowledge",
            "query.knowledge.everyone->schema.knowledge",
            "query.knowledge.find_person->graph.knowledge",
            "query.knowledge.find_person->schema.knowledge",
            "schema.knowledge->graph.knowledge");
    assertThat(codes(out)).containsExactly("external_blob_ingress_default_deny");
  }

  @Test
  void duplicateKeysAreReportedWithLinesPerMappingLevel() {
    ObjectNode out =
        withYaml(
            """
            version: 1
            graphs:
              knowledge:
                schema: knowledge.pg
                schema: other.pg
            version: 1
            """);
    assertThat(codes(out)).contains("duplicate_yaml_key");
    JsonNode d = diag(out, "duplicate_yaml_key");
    assertThat(d.path("path").asText()).isEqualTo("graphs.knowledge.schema");
    assertThat(d.path("message").asText()).contains("line 5").contains("line 4");
    assertThat(out.path("diagnostics").findValuesAsText("path")).contains("version");
  }

  @Test
  void reservedAndUnknownTopLevelKeys() {
    ObjectNode out = withYaml("version: 1\npipelines: {}\nenv_file: x\nbogus: 1\ngraphs: {}\n");
    assertThat(codes(out))
        .containsExactlyInAnyOrder(
            "future_phase_field", "future_phase_field", "invalid_cluster_yaml");
    assertThat(diag(out, "invalid_cluster_yaml").path("path").asText()).isEqualTo("bogus");
  }

  @Test
  void headerChecks() {
    assertThat(codes(withYaml("version: 2\n")))
        .containsExactly("unsupported_cluster_config_version");
    assertThat(codes(withYaml("version: 1\nmetadata:\n  name: '  '\n")))
        .containsExactly("empty_metadata_name");
    assertThat(codes(withYaml("version: 1\nstorage: ''\n")))
        .containsExactly("invalid_storage_root");
    assertThat(codes(withYaml("version: 1\nstorage: s3://\n")))
        .containsExactly("invalid_storage_root");
    assertThat(codes(withYaml("version: 1\nstate:\n  backend: s3\n")))
        .containsExactly("unsupported_state_backend");
    assertThat(codes(withYaml("version: 1\nstate:\n  lock: maybe\n")))
        .containsExactly("invalid_cluster_yaml");
  }

  @Test
  void idRulesAndGraphKeys() {
    ObjectNode out =
        withYaml(
            """
            version: 1
            graphs:
              9bad:
                schema: knowledge.pg
              ok:
                schema: knowledge.pg
                streaming: true
                extra: 1
            """);
    assertThat(codes(out))
        .containsExactlyInAnyOrder(
            "invalid_resource_id", "removed_streaming_declaration", "invalid_cluster_yaml");
  }

  @Test
  void embeddingProviders() {
    ObjectNode out =
        withYaml(
            """
            version: 1
            providers:
              embedding:
                good: { kind: openai-compatible, api_key: "${OPENROUTER_API_KEY}" }
                inline: { kind: openai, api_key: sk-123 }
                nokey: { provider: gemini }
                badkind: { kind: word2vec }
                fake: { kind: mock }
              sources: {}
            graphs:
              a: { schema: knowledge.pg, embedding_provider: provider.embedding.good }
              b: { schema: knowledge.pg, embedding_provider: missing }
              c: { schema: knowledge.pg, embedding_provider: policy.x.y }
            """);
    assertThat(codes(out))
        .containsExactlyInAnyOrder(
            "embedding_api_key_inline",
            "embedding_api_key_required",
            "invalid_embedding_provider",
            "invalid_cluster_yaml",
            "dangling_embedding_provider_reference",
            "wrong_kind_reference");
  }

  @Test
  void providerResourceAndGraphDependency() {
    ObjectNode out =
        withYaml(
            """
            version: 1
            providers:
              embedding:
                fake: { kind: mock }
            graphs:
              a: { schema: knowledge.pg, embedding_provider: fake }
            """);
    assertThat(out.path("ok").asBoolean()).as(out.toString()).isTrue();
    assertThat(out.path("resource_digests").has("provider.embedding.fake")).isTrue();
    assertThat(out.path("dependencies").toString())
        .contains("\"from\":\"graph.a\",\"to\":\"provider.embedding.fake\"");
  }

  @Test
  void policyBindings() {
    ObjectNode out =
        withYaml(
            """
            version: 1
            graphs:
              knowledge: { schema: knowledge.pg }
            policies:
              empty: { file: base.policy.yaml, applies_to: [] }
              mixed: { file: base.policy.yaml, applies_to: [cluster, knowledge] }
              dangling: { file: base.policy.yaml, applies_to: [nope] }
              wrong: { file: base.policy.yaml, applies_to: [query.knowledge.x] }
              one: { file: base.policy.yaml, applies_to: [graph.knowledge] }
              two: { file: base.policy.yaml, applies_to: [knowledge] }
              missing: { file: nowhere.yaml, applies_to: [cluster] }
            """);
    assertThat(codes(out))
        .containsExactlyInAnyOrder(
            "policy_missing_applies_to",
            "policy_mixed_binding_kinds",
            "dangling_graph_reference",
            "wrong_kind_reference",
            "duplicate_policy_binding",
            "policy_file_missing");
  }

  @Test
  void policyContentIsValidatedThroughThePolicyModule() {
    ClusterDirs.basic(dir);
    // a graph-kind bundle bound to the cluster scope is invalid
    ClusterDirs.write(dir, "server.policy.yaml", ClusterDirs.GRAPH_POLICY);
    ObjectNode out = validate();
    assertThat(codes(out)).contains("policy_invalid");
    assertThat(diag(out, "policy_invalid").path("path").asText()).isEqualTo("policies.server.file");
  }

  @Test
  void schemaDiagnostics() {
    ClusterDirs.basic(dir);
    ClusterDirs.write(dir, "knowledge.pg", "node Person {\n  slug: String @key\n");
    ObjectNode out = validate();
    assertThat(codes(out)).contains("schema_parse_error", "query_typecheck_skipped");
    ClusterDirs.write(
        dir, "knowledge.pg", "node Person { slug: String }\nnode Person { name: String }\n");
    assertThat(codes(validate())).contains("schema_catalog_error");
    Path gone = dir.resolve("knowledge.pg");
    gone.toFile().delete();
    assertThat(codes(validate())).contains("schema_file_missing");
  }

  @Test
  void queryForms() throws IOException {
    ClusterDirs.basic(dir);
    ClusterDirs.write(
        dir,
        "queries/more.gq",
        "query count_people() {\n match { $p: Person }\n return { count($p) as n }\n}\n");
    ClusterDirs.write(dir, "queries/notes.txt", "ignored");
    ClusterDirs.write(
        dir, "queries/sub/deep.gq", "query deep() { match { $p: Person } return { $p.slug } }\n");
    String base = Files.readString(dir.resolve("cluster.yaml"));
    // directory form: top-level *.gq only
    assertThat(validate().path("resource_digests").fieldNames())
        .toIterable()
        .contains("query.knowledge.count_people")
        .doesNotContain("query.knowledge.deep");
    // list form
    ClusterDirs.write(
        dir,
        "cluster.yaml",
        base.replace("queries: queries/", "queries: [queries/people.gq, queries/sub]"));
    ObjectNode list = validate();
    assertThat(list.path("ok").asBoolean()).as(list.toString()).isTrue();
    assertThat(list.path("resource_digests").has("query.knowledge.deep")).isTrue();
    assertThat(list.path("resource_digests").has("query.knowledge.count_people")).isFalse();
    // explicit map form: only the named query registers; the file must declare it
    ClusterDirs.write(
        dir,
        "cluster.yaml",
        base.replace(
            "queries: queries/",
            "queries:\n      find_person: { file: queries/people.gq }\n      nope: { file: queries/people.gq }"));
    ObjectNode map = validate();
    assertThat(codes(map)).contains("query_key_mismatch");
    assertThat(map.path("resource_digests").has("query.knowledge.everyone")).isFalse();
  }

  @Test
  void queryDiagnostics() {
    ClusterDirs.basic(dir);
    ClusterDirs.write(
        dir, "queries/dup.gq", "query everyone() { match { $p: Person } return { $p.name } }\n");
    ClusterDirs.write(dir, "queries/bad.gq", "query broken( {\n");
    ClusterDirs.write(
        dir, "queries/typo.gq", "query typo() { match { $p: Persn } return { $p.slug } }\n");
    ObjectNode out = validate();
    assertThat(codes(out))
        .contains("duplicate_query_name", "query_parse_error", "query_typecheck_error");
    assertThat(diag(out, "query_typecheck_error").path("path").asText())
        .isEqualTo("graphs.knowledge.queries.typo");
  }

  @Test
  void emptyAndUnreadableQueryDirectories() throws IOException {
    ClusterDirs.basic(dir);
    Files.delete(dir.resolve("queries/people.gq"));
    ObjectNode out = validate();
    assertThat(out.path("ok").asBoolean()).isTrue();
    assertThat(diag(out, "query_dir_empty").path("severity").asText()).isEqualTo("warning");
    String yaml =
        Files.readString(dir.resolve("cluster.yaml"))
            .replace("queries: queries/", "queries: nothere.gq");
    ClusterDirs.write(dir, "cluster.yaml", yaml);
    assertThat(codes(validate())).contains("query_file_missing");
  }

  @Test
  void externalBlobPolicies() {
    ObjectNode out =
        withYaml(
            """
            version: 1
            graphs:
              a:
                schema: knowledge.pg
                external_blobs:
                  allow:
                    - { base: "s3://assets/a/", scope: server_safe }
                    - { base: "s3://assets/a/b/", scope: embedded_only }
              b:
                schema: knowledge.pg
                external_blobs:
                  allow:
                    - { base: "file:///data/", scope: server_safe }
                    - { base: "https://user:pw@host/x/", scope: embedded_only }
                    - { base: "relative/path", scope: embedded_only }
            """);
    assertThat(codes(out))
        .containsExactlyInAnyOrder(
            "invalid_external_blob_policy",
            "invalid_external_blob_base",
            "invalid_external_blob_base",
            "invalid_external_blob_base");
  }

  @Test
  void allowListChangesTheGraphDigestDenyDoesNot() {
    ClusterDirs.basic(dir);
    String deny = validate().path("resource_digests").path("graph.knowledge").asText();
    String yaml = Files_read(dir.resolve("cluster.yaml"));
    ClusterDirs.write(
        dir,
        "cluster.yaml",
        yaml.replace("queries: queries/", "queries: queries/\n    external_blobs: { allow: [] }"));
    assertThat(validate().path("resource_digests").path("graph.knowledge").asText())
        .isEqualTo(deny);
    ClusterDirs.write(
        dir,
        "cluster.yaml",
        yaml.replace(
            "queries: queries/",
            "queries: queries/\n    external_blobs: { allow: [{ base: 's3://b/k/', scope: server_safe }] }"));
    assertThat(validate().path("resource_digests").path("graph.knowledge").asText())
        .isNotEqualTo(deny);
  }

  @Test
  void configDigestIgnoresCommentsAndFormatting() {
    ClusterDirs.basic(dir);
    String a =
        io.omnigraph.cluster.ops.ClusterOps.plan(dir, Map.of())
            .path("desired_revision")
            .path("config_digest")
            .asText();
    ClusterDirs.write(
        dir,
        "cluster.yaml",
        "# a comment\nversion: 1\nmetadata: { name: test }\ngraphs:\n  knowledge: { schema: knowledge.pg,   queries: queries/ }\n"
            + "policies:\n  base: { file: base.policy.yaml, applies_to: [knowledge] }\n"
            + "  server: { file: server.policy.yaml, applies_to: [cluster] }\n");
    String b =
        ClusterOps.plan(dir, Map.of()).path("desired_revision").path("config_digest").asText();
    assertThat(b).isEqualTo(a).hasSize(64);
  }

  @Test
  void everyCookbookValidates() throws IOException {
    try (Stream<Path> s = Files.list(Fixtures.cookbooks())) {
      List<Path> books = s.filter(p -> Files.exists(p.resolve("cluster.yaml"))).toList();
      assertThat(books).isNotEmpty();
      for (Path b : books) {
        ObjectNode out = ClusterOps.validate(b, Map.of());
        assertThat(out.path("ok").asBoolean()).as(b + ": " + out.path("diagnostics")).isTrue();
      }
    }
  }

  private static String Files_read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
