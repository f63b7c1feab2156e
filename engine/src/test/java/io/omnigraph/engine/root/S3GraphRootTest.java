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
}
