package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** optimize, repair and cleanup on an s3:// root (S3Proxy test server). */
class S3MaintenanceTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @Test
  void optimizeCleanupAndRepairOnS3() throws Exception {
    String uri = S3.uniqueUri("maint");
    MaintenanceFixture.create(uri, S3.env(), 3); // v1..v4
    try (GraphRoot root = GraphRoot.open(uri, S3.env())) {
      root.createBranch("review", null); // v5
      root.load(
          MaintenanceFixture.jsonl(List.of(MaintenanceFixture.doc("r1", 1))),
          LoadMode.MERGE,
          "review",
          "act"); // v6: Doc forks on Lance branch review
      OptimizeReport o = root.optimize(); // v7
      assertThat(o.commit()).isNotNull();
      assertThat(MaintenanceFixture.fragments(root, "node:Doc")).isEqualTo(1);
      assertThat(MaintenanceFixture.indexes(root, "node:Doc")).contains("og_btree_slug");
      // an unpublished fork to reclaim
      TablePin doc = root.manifest().branch("main").tables().get("node:Doc");
      root.lance().fork(root.store().datasetUri(doc.path()), doc, "stale");

      CleanupReport r = root.cleanup(new RetentionPolicy(1, null), true);
      assertThat(r.failed()).isEmpty();
      assertThat(r.manifestVersionsRemoved()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
      assertThat(r.bytesRemoved()).isPositive();
      assertThat(
              r.datasets().stream()
                  .filter(d -> "node:Doc".equals(d.typeKey()))
                  .findFirst()
                  .orElseThrow()
                  .lanceBranchesRemoved())
          .containsExactly("stale");
      assertThat(root.snapshot("main").nodes("Doc").size()).isEqualTo(6);
      assertThat(root.snapshot("review").nodes("Doc").size()).isEqualTo(7);
      assertThat(root.snapshot("review").edges("Cites").size()).isEqualTo(3);
      assertThatThrownBy(() -> root.snapshotAt("4", "main"))
          .hasMessageContaining("removed by cleanup");
      assertThat(root.repair(true, false).datasets())
          .allMatch(d -> "no_drift".equals(d.classification()));
    }
  }
}
