package io.omnigraph.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small cluster config directories for tests. */
public final class ClusterDirs {
  public static final String SCHEMA =
      """
      node Person {
          slug: String @key
          name: String
      }
      edge Knows: Person -> Person
      """;
  public static final String QUERIES =
      """
      query find_person($slug: String) {
          match { $p: Person { slug: $slug } }
          return { $p.slug, $p.name }
      }
      query everyone() {
          match { $p: Person }
          return { $p.slug }
      }
      """;
  public static final String GRAPH_POLICY =
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
  public static final String SERVER_POLICY =
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
  public static final String CLUSTER_YAML =
      """
      version: 1
      metadata:
        name: test
      graphs:
        knowledge:
          schema: knowledge.pg
          queries: queries/
      policies:
        base:
          file: base.policy.yaml
          applies_to: [knowledge]
        server:
          file: server.policy.yaml
          applies_to: [cluster]
      """;

  private ClusterDirs() {}

  /** A valid one-graph cluster in {@code dir}. */
  public static Path basic(Path dir) {
    write(dir, "cluster.yaml", CLUSTER_YAML);
    write(dir, "knowledge.pg", SCHEMA);
    write(dir, "queries/people.gq", QUERIES);
    write(dir, "base.policy.yaml", GRAPH_POLICY);
    write(dir, "server.policy.yaml", SERVER_POLICY);
    return dir;
  }

  public static Path write(Path dir, String name, String text) {
    try {
      Path p = dir.resolve(name);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
