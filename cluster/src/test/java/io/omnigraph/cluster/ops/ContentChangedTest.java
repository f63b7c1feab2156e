package io.omnigraph.cluster.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.cluster.ClusterDiagnostic;
import io.omnigraph.cluster.ClusterDirs;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig;
import io.omnigraph.cluster.config.ConfigReader;
import io.omnigraph.cluster.resource.DesiredBuilder;
import io.omnigraph.cluster.resource.DesiredState;
import io.omnigraph.cluster.state.ClusterState;
import io.omnigraph.cluster.state.ClusterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source file edited between planning and its use during apply is caught ({@code
 * resource_content_changed}): catalog payloads are re-hashed before publishing, schemas before a
 * graph is created (the create's sidecar is withdrawn, nothing moved).
 */
class ContentChangedTest {
  @TempDir Path dir;

  private DesiredState desired() {
    Diagnostics d = new Diagnostics();
    ClusterConfig c = ConfigReader.read(dir, d).orElseThrow();
    DesiredState s = DesiredBuilder.build(c, d);
    assertThat(d.hasErrors()).isFalse();
    return s;
  }

  private static List<String> codes(Diagnostics d) {
    return d.all().stream().map(ClusterDiagnostic::code).toList();
  }

  @Test
  void editedQueryFileIsNotPublished() throws Exception {
    ClusterDirs.basic(dir);
    DesiredState desired = desired();
    String address = "query.knowledge.find_person";
    PlanChange c =
        new PlanChange(address, "create", null, desired.resources().get(address).digest());
    c.set(PlanChange.APPLIED, null);
    ClusterDirs.write(dir, "queries/people.gq", ClusterDirs.QUERIES + "\n// edited\n");
    Diagnostics d = new Diagnostics();
    try (ClusterStore store = ClusterStore.open(dir.toString(), Map.of())) {
      assertThat(CatalogWrites.publish(store, desired, List.of(c), d)).isFalse();
      assertThat(store.objects().list("__cluster/resources/")).isEmpty();
    }
    assertThat(codes(d)).containsExactly("resource_content_changed");
  }

  @Test
  void editedSchemaStopsTheGraphCreateBeforeTheEngineRuns() {
    ClusterDirs.basic(dir);
    DesiredState desired = desired();
    PlanChange c = new PlanChange("graph.knowledge", "create", null, "x");
    c.set(PlanChange.APPLIED, null);
    ClusterDirs.write(
        dir, "knowledge.pg", ClusterDirs.SCHEMA + "\nnode Extra { id2: String @key }\n");
    Diagnostics d = new Diagnostics();
    try (ClusterStore store = ClusterStore.open(dir.toString(), Map.of())) {
      GraphMoves moves = new GraphMoves(store, ClusterState.empty(), desired, "t", null, d);
      moves.create(c);
      assertThat(moves.failed).containsKey("knowledge");
      assertThat(store.objects().list("__cluster/recoveries/")).isEmpty();
      assertThat(Files.exists(dir.resolve("graphs/knowledge.omni"))).isFalse();
    }
    assertThat(codes(d)).containsExactly("resource_content_changed");
  }
}
