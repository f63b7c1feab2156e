package io.omnigraph.server.auth;

import java.util.Map;

/**
 * A bearer-token source that reads a secret store (the AWS build's Secrets Manager source). Found
 * through {@link java.util.ServiceLoader}; the default build has none.
 */
public interface SecretTokenSource {
  /** The source name logged at boot, e.g. {@code aws-secrets-manager}. */
  String name();

  /**
   * The secret's raw JSON text ({@code {"actor":"token",…}}) for {@code secretId}.
   *
   * @throws RuntimeException with a readable message when the secret cannot be read
   */
  String fetch(String secretId, Map<String, String> env);
}
