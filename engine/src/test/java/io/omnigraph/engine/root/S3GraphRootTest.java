package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.storage.testing.S3ServerExtension;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same graph-root calls on s3:// (S3Proxy test server): our files and Lance's. */
class S3GraphRootTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @Test
  void initLoadAndReadOnS3() throws Exception {
    String uri = S3.uniqueUri("graph");
    var schema =
        SchemaCompiler.compile("s.pg", "node P { slug: String @key }\nedge E: P -> P\n").value();
    GraphRoot.init(uri, schema, null, S3.env());
    String data =
        "{\"type\":\"P\",\"data\":{\"slug\":\"a\"}}\n{\"type\":\"P\",\"data\":{\"slug\":\"b\"}}\n"
            + "{\"edge\":\"E\",\"from\":\"a\",\"to\":\"b\"}\n";
    try (GraphRoot root = GraphRoot.open(uri, S3.env())) {
      LoadResult r =
          root.load(
              new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8)),
              LoadMode.MERGE,
              "main",
              null);
      assertThat(r.commit().graphManifestVersion()).isEqualTo(2);
    }
    try (GraphRoot root = GraphRoot.open(uri, S3.env())) {
      RootSnapshot s = root.snapshot("main");
      assertThat(s.nodes("P").size()).isEqualTo(2);
      assertThat(s.edges("E").size()).isEqualTo(1);
      assertThat(root.store().objects().list(RootLayout.RECOVERY)).isEmpty();
      String first = root.manifest().commit().graphCommitId();
      root.load(
          new ByteArrayInputStream(
              "{\"type\":\"P\",\"data\":{\"slug\":\"c\"}}\n".getBytes(StandardCharsets.UTF_8)),
          LoadMode.MERGE,
          "main",
          null);
      // history and time travel on S3; the latest hint tracks the newest publish
      assertThat(root.commits("main"))
          .extracting(Commit::graphManifestVersion)
          .containsExactly(3L, 2L, 1L);
      assertThat(root.snapshotAt(first, "main").nodes("P").size()).isEqualTo(2);
      assertThat(root.snapshot("main").nodes("P").size()).isEqualTo(3);
      assertThat(root.snapshotInfo("main").datasets())
          .extracting(SnapshotInfo.Dataset::entityCount)
          .containsExactly(3L, 1L);
      assertThat(root.store().objects().get(RootLayout.MANIFEST_LATEST).orElseThrow().utf8())
          .contains("3");
    }
  }

  @Test
  void branchesOnS3() throws Exception {
    String uri = S3.uniqueUri("branched");
    var schema =
        SchemaCompiler.compile("s.pg", "node P { slug: String @key }\nedge E: P -> P\n").value();
    GraphRoot.init(uri, schema, null, S3.env());
    try (GraphRoot root = GraphRoot.open(uri, S3.env())) {
      root.load(in("{\"type\":\"P\",\"data\":{\"slug\":\"a\"}}\n"), LoadMode.MERGE, "main", null);
      root.load(
          in("{\"type\":\"P\",\"data\":{\"slug\":\"b\"}}\n"),
          LoadMode.MERGE,
          "team/b",
          "main",
          null);
      root.createBranch("team/b2", "team/b");
      root.load(
          in("{\"type\":\"P\",\"data\":{\"slug\":\"c\"}}\n"), LoadMode.APPEND, "team/b2", null);
      assertThat(root.snapshot("main").nodes("P").size()).isEqualTo(1);
      assertThat(root.snapshot("team/b").nodes("P").size()).isEqualTo(2);
      assertThat(root.snapshot("team/b2").nodes("P").size()).isEqualTo(3);
      assertThat(root.commits("team/b2")).hasSize(4);
      root.deleteBranch("team/b2");
      root.deleteBranch("team/b");
      assertThat(root.listBranches()).containsExactly("main");
      assertThat(root.snapshot("main").nodes("P").size()).isEqualTo(1);
    }
  }

  private static ByteArrayInputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
