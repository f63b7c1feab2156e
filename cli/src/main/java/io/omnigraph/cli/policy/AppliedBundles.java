package io.omnigraph.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omnigraph.cli.CliException;
import io.omnigraph.server.boot.AppliedRevision.AppliedPolicy;
import io.omnigraph.server.boot.BootFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The policy bundles of a cluster (07 §5, decision 7): the applied ones, read like the server reads
 * them (ledger + verified catalog). A config directory whose cluster has not been applied yet (no
 * {@code __cluster/state.json}) falls back to the bundles its {@code cluster.yaml} declares, so
 * bundles can be checked before the first apply; the output says which source was used.
 */
final class AppliedBundles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The bundles and where they came from ({@code applied} or {@code declared}). */
  record Loaded(String source, List<AppliedPolicy> bundles) {}

  private AppliedBundles() {}

  static Loaded read(String cluster, Map<String, String> env) {
    try {
      return new Loaded(
          "applied",
          new io.omnigraph.server.boot.AppliedClusterSource().read(cluster, env).policies());
    } catch (BootFailure f) {
      boolean missing =
          f.diagnostics().stream().anyMatch(d -> d.code().equals("cluster_state_missing"));
      Path yaml = Path.of(cluster).resolve("cluster.yaml");
      if (missing && !cluster.contains("://") && Files.isRegularFile(yaml)) {
        return new Loaded("declared", declared(yaml));
      }
      throw new CliException(f.report(cluster));
    }
  }

  private static List<AppliedPolicy> declared(Path yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(Files.readString(yaml));
    } catch (IOException | RuntimeException e) {
      throw new CliException("cannot read " + yaml + ": " + e.getMessage());
    }
    List<AppliedPolicy> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    for (Map.Entry<String, JsonNode> p : root.path("policies").properties()) {
      String file = p.getValue().path("file").asText("");
      Path path = yaml.getParent().resolve(file);
      String text;
      try {
        text = Files.readString(path);
      } catch (IOException | RuntimeException e) {
        throw new CliException(
            "policy '"
                + p.getKey()
                + "': cannot read its file '"
                + file
                + "' (policy_file_missing)");
      }
      List<String> bindings = new ArrayList<>();
      for (JsonNode b : p.getValue().path("applies_to")) {
        String s = b.asText();
        bindings.add(s.equals("cluster") || s.startsWith("graph.") ? s : "graph." + s);
      }
      out.add(new AppliedPolicy(p.getKey(), bindings, file, text));
    }
    return out;
  }
}
