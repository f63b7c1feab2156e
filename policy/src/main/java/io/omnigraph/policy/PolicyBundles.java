package io.omnigraph.policy;

import java.util.Objects;
import java.util.Optional;

/**
 * Entry points for reading policy bundles: strict YAML parsing followed by the semantic validation
 * of 07 §3 and decision 6b. Never throws on bad input; problems come back as {@link PolicyError}s.
 *
 * <p>Parse (shape) errors are reported all together and stop there; semantic validation runs only
 * on a well-formed document, and also reports every problem it finds.
 */
public final class PolicyBundles {
  private PolicyBundles() {}

  /**
   * Parses and validates a bundle whose binding is unknown: the kind is the declared {@code kind}
   * if any, otherwise inferred from the actions (server iff the rules use only server-scoped
   * actions); rules of both kinds are a {@link PolicyErrorCode#MIXED_KINDS} error.
   *
   * @param yamlText the file content
   * @param sourceName the name errors carry (a file name; may be {@code null})
   */
  public static PolicyResult<PolicyBundle> parse(String yamlText, String sourceName) {
    return parse(yamlText, sourceName, Optional.empty());
  }

  /**
   * Parses and validates a bundle bound as {@code binding} ({@link BindingKind#SERVER} for an
   * {@code applies_to: [cluster]} bundle, {@link BindingKind#GRAPH} for graph bindings). A declared
   * {@code kind} must agree, and every action must belong to that kind.
   */
  public static PolicyResult<PolicyBundle> parse(
      String yamlText, String sourceName, BindingKind binding) {
    return parse(yamlText, sourceName, Optional.of(binding));
  }

  /**
   * Validates a bundle built in code (errors carry no positions). An empty {@code binding} means
   * unknown, as in {@link #parse(String, String)}.
   */
  public static PolicyResult<PolicyBundle> validate(
      PolicyBundle bundle, Optional<BindingKind> binding) {
    Objects.requireNonNull(bundle, "bundle");
    return BundleValidator.validate(bundle, binding, null, Locations.none());
  }

  private static PolicyResult<PolicyBundle> parse(
      String yamlText, String sourceName, Optional<BindingKind> binding) {
    Objects.requireNonNull(yamlText, "yamlText");
    PolicyResult<YamlNode> tree = YamlTrees.read(yamlText, sourceName);
    if (!tree.ok()) {
      return PolicyResult.failed(tree.errors());
    }
    StrictReader in = new StrictReader(sourceName);
    Optional<PolicyBundle> raw = new BundleReader(in).read(tree.value());
    if (!in.errors().isEmpty() || raw.isEmpty()) {
      return PolicyResult.failed(in.errors());
    }
    return BundleValidator.validate(raw.get(), binding, sourceName, in.locations());
  }
}
