package io.omnigraph.engine.root;

import static io.omnigraph.engine.root.WriteFixture.mutate;
import static io.omnigraph.engine.root.WriteFixture.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mutations (with deletes), merges on forked tables, export and the change feed on s3:// (S3Proxy).
 */
class S3WriteTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @Test
  void mutateMergeAndExportOnS3() throws Exception {
    String uri = S3.uniqueUri("writes");
    GraphRoot.init(uri, WriteFixture.schema(), null, S3.env());
    try (GraphRoot root = GraphRoot.open(uri, S3.env())) {
      root.load(WriteFixture.jsonl(WriteFixture.SEED), LoadMode.MERGE, "main", null);
      root.createBranch("review", null);
      mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "review");
      mutate(root, "remove_person", "{\"slug\":\"cy\"}", "review");
      mutate(root, "set_age", "{\"slug\":\"bob\",\"age\":60}", "main");
      assertThat(root.merge("review", "main", "s3", true).outcome()).isEqualTo("merged");
      RootSnapshot main = root.snapshot("main");
      assertThat(value(main, "ada", "age")).isEqualTo(50L);
      assertThat(value(main, "bob", "age")).isEqualTo(60L);
      assertThat(main.nodes("Person").rowOf("cy")).isEqualTo(-1);
      assertThat(main.edges("Knows").size()).isEqualTo(1);
      assertThat(root.listBranches()).containsExactly("main");

      root.createBranch("other", null);
      mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":1}", "other");
      mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":2}", "main");
      assertThatThrownBy(() -> root.merge("other", "main", "s3", false))
          .isInstanceOf(MergeConflictsException.class);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(root.export(out, "main", null)).isEqualTo(3);
      assertThat(root.store().objects().list(RootLayout.RECOVERY)).isEmpty();
    }
  }

  @Test
  void changeFeedOnS3() throws Exception {
    String uri = S3.uniqueUri("changes");
    GraphRoot.init(uri, WriteFixture.schema(), null, S3.env());
    try (GraphRoot root = GraphRoot.open(uri, S3.env())) {
      root.load(WriteFixture.jsonl(WriteFixture.SEED), LoadMode.MERGE, "main", null);
      String cursor = root.pollChanges(null, null, "now", null, ChangeFilter.ALL, null).cursor();
      root.createBranch("review", null);
      mutate(root, "set_age", "{\"slug\":\"ada\",\"age\":50}", "review");
      String id = root.manifest().branch("review").headCommit();
      CommitChanges c = root.commitChanges(id, ChangeFilter.ALL, null, null);
      assertThat(c.changes()).hasSize(1);
      assertThat(c.changes().get(0).path("before").path("data").path("age").asLong()).isEqualTo(36);
      assertThat(root.merge("review", "main", "s3", false).outcome()).isEqualTo("fast_forward");
      ChangeFeedPage p = root.pollChanges(null, cursor, null, null, ChangeFilter.ALL, null);
      assertThat(p.blocks()).hasSize(1);
      assertThat(p.blocks().get(0).path("cause").path("graph_commit_id").asText()).isEqualTo(id);
    }
  }
}
