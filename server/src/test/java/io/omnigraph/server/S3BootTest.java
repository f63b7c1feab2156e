package io.omnigraph.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.storage.testing.S3ServerExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Config-free boot from an {@code s3://} storage root (S3Proxy): no local directory involved. */
class S3BootTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @TempDir Path dir;

  @Test
  void bootsFromAStorageRootUri() throws Exception {
    String root = S3.uniqueUri("cluster");
    new TestCluster(dir.resolve("config"), root, S3.env())
        .graph("g", BootMatrixTest.SCHEMA, BootMatrixTest.SEED)
        .queries("g", BootMatrixTest.QUERIES)
        .policy("p", BootMatrixTest.POLICY, List.of("g"))
        .apply();
    Map<String, String> env = new HashMap<>(S3.env());
    env.put("OMNIGRAPH_SERVER_BEARER_TOKENS_JSON", "{\"act-r\":\"tok-r\",\"act-x\":\"tok-x\"}");
    try (OmnigraphServer s =
        OmnigraphServer.start(
            ServerOptions.local(root, env), new PrintStream(new ByteArrayOutputStream()))) {
      assertThat(s.cluster().graph("g").orElseThrow().uri()).startsWith("s3://");
      Http http = new Http(s.listenAddress());
      Http.Res r =
          http.post("/graphs/g/queries/by_name", "tok-r", "{\"params\":{\"name\":\"ann\"}}");
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      assertThat(r.json().path("rows").get(0).path("age").asInt()).isEqualTo(30);
      assertThat(http.post("/graphs/g/queries/by_name", "tok-x", "{}").status()).isEqualTo(404);
    }
  }
}
