package io.omnigraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schema apply} through the real CLI: JSON, time travel over a soft drop, refusals. */
class SchemaApplyCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V1 = "node Person { slug: String @key\n  age: I32? }\n";
  private static final String V2 = "node Person { slug: String @key\n  nick: String? }\n";
  @TempDir Path dir;

  private String seeded(String name) {
    Path pg = CliRunner.write(dir, "v1.pg", V1);
    String uri = dir.resolve(name).toString();
    assertThat(CliRunner.run("init", "--schema", pg.toString(), uri).exitCode()).isZero();
    Path data =
        CliRunner.write(
            dir, "seed.jsonl", "{\"type\":\"Person\",\"data\":{\"slug\":\"ada\",\"age\":36}}\n");
    CliRunner.Run r = CliRunner.run("load", uri, "--data", data.toString(), "--mode", "merge");
    assertThat(r.exitCode()).as(r.err()).isZero();
    return uri;
  }

  @Test
  void applyPublishesOneCommitAndOldVersionsKeepDroppedData() throws Exception {
    String uri = seeded("g.omni");
    Path v2 = CliRunner.write(dir, "v2.pg", V2);
    CliRunner.Run r =
        CliRunner.run("schema", "apply", uri, "--schema", v2.toString(), "--json", "--as", "op");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("omnigraph schema apply → " + uri + " (direct, local)");
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("uri").asText()).isEqualTo(uri);
    assertThat(j.get("supported").asBoolean()).isTrue();
    assertThat(j.get("applied").asBoolean()).isTrue();
    assertThat(j.get("step_count").asInt()).isEqualTo(2);
    assertThat(j.get("graph_manifest_version").asLong()).isEqualTo(4);
    assertThat(j.get("steps").get(1).get("kind").asText()).isEqualTo("drop_property");
    assertThat(CliRunner.run("schema", "show", uri).out()).isEqualTo(V2);

    String q = "query q() { match { $p: Person } return { $p.slug, $p.age } }";
    CliRunner.Run old = CliRunner.run("query", uri, "-e", q, "--snapshot", "2", "--json");
    assertThat(old.exitCode()).as(old.err()).isZero();
    assertThat(JSON.readTree(old.out()).get("rows").get(0).get("age").asInt()).isEqualTo(36);
    CliRunner.Run now = CliRunner.run("query", uri, "-e", q, "--json");
    assertThat(now.exitCode()).isEqualTo(1); // age is no longer in the schema

    CliRunner.Run again = CliRunner.run("schema", "apply", uri, "--schema", v2.toString());
    assertThat(again.exitCode()).isZero();
    assertThat(again.out()).contains("No changes", "Nothing to apply");
  }

  @Test
  void softDroppedDataIsGoneAfterCleanup() throws Exception {
    String uri = seeded("g.omni");
    Path v2 = CliRunner.write(dir, "v2.pg", V2);
    assertThat(CliRunner.run("schema", "apply", uri, "--schema", v2.toString()).exitCode())
        .isZero();
    String q = "query q() { match { $p: Person } return { $p.slug, $p.age } }";
    assertThat(CliRunner.run("query", uri, "-e", q, "--snapshot", "2").exitCode()).isZero();

    CliRunner.Run preview = CliRunner.run("cleanup", uri, "--keep", "1", "--json");
    assertThat(preview.exitCode()).as(preview.err()).isZero();
    assertThat(CliRunner.run("query", uri, "-e", q, "--snapshot", "2").exitCode())
        .as("a preview removes nothing")
        .isZero();

    CliRunner.Run cleanup = CliRunner.run("cleanup", uri, "--keep", "1", "--confirm");
    assertThat(cleanup.exitCode()).as(cleanup.err()).isZero();
    CliRunner.Run gone = CliRunner.run("query", uri, "-e", q, "--snapshot", "2");
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).contains("removed by cleanup");
    String now = "query q() { match { $p: Person } return { $p.slug, $p.nick } }";
    CliRunner.Run current = CliRunner.run("query", uri, "-e", now, "--json");
    assertThat(current.exitCode()).as(current.err()).isZero();
    assertThat(JSON.readTree(current.out()).get("rows").get(0).get("slug").asText())
        .isEqualTo("ada");
  }

  @Test
  void humanOutputPrintsThePlanAndTheCommit() {
    String uri = seeded("g.omni");
    Path v2 = CliRunner.write(dir, "v2.pg", V2);
    CliRunner.Run r = CliRunner.run("schema", "apply", uri, "--schema", v2.toString(), "--quiet");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).contains("+ add_property", "drop_property", "Applied: manifest version 4");
  }

  @Test
  void refusals() throws Exception {
    String uri = seeded("g.omni");
    Path bad =
        CliRunner.write(dir, "bad.pg", "node Person { slug: String @key\n  age: String? }\n");
    CliRunner.Run r = CliRunner.run("schema", "apply", uri, "--schema", bad.toString(), "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    JsonNode j = JSON.readTree(r.out());
    assertThat(j.get("supported").asBoolean()).isFalse();
    assertThat(j.get("applied").asBoolean()).isFalse();
    assertThat(j.get("graph_manifest_version").asLong()).isEqualTo(2);

    assertThat(CliRunner.run("branch", "create", uri, "feature").exitCode()).isZero();
    Path v2 = CliRunner.write(dir, "v2.pg", V2);
    CliRunner.Run blocked = CliRunner.run("schema", "apply", uri, "--schema", v2.toString());
    assertThat(blocked.exitCode()).isEqualTo(1);
    assertThat(blocked.err()).contains("feature", "merge or delete");
    assertThat(CliRunner.run("schema", "show", uri).out()).isEqualTo(V1);

    Path cluster = dir.resolve("cluster");
    Files.createDirectories(cluster.resolve("__cluster"));
    Files.writeString(cluster.resolve("__cluster/state.json"), "{}");
    CliRunner.Run managed =
        CliRunner.run(
            "schema",
            "apply",
            cluster.resolve("graphs/g.omni").toString(),
            "--schema",
            v2.toString());
    assertThat(managed.exitCode()).isEqualTo(1);
    assertThat(managed.err()).contains("cluster apply");
  }
}
