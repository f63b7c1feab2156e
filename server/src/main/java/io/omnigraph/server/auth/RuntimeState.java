package io.omnigraph.server.auth;

/** The server's authentication/authorization state (06 §5). */
public enum RuntimeState {
  /** No tokens, no policy, {@code --unauthenticated}: every per-graph request is allowed. */
  OPEN("open"),
  /** Tokens but no policy bundle: a valid bearer is required and only {@code read} is allowed. */
  DEFAULT_DENY("default-deny"),
  /** Tokens and at least one bundle: graphs with a bundle are decided by it. */
  POLICY_ENABLED("policy-enabled");

  private final String wire;

  RuntimeState(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /**
   * Classifies the state, or throws {@link IllegalStateException} with the refusal message when the
   * combination cannot serve (no tokens without {@code --unauthenticated}; policy without tokens).
   */
  public static RuntimeState classify(
      boolean haveTokens, boolean policyConfigured, boolean unauthenticated) {
    if (unauthenticated) {
      if (haveTokens || policyConfigured) {
        throw new IllegalStateException(
            "--unauthenticated (OMNIGRAPH_UNAUTHENTICATED) serves without tokens or policy, but "
                + (haveTokens ? "bearer tokens are configured" : "the cluster binds policy bundles")
                + "; drop --unauthenticated, or unset the token variables"
                + (policyConfigured ? " and apply a cluster without policy bundles" : ""));
      }
      return OPEN;
    }
    if (!haveTokens) {
      if (policyConfigured) {
        throw new IllegalStateException(
            "the cluster binds policy bundles but no bearer tokens are configured, so every"
                + " request would be refused (401); set OMNIGRAPH_SERVER_BEARER_TOKENS_FILE,"
                + " OMNIGRAPH_SERVER_BEARER_TOKENS_JSON or OMNIGRAPH_SERVER_BEARER_TOKEN");
      }
      throw new IllegalStateException(
          "no bearer tokens are configured; set OMNIGRAPH_SERVER_BEARER_TOKENS_FILE,"
              + " OMNIGRAPH_SERVER_BEARER_TOKENS_JSON or OMNIGRAPH_SERVER_BEARER_TOKEN, or pass"
              + " --unauthenticated (OMNIGRAPH_UNAUTHENTICATED=1) to serve without authentication");
    }
    return policyConfigured ? POLICY_ENABLED : DEFAULT_DENY;
  }
}
