package io.omnigraph.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A cluster config directory for CLI tests, with JSON runs of {@code omnigraph cluster …}. */
final class ClusterFixture {
  static final String SCHEMA =
      """
      node Person {
          slug: String @key
          name: String
      }
      edge Knows: Person -> Person
      """;
  static final String SCHEMA_V2 =
      """
      node Person {
          slug: String @key
          name: String
          email: String?
      }
      edge Knows: Person -> Person
      """;
  static final String QUERIES =
      """
      query find_person($slug: String) {
          match { $p: Person { slug: $slug } }
          return { $p.slug, $p.name }
      }
      """;
  static final String EMAIL_QUERY =
      """
      query by_email($email: String) {
          match { $p: Person { email: $email } }
          return { $p.slug }
      }
      """;
  static final String GRAPH_POLICY =
      """
      version: 1
      groups:
        readers: ["act-reader"]
      rules:
        - id: invoke
          allow:
            actors: { group: readers }
            actions: [invoke_query]
      """;
  static final String SERVER_POLICY =
      """
      version: 1
      kind: server
      groups:
        admins: ["act-admin"]
      rules:
        - id: admin-graph-list
          allow:
            actors: { group: admins }
            actions: [graph_list]
      """;

  private static final ObjectMapper JSON = new ObjectMapper();
  final Path dir;
  final String storage;

  /** {@code storage} null = the config dir is the storage root. */
  ClusterFixture(Path dir, String storage) {
    this.dir = dir;
    this.storage = storage;
    write("knowledge.pg", SCHEMA);
    write("scratch.pg", SCHEMA);
    write("queries/people.gq", QUERIES);
    write("base.policy.yaml", GRAPH_POLICY);
    write("server.policy.yaml", SERVER_POLICY);
    config(List.of("knowledge"), "");
  }

  /**
   * Writes cluster.yaml declaring {@code graphs} (knowledge uses queries/); {@code extra} appended.
   */
  void config(List<String> graphs, String extra) {
    StringBuilder sb = new StringBuilder("version: 1\nmetadata:\n  name: test\n");
    if (storage != null) {
      sb.append("storage: ").append(storage).append('\n');
    }
    sb.append("graphs:\n");
    for (String g : graphs) {
      sb.append("  ").append(g).append(":\n");
      sb.append("    schema: ")
          .append(g.equals("knowledge") ? "knowledge.pg" : "scratch.pg")
          .append('\n');
      if (g.equals("knowledge")) {
        sb.append("    queries: queries/\n");
      }
    }
    sb.append("policies:\n  base:\n    file: base.policy.yaml\n    applies_to: [knowledge]\n");
    sb.append("  server:\n    file: server.policy.yaml\n    applies_to: [cluster]\n");
    sb.append(extra);
    write("cluster.yaml", sb.toString());
  }

  Path write(String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code omnigraph cluster <cmd> --config dir --json <args>} and parses the output. */
  Result run(String cmd, String... args) {
    List<String> a = new ArrayList<>(List.of("cluster", cmd, "--config", dir.toString(), "--json"));
    a.addAll(List.of(args));
    CliRunner.Run r = CliRunner.run(a.toArray(String[]::new));
    try {
      return new Result(r.exitCode(), JSON.readTree(r.out()), r.err());
    } catch (IOException e) {
      throw new AssertionError("not JSON (exit " + r.exitCode() + "): " + r.out() + r.err(), e);
    }
  }

  /** Human (non-JSON) run. */
  CliRunner.Run text(String cmd, String... args) {
    List<String> a = new ArrayList<>(List.of("cluster", cmd, "--config", dir.toString()));
    a.addAll(List.of(args));
    return CliRunner.run(a.toArray(String[]::new));
  }

  Result ok(String cmd, String... args) {
    Result r = run(cmd, args);
    assertThat(r.exit()).as(cmd + " → " + r.json().toPrettyString()).isZero();
    assertThat(r.json().path("ok").asBoolean()).isTrue();
    return r;
  }

  /** Deploy from zero: import then apply; asserts convergence. */
  Result deploy() {
    ok("import");
    Result apply = ok("apply", "--as", "andrew");
    assertThat(apply.json().path("converged").asBoolean())
        .as(apply.json().toPrettyString())
        .isTrue();
    return apply;
  }

  static void env(Map<String, String> env) {
    CliEnv.setOverrides(env);
  }

  record Result(int exit, JsonNode json, String err) {
    List<String> codes() {
      List<String> c = new ArrayList<>();
      json.path("diagnostics").forEach(d -> c.add(d.path("code").asText()));
      return c;
    }

    JsonNode change(String resource) {
      for (JsonNode c : json.path("changes")) {
        if (c.path("resource").asText().equals(resource)) {
          return c;
        }
      }
      throw new AssertionError("no change for " + resource + " in " + json.path("changes"));
    }

    List<String> changed() {
      List<String> c = new ArrayList<>();
      json.path("changes")
          .forEach(x -> c.add(x.path("operation").asText() + " " + x.path("resource").asText()));
      return c;
    }
  }
}
