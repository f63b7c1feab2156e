package io.omnigraph.storage.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** S3ProxyMain runs in its own JVM, reports its endpoint and serves the AWS_* environment. */
class S3ProxyProcessTest {
  @Test
  void aChildServerIsUsableAndDiesOnClose() throws Exception {
    ProcessHandle handle;
    try (S3ProxyProcess server = S3ProxyProcess.start("bucket-a", "bucket-b")) {
      assertThat(server.endpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
      handle = ProcessHandle.of(server.pid()).orElseThrow();
      for (String bucket : new String[] {"bucket-a", "bucket-b"}) {
        try (ObjectStore store = ObjectStores.open("s3://" + bucket + "/p", server.env())) {
          store.put("k", "v".getBytes(StandardCharsets.UTF_8));
          assertThat(store.get("k").orElseThrow().utf8()).isEqualTo("v");
        }
      }
    }
    assertThat(handle.isAlive()).isFalse();
  }
}
