package io.omnigraph.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectStoresTest {
  private static final Map<String, String> S3_ENV =
      Map.of(
          "AWS_ENDPOINT_URL", "http://127.0.0.1:1",
          "AWS_ALLOW_HTTP", "true",
          "AWS_ACCESS_KEY_ID", "id",
          "AWS_SECRET_ACCESS_KEY", "secret");

  @TempDir Path temp;

  @Test
  void pathsAndFileUrisOpenLocalStores() {
    try (ObjectStore byPath = ObjectStores.open(temp.toString(), Map.of());
        ObjectStore byUri = ObjectStores.open(temp.toUri().toString(), Map.of())) {
      assertThat(byPath).isInstanceOf(LocalObjectStore.class);
      assertThat(byPath.uri()).isEqualTo(temp.toAbsolutePath().normalize().toString());
      assertThat(byUri.uri()).isEqualTo(byPath.uri());
    }
  }

  @Test
  void relativePathsResolveAgainstTheWorkingDirectory() {
    try (ObjectStore store = ObjectStores.open("some/relative/../dir", Map.of())) {
      assertThat(Path.of(store.uri())).isAbsolute().endsWithRaw(Path.of("some/dir"));
    }
  }

  @Test
  void s3UrisOpenS3StoresWithoutARequest() {
    try (ObjectStore store = ObjectStores.open("s3://my-bucket/clusters/demo/", S3_ENV)) {
      assertThat(store).isInstanceOf(S3ObjectStore.class);
      assertThat(store.uri()).isEqualTo("s3://my-bucket/clusters/demo");
      assertThat(store.uriOf("graphs/g.omni"))
          .isEqualTo("s3://my-bucket/clusters/demo/graphs/g.omni");
      assertThat(store.describe()).contains("my-bucket").doesNotContain("secret");
    }
    try (ObjectStore bucketOnly = ObjectStores.open("s3://my-bucket", S3_ENV)) {
      assertThat(bucketOnly.uriOf("k")).isEqualTo("s3://my-bucket/k");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gs://bucket/x", "http://host/x", "az://c/p", "", "  "})
  void otherFormsAreConfigurationErrorsNamingTheSupportedOnes(String uri) {
    assertThatThrownBy(() -> ObjectStores.open(uri, Map.of()))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFIGURATION);
              assertThat(e.getMessage()).contains("s3://bucket/prefix").contains("file://");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3://", "s3://B/x", "s3://ab/x", "s3://bucket/a/../b", "s3://b_/x//y"})
  void badS3UrisAreConfigurationErrors(String uri) {
    assertThatThrownBy(() -> ObjectStores.open(uri, S3_ENV))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFIGURATION);
              assertThat(e.getMessage()).contains("s3://<bucket>/<prefix>");
            });
  }

  @Test
  void lanceStorageOptionsAreEmptyForLocalRoots() {
    assertThat(ObjectStores.lanceStorageOptions(temp.toString(), S3_ENV)).isEmpty();
    assertThat(ObjectStores.lanceStorageOptions("s3://b-1/x", S3_ENV))
        .containsEntry("aws_endpoint", "http://127.0.0.1:1")
        .containsEntry("allow_http", "true")
        .containsEntry("aws_virtual_hosted_style_request", "false");
  }
}
