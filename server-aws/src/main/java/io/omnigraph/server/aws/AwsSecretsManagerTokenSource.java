package io.omnigraph.server.aws;

import io.omnigraph.server.auth.SecretTokenSource;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

/**
 * {@code OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET}: reads the secret's {@code SecretString} (JSON
 * {@code {"actor":"token",…}}) with the default AWS credential chain and region (needs {@code
 * secretsmanager:GetSecretValue}). Registered through {@code META-INF/services}.
 */
public final class AwsSecretsManagerTokenSource implements SecretTokenSource {
  @Override
  public String name() {
    return "aws-secrets-manager";
  }

  @Override
  public String fetch(String secretId, Map<String, String> env) {
    try (SecretsManagerClient client =
        SecretsManagerClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      String s =
          client
              .getSecretValue(GetSecretValueRequest.builder().secretId(secretId).build())
              .secretString();
      if (s == null) {
        throw new IllegalStateException("the secret has no SecretString");
      }
      return s;
    }
  }
}
