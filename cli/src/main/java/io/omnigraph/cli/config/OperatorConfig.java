package io.omnigraph.cli.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omnigraph.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The per-operator config {@code ~/.omnigraph/config.yaml} (08 §5); {@code $OMNIGRAPH_HOME}
 * (tilde-expanded) overrides the folder. A missing file is empty; unknown keys are ignored (forward
 * compatibility) and listed in {@link #warnings()}. Read here: {@code operator.actor} (default for
 * {@code --as}) and {@code clusters.<name>.root}.
 */
public final class OperatorConfig {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final List<String> KNOWN =
      List.of("operator", "servers", "defaults", "clusters", "profiles", "aliases");

  private final String actor;
  private final Map<String, String> clusters;
  private final List<String> warnings;

  private OperatorConfig(String actor, Map<String, String> clusters, List<String> warnings) {
    this.actor = actor;
    this.clusters = clusters;
    this.warnings = warnings;
  }

  /** The operator folder: {@code $OMNIGRAPH_HOME} or {@code ~/.omnigraph}. */
  public static Path home(Map<String, String> env) {
    String h = env.get("OMNIGRAPH_HOME");
    String user = System.getProperty("user.home");
    if (h == null || h.isBlank()) {
      return Path.of(user, ".omnigraph");
    }
    if (h.equals("~") || h.startsWith("~/")) {
      h = user + h.substring(1);
    }
    return Path.of(h);
  }

  public static OperatorConfig load(Map<String, String> env) {
    Path file = home(env).resolve("config.yaml");
    if (!Files.exists(file)) {
      return new OperatorConfig(null, Map.of(), List.of());
    }
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new CliException("cannot read operator config " + file + ": " + e.getMessage());
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      return new OperatorConfig(null, Map.of(), List.of());
    }
    List<String> warnings = new ArrayList<>();
    root.fieldNames()
        .forEachRemaining(
            k -> {
              if (!KNOWN.contains(k)) {
                warnings.add("unknown key '" + k + "' in " + file + " (ignored)");
              }
            });
    JsonNode a = root.path("operator").path("actor");
    String actor = a.isTextual() && !a.asText().isBlank() ? a.asText() : null;
    Map<String, String> clusters = new TreeMap<>();
    root.path("clusters")
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode r = e.getValue().path("root");
              if (r.isTextual()) {
                clusters.put(e.getKey(), r.asText());
              } else {
                warnings.add("clusters." + e.getKey() + " has no root (ignored)");
              }
            });
    return new OperatorConfig(actor, clusters, warnings);
  }

  /** {@code operator.actor}, if set. */
  public Optional<String> actor() {
    return Optional.ofNullable(actor);
  }

  /** {@code clusters:} name → storage root (or config dir). */
  public Map<String, String> clusters() {
    return clusters;
  }

  public List<String> warnings() {
    return warnings;
  }

  /** {@code --as} wins; else {@code operator.actor}; else null. */
  public String resolveActor(String flag) {
    return flag != null && !flag.isBlank() ? flag : actor;
  }
}
