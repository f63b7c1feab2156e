package io.omnigraph.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The closed set of Cedar actions (07 §2), with the scope key each one accepts. */
public enum PolicyAction {
  READ("read", ScopeKey.BRANCH_SCOPE, false),
  EXPORT("export", ScopeKey.BRANCH_SCOPE, false),
  CHANGE("change", ScopeKey.BRANCH_SCOPE, false),
  SCHEMA_APPLY("schema_apply", ScopeKey.TARGET_BRANCH_SCOPE, false),
  BRANCH_CREATE("branch_create", ScopeKey.TARGET_BRANCH_SCOPE, false),
  BRANCH_DELETE("branch_delete", ScopeKey.TARGET_BRANCH_SCOPE, false),
  BRANCH_MERGE("branch_merge", ScopeKey.TARGET_BRANCH_SCOPE, false),
  ADMIN("admin", null, false),
  INVOKE_QUERY("invoke_query", null, false),
  GRAPH_LIST("graph_list", null, true);

  private final String wire;
  private final ScopeKey scopeKey;
  private final boolean serverScoped;

  PolicyAction(String wire, ScopeKey scopeKey, boolean serverScoped) {
    this.wire = wire;
    this.scopeKey = scopeKey;
    this.serverScoped = serverScoped;
  }

  /** The name used in YAML, Cedar and messages, e.g. {@code schema_apply}. */
  public String wire() {
    return wire;
  }

  /** The one scope key this action accepts, or empty when it accepts none. */
  public Optional<ScopeKey> scopeKey() {
    return Optional.ofNullable(scopeKey);
  }

  /** Whether {@code key} may restrict this action. */
  public boolean accepts(ScopeKey key) {
    return scopeKey == key;
  }

  /** True for {@code graph_list}, whose resource is {@code Omnigraph::Server::"root"}. */
  public boolean serverScoped() {
    return serverScoped;
  }

  /** The kind of bundle this action belongs in. */
  public BindingKind kind() {
    return serverScoped ? BindingKind.SERVER : BindingKind.GRAPH;
  }

  public static Optional<PolicyAction> fromWire(String text) {
    return Arrays.stream(values()).filter(a -> a.wire.equals(text)).findFirst();
  }

  /** Every wire name, comma separated, in declaration order (for messages). */
  public static String wireNames() {
    return Arrays.stream(values()).map(PolicyAction::wire).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return wire;
  }
}
