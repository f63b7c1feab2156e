package io.omnigraph.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
  private static final Map<String, String> LOCAL_S3 =
      Map.of(
          "AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000",
          "AWS_ACCESS_KEY_ID", "id",
          "AWS_SECRET_ACCESS_KEY", "secret",
          "AWS_ALLOW_HTTP", "true",
          "AWS_S3_FORCE_PATH_STYLE", "true");

  @Test
  void lanceStorageOptionsForALocalS3Server() {
    assertThat(S3Settings.fromEnv(LOCAL_S3).lanceStorageOptions())
        .containsExactly(
            Map.entry("allow_http", "true"),
            Map.entry("aws_access_key_id", "id"),
            Map.entry("aws_endpoint", "http://127.0.0.1:9000"),
            Map.entry("aws_region", "us-east-1"),
            Map.entry("aws_secret_access_key", "secret"),
            Map.entry("aws_virtual_hosted_style_request", "false"));
  }

  @Test
  void lanceStorageOptionsForAwsWithASessionToken() {
    Map<String, String> env =
        Map.of(
            "AWS_REGION", "eu-west-1",
            "AWS_ACCESS_KEY_ID", "id",
            "AWS_SECRET_ACCESS_KEY", "secret",
            "AWS_SESSION_TOKEN", "token");
    assertThat(S3Settings.fromEnv(env).lanceStorageOptions())
        .containsExactly(
            Map.entry("allow_http", "false"),
            Map.entry("aws_access_key_id", "id"),
            Map.entry("aws_region", "eu-west-1"),
            Map.entry("aws_secret_access_key", "secret"),
            Map.entry("aws_session_token", "token"),
            Map.entry("aws_virtual_hosted_style_request", "true"));
  }

  @Test
  void theS3SpecificEndpointWins() {
    Map<String, String> env = with(LOCAL_S3, "AWS_ENDPOINT_URL", "http://other:1");
    assertThat(S3Settings.fromEnv(env).endpoint()).contains(URI.create("http://127.0.0.1:9000"));
    env.remove("AWS_ENDPOINT_URL_S3");
    assertThat(S3Settings.fromEnv(env).endpoint()).contains(URI.create("http://other:1"));
  }

  @Test
  void regionDefaultsOnlyWhenAnEndpointIsSet() {
    assertThat(S3Settings.fromEnv(LOCAL_S3).region()).contains("us-east-1");
    assertThat(S3Settings.fromEnv(with(LOCAL_S3, "AWS_REGION", "eu-central-1")).region())
        .contains("eu-central-1");
    assertThat(S3Settings.fromEnv(Map.of("AWS_DEFAULT_REGION", "ap-south-1")).region())
        .contains("ap-south-1");
    assertThat(S3Settings.fromEnv(Map.of()).region()).isEmpty();
  }

  @Test
  void pathStyleDefaultsToTrueForCustomEndpointsOnly() {
    Map<String, String> env = with(LOCAL_S3, "AWS_S3_FORCE_PATH_STYLE", "");
    assertThat(S3Settings.fromEnv(env).pathStyle()).isTrue();
    assertThat(S3Settings.fromEnv(with(env, "AWS_S3_FORCE_PATH_STYLE", "false")).pathStyle())
        .isFalse();
    assertThat(S3Settings.fromEnv(Map.of()).pathStyle()).isFalse();
  }

  @Test
  void plainHttpNeedsAllowHttp() {
    assertConfiguration(with(LOCAL_S3, "AWS_ALLOW_HTTP", "false"), "AWS_ALLOW_HTTP=true");
    Map<String, String> https = with(LOCAL_S3, "AWS_ENDPOINT_URL_S3", "https://s3.example.com");
    https.remove("AWS_ALLOW_HTTP");
    assertThat(S3Settings.fromEnv(https).allowHttp()).isFalse();
  }

  @Test
  void badValuesNameTheirVariable() {
    assertConfiguration(with(LOCAL_S3, "AWS_ALLOW_HTTP", "maybe"), "AWS_ALLOW_HTTP");
    assertConfiguration(with(LOCAL_S3, "AWS_ENDPOINT_URL_S3", "ftp://x"), "AWS_ENDPOINT_URL_S3");
    assertConfiguration(with(LOCAL_S3, "AWS_ENDPOINT_URL_S3", "not a url"), "AWS_ENDPOINT_URL_S3");
    assertConfiguration(Map.of("AWS_ACCESS_KEY_ID", "id"), "AWS_SECRET_ACCESS_KEY");
    assertConfiguration(Map.of("AWS_SECRET_ACCESS_KEY", "s"), "AWS_ACCESS_KEY_ID");
    assertConfiguration(Map.of("AWS_SESSION_TOKEN", "t"), "AWS_ACCESS_KEY_ID");
  }

  @Test
  void toStringNeverShowsSecrets() {
    String text = S3Settings.fromEnv(with(LOCAL_S3, "AWS_SESSION_TOKEN", "tok")).toString();
    assertThat(text).contains("127.0.0.1:9000").doesNotContain("secret").doesNotContain("tok");
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> copy = new HashMap<>(env);
    copy.put(name, value);
    return copy;
  }

  private static void assertConfiguration(Map<String, String> env, String mention) {
    assertThatThrownBy(() -> S3Settings.fromEnv(env))
        .isInstanceOfSatisfying(
            StorageException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFIGURATION);
              assertThat(e.getMessage()).contains(mention);
            });
  }
}
