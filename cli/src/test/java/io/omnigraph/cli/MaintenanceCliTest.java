package io.omnigraph.cli;

import static io.omnigraph.cli.CliRunner.ok;
import static io.omnigraph.cli.CliRunner.quickstart;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** optimize, repair and cleanup through the real CLI on a local graph. */
class MaintenanceCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ALL =
      "query all() { match { $p: Person } return { $p.slug } order { $p.slug } }";

  @TempDir Path dir;

  private String graph() {
    String uri = dir.resolve("graph").toString();
    ok("init", "--schema", quickstart("people.pg").toString(), uri);
    for (String slug : new String[] {"ada", "bob", "cy"}) {
      Path data =
          CliRunner.write(
              dir,
              slug + ".jsonl",
              "{\"type\":\"Person\",\"data\":{\"slug\":\"" + slug + "\",\"name\":\"N\"}}\n");
      ok("load", uri, "--quiet", "--data", data.toString(), "--mode", "merge");
    }
    return uri; // manifest versions 1..4
  }

  @Test
  void optimizeThenCleanupThenTimeTravelSaysGone() throws Exception {
    String uri = graph();
    CliRunner.Run opt = ok("optimize", uri, "--json");
    assertThat(opt.err()).contains("omnigraph optimize → " + uri + " (direct, local)");
    JsonNode o = JSON.readTree(opt.out());
    assertThat(o.path("graph_manifest_version").asLong()).isEqualTo(5);
    JsonNode person = null;
    for (JsonNode d : o.path("datasets")) {
      if (d.path("type_key").asText().equals("node:Person")) {
        person = d;
      }
    }
    assertThat(person).isNotNull();
    assertThat(person.path("committed").asBoolean()).isTrue();
    assertThat(person.path("fragments_removed").asInt()).isEqualTo(3);
    assertThat(person.path("indexes_created").toString()).contains("og_btree_slug");

    CliRunner.Run again = ok("optimize", uri, "--quiet");
    assertThat(again.err()).isEmpty();
    assertThat(again.out()).startsWith("optimize " + uri + " — ").contains("no-op");

    CliRunner.Run preview = ok("cleanup", uri, "--keep", "1");
    assertThat(preview.err())
        .contains("cleanup is destructive — rerun with --confirm. Policy for " + uri + ": keep 1");
    assertThat(preview.out()).contains("would remove").contains("v1–v4");
    ok("query", uri, "--snapshot", "2", "-e", ALL);

    CliRunner.Run done = ok("cleanup", uri, "--keep", "1", "--confirm", "--json");
    JsonNode c = JSON.readTree(done.out());
    assertThat(c.path("keep_versions").asInt()).isEqualTo(1);
    assertThat(c.path("older_than_secs").isNull()).isTrue();
    assertThat(c.path("manifest_versions_removed").size()).isEqualTo(4);
    assertThat(c.path("oldest_kept_manifest_version").asLong()).isEqualTo(5);

    CliRunner.Run gone = CliRunner.run("query", uri, "--snapshot", "2", "-e", ALL);
    assertThat(gone.exitCode()).isEqualTo(1);
    assertThat(gone.err()).contains("removed by cleanup").contains("oldest kept version is 5");
    assertThat(ok("query", uri, "-e", ALL).out()).contains("ada", "bob", "cy");

    CliRunner.Run repair = ok("repair", "--store", uri);
    assertThat(repair.out()).contains("0 drifted").contains("preview");
    JsonNode rj = JSON.readTree(ok("repair", uri, "--confirm", "--json", "--quiet").out());
    assertThat(rj.path("datasets").get(0).path("classification").asText()).isEqualTo("no_drift");
  }

  @Test
  void usageAndTargetErrors() {
    String uri = dir.resolve("nothing").toString();
    CliRunner.Run noPolicy = CliRunner.run("cleanup", uri);
    assertThat(noPolicy.exitCode()).isEqualTo(2);
    assertThat(noPolicy.err()).contains("--keep <n> and/or --older-than");
    assertThat(CliRunner.run("cleanup", uri, "--older-than", "7 days").exitCode()).isEqualTo(2);
    assertThat(CliRunner.run("repair", uri, "--force").err())
        .contains("--force requires --confirm");
    CliRunner.Run server = CliRunner.run("optimize", "--server", "http://x");
    assertThat(server.exitCode()).isEqualTo(2);
    assertThat(server.err()).contains("optimize is a direct (storage-native) command");
    CliRunner.Run as = CliRunner.run("optimize", uri, "--as", "act-x");
    assertThat(as.exitCode()).isEqualTo(2);
    assertThat(as.err()).contains("optimize records no actor");
    CliRunner.Run http = CliRunner.run("optimize", "https://graph.example.com");
    assertThat(http.exitCode()).isEqualTo(1);
    assertThat(http.err()).contains("must be addressed with --server");
    CliRunner.Run both = CliRunner.run("optimize", uri, "--store", uri);
    assertThat(both.exitCode()).isEqualTo(2);
    CliRunner.Run graphOnly = CliRunner.run("optimize", "--graph", "kg");
    assertThat(graphOnly.exitCode()).isEqualTo(2);
    assertThat(graphOnly.err()).contains("pass --cluster <dir> too");
    CliRunner.Run s3 =
        CliRunner.run("cleanup", "s3://bucket/g.omni", "--keep", "1", "--confirm", "--json");
    assertThat(s3.exitCode()).isEqualTo(1);
    assertThat(s3.err())
        .contains("refusing destructive `cleanup` against non-local target s3://bucket/g.omni");
    CliRunner.Run missing = CliRunner.run("optimize", uri);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("no graph at");
  }
}
