package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.engine.exec.CookbookReads;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The acceptance flow on {@code s3://} roots through the real CLI (S3Proxy test server, AWS_*
 * environment handed over through {@link CliEnv}): for every cookbook, {@code init} with its
 * schema, {@code load --mode merge} of its seed, then every stored non-search read, whose rows must
 * equal {@link CookbookReads} (checked there against an independent evaluation of the JSONL).
 */
class CookbookS3CliTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();
  private static final ObjectMapper JSON = new ObjectMapper();

  @BeforeAll
  static void env() {
    CliEnv.setOverrides(S3.env());
  }

  @AfterAll
  static void restore() {
    CliEnv.setOverrides(Map.of());
  }

  @TestFactory
  Stream<DynamicContainer> everyCookbookOnS3() {
    Map<Path, List<CookbookReads.Read>> byCookbook =
        CookbookReads.all().stream()
            .collect(
                Collectors.groupingBy(
                    CookbookReads.Read::dir, LinkedHashMap::new, Collectors.toList()));
    assertThat(byCookbook).isNotEmpty();
    return byCookbook.entrySet().stream()
        .map(
            e -> {
              String uri = S3.uniqueUri(e.getKey().getFileName().toString());
              Stream<DynamicTest> setup =
                  Stream.of(
                      DynamicTest.dynamicTest("init + load", () -> initAndLoad(e.getKey(), uri)));
              Stream<DynamicTest> reads =
                  e.getValue().stream()
                      .map(r -> DynamicTest.dynamicTest(r.toString(), () -> read(uri, r)));
              return DynamicContainer.dynamicContainer(
                  e.getKey().getFileName().toString(), Stream.concat(setup, reads));
            });
  }

  private static void initAndLoad(Path cookbook, String uri) throws Exception {
    CliRunner.Run init =
        CliRunner.run("init", "--schema", cookbook.resolve("schema.pg").toString(), uri, "--json");
    assertThat(init.exitCode()).as(init.err()).isZero();
    CliRunner.Run load =
        CliRunner.run(
            "load",
            uri,
            "--data",
            cookbook.resolve("seed.jsonl").toString(),
            "--mode",
            "merge",
            "--json");
    assertThat(load.exitCode()).as(load.err()).isZero();
    assertThat(load.err()).contains("(direct, remote)");
    assertThat(JSON.readTree(load.out()).get("commit").get("graph_manifest_version").asLong())
        .isEqualTo(2);
  }

  private static void read(String uri, CookbookReads.Read r) throws Exception {
    CliRunner.Run q =
        CliRunner.run(
            "query",
            uri,
            "--query",
            r.queryFile().toString(),
            "--name",
            r.queryName(),
            "--params",
            r.params().toString(),
            "--json");
    assertThat(q.exitCode()).as(r + ": " + q.err()).isZero();
    JsonNode got = JSON.readTree(q.out());
    // compare as parsed text: the in-memory encoder's numeric node types (long) differ from a
    // parser's (int) for the same JSON number
    JsonNode expected = JSON.readTree(r.expected().toString());
    assertThat(got.get("columns")).as(r.toString()).isEqualTo(expected.get("columns"));
    assertThat(got.get("rows")).as(r.toString()).isEqualTo(expected.get("rows"));
    assertThat(got.get("graph_commit_id").asText()).isNotEmpty();
  }

  @Test
  void schemaApplyOnS3KeepsSoftDroppedDataAtOlderVersions() throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("s3apply");
    String uri = S3.uniqueUri("apply");
    Path v1 = CliRunner.write(dir, "v1.pg", "node P { slug: String @key\n  age: I32? }\n");
    Path v2 = CliRunner.write(dir, "v2.pg", "node P { slug: String @key\n  city: String? }\n");
    Path data =
        CliRunner.write(dir, "d.jsonl", "{\"type\":\"P\",\"data\":{\"slug\":\"a\",\"age\":7}}\n");
    assertThat(CliRunner.run("init", "--schema", v1.toString(), uri).exitCode()).isZero();
    assertThat(CliRunner.run("load", uri, "--data", data.toString(), "--mode", "merge").exitCode())
        .isZero();
    CliRunner.Run apply =
        CliRunner.run("schema", "apply", uri, "--schema", v2.toString(), "--json");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(JSON.readTree(apply.out()).get("applied").asBoolean()).isTrue();
    CliRunner.Run old =
        CliRunner.run(
            "query",
            uri,
            "-e",
            "query q() { match { $p: P } return { $p.age } }",
            "--snapshot",
            "2",
            "--format",
            "csv");
    assertThat(old.exitCode()).as(old.err()).isZero();
    assertThat(old.out()).isEqualTo("age\r\n7\r\n");
    CliRunner.Run now =
        CliRunner.run(
            "query",
            uri,
            "-e",
            "query q() { match { $p: P } return { $p.slug, $p.city } }",
            "--format",
            "jsonl");
    assertThat(now.exitCode()).as(now.err()).isZero();
    assertThat(now.out().lines().skip(1).toList())
        .containsExactly("{\"slug\":\"a\",\"city\":null}");
  }
}
