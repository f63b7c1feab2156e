package io.omnigraph.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omnigraph.storage.testing.S3ServerExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The contract against S3Proxy (with the atomic conditional-write wrapper), plus S3 errors. */
class S3ObjectStoreTest extends ObjectStoreContractTest {
  @RegisterExtension static final S3ServerExtension S3 = new S3ServerExtension();

  @Override
  protected ObjectStore newStore() {
    return ObjectStores.open(S3.uniqueUri("contract"), S3.env());
  }

  @Test
  void versionsAreETagsAndTheStoreIsRemote() {
    VersionToken token = store.put("k", bytes("abc"));
    // MD5("abc"), quoted, as S3 returns single-part ETags.
    assertThat(token.value()).isEqualTo("\"900150983cd24fb0d6963f7d28e17f72\"");
    assertThat(store.isLocal()).isFalse();
    assertThat(store.uri()).startsWith("s3://omnigraph-test/contract-");
    assertThat(store.uriOf("a/b")).isEqualTo(store.uri() + "/a/b");
  }

  @Test
  void rootsWithASharedStringPrefixAreIsolated() {
    String base = S3.uniqueUri("iso");
    try (ObjectStore p1 = ObjectStores.open(base + "/p1", S3.env());
        ObjectStore p1x = ObjectStores.open(base + "/p1x", S3.env())) {
      p1.put("k", bytes("1"));
      p1x.put("k", bytes("2"));
      assertThat(p1.list("")).containsExactly("k");
      assertThat(p1.deletePrefix("")).isEqualTo(1);
      assertThat(p1x.get("k").orElseThrow().utf8()).isEqualTo("2");
    }
  }

  @Test
  void listingPaginatesBeyondOnePage() throws Exception {
    Racers.run(
        10,
        t -> {
          for (int i = t; i < 1050; i += 10) {
            store.put(String.format("many/%04d", i), new byte[] {(byte) i});
          }
          return null;
        });
    assertThat(store.list("many/")).hasSize(1050).startsWith("many/0000").endsWith("many/1049");
    assertThat(store.deletePrefix("many/")).isEqualTo(1050);
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void wrongCredentialsAreAConfigurationErrorNamingTheVariables() {
    Map<String, String> env = new HashMap<>(S3.env());
    env.put("AWS_SECRET_ACCESS_KEY", "wrong");
    try (ObjectStore bad = ObjectStores.open(S3.uniqueUri("creds"), env)) {
      assertThatThrownBy(() -> bad.put("k", bytes("x")))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFIGURATION);
                assertThat(e.getMessage()).contains("AWS_SECRET_ACCESS_KEY");
              });
    }
  }

  @Test
  void aMissingBucketIsAConfigurationError() {
    try (ObjectStore bad = ObjectStores.open("s3://no-such-bucket/x", S3.env())) {
      assertThatThrownBy(() -> bad.put("k", bytes("x")))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFIGURATION);
                assertThat(e.getMessage()).contains("bucket does not exist");
              });
    }
  }

  @Test
  void anUnreachableEndpointIsTransient() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>(S3.env());
    env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + port);
    try (ObjectStore down = ObjectStores.open("s3://omnigraph-test/x", env)) {
      assertThatThrownBy(() -> down.get("k"))
          .isInstanceOfSatisfying(
              StorageException.class,
              e -> {
                assertThat(e.kind()).isEqualTo(StorageException.Kind.TRANSIENT);
                assertThat(e.getMessage()).contains("127.0.0.1:" + port);
              });
    }
  }
}
