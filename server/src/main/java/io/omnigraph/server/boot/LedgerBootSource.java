package io.omnigraph.server.boot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.server.boot.AppliedRevision.AppliedGraph;
import io.omnigraph.server.boot.AppliedRevision.AppliedPolicy;
import io.omnigraph.server.boot.AppliedRevision.QueryFile;
import io.omnigraph.storage.ObjectStore;
import io.omnigraph.storage.ObjectStores;
import io.omnigraph.storage.StorageException;
import io.omnigraph.storage.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the applied revision straight from the storage root (05 §4, §6, §9; 06 §2 steps 1–2):
 * recovery sidecars, {@code __cluster/state.json}, and the content-addressed catalog, verified by
 * SHA-256. Never takes the state lock, never sweeps, never writes.
 */
public final class LedgerBootSource implements BootSource {
  static final String STATE = "__cluster/state.json";
  static final String RECOVERIES = "__cluster/recoveries/";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public AppliedRevision read(String clusterArg, Map<String, String> env) {
    String root = StorageRoots.resolve(clusterArg);
    ObjectStore store;
    try {
      store = ObjectStores.open(root, env);
    } catch (RuntimeException e) {
      throw BootFailure.of("storage_root_invalid", root, "cannot open the storage root: " + e);
    }
    try (store) {
      return new Reader(root, store).read();
    } catch (StorageException e) {
      throw BootFailure.of("state_read_error", root, "storage error: " + e.getMessage());
    }
  }

  /** One boot read. */
  private static final class Reader {
    private final String root;
    private final ObjectStore store;
    private final List<BootDiagnostic> fatal = new ArrayList<>();
    private final Map<String, BootDiagnostic> quarantined = new TreeMap<>();

    Reader(String root, ObjectStore store) {
      this.root = root;
      this.store = store;
    }

    AppliedRevision read() {
      sidecars();
      failIfFatal();
      JsonNode resources = state().path("applied_revision").path("resources");
      Map<String, JsonNode> graphs = ofKind(resources, "graph.");
      if (graphs.isEmpty()) {
        throw BootFailure.of(
            "cluster_empty", STATE, "the applied revision has no graphs; apply a cluster with one");
      }
      List<AppliedGraph> served = new ArrayList<>();
      for (Map.Entry<String, JsonNode> g : graphs.entrySet()) {
        String id = g.getKey();
        if (quarantined.containsKey(id)) {
          continue;
        }
        Optional<String> provider = provider(id, g.getValue(), resources);
        served.add(
            new AppliedGraph(
                id, StorageRoots.graphRoot(root, id), queries(id, resources), provider));
      }
      List<AppliedPolicy> policies = policies(resources);
      failIfFatal();
      if (served.isEmpty()) {
        throw BootFailure.of(
            "cluster_no_healthy_graphs",
            STATE,
            "every applied graph is quarantined (" + String.join(", ", quarantined.keySet()) + ")");
      }
      return new AppliedRevision(root, served, policies, quarantined);
    }

    private void failIfFatal() {
      if (!fatal.isEmpty()) {
        throw new BootFailure(fatal);
      }
    }

    private void sidecars() {
      for (String key : store.list(RECOVERIES)) {
        if (!key.endsWith(".json")) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(store.get(key).map(StoredObject::bytes).orElse(new byte[0]));
        } catch (IOException e) {
          n = null;
        }
        if (n == null || !n.isObject()) {
          fatal.add(unreadableSidecar(key, "is not a JSON object"));
        } else if (n.path("schema_version").asInt(-1) != 1) {
          fatal.add(unreadableSidecar(key, "has an unsupported schema_version"));
        } else if (n.path("graph_id").asText("").isBlank()) {
          fatal.add(
              new BootDiagnostic(
                  "cluster_recovery_unattributed",
                  key,
                  "recovery sidecar names no graph_id; run a state-mutating cluster command"
                      + " (omnigraph cluster apply) to sweep it"));
        } else {
          String g = n.get("graph_id").asText();
          quarantined.putIfAbsent(
              g,
              new BootDiagnostic(
                  "cluster_recovery_pending",
                  key,
                  "graph '"
                      + g
                      + "' has an unfinished cluster operation; run omnigraph cluster apply"
                      + " (it sweeps recoveries), then restart the server"));
        }
      }
    }

    private static BootDiagnostic unreadableSidecar(String key, String why) {
      return new BootDiagnostic(
          "cluster_recovery_unreadable",
          key,
          "recovery sidecar " + why + "; run a state-mutating cluster command to sweep it");
    }

    private JsonNode state() {
      Optional<StoredObject> o = store.get(STATE);
      if (o.isEmpty()) {
        throw BootFailure.of(
            "cluster_state_missing",
            STATE,
            "no applied cluster state; run omnigraph cluster import, then omnigraph cluster apply");
      }
      JsonNode n;
      try {
        n = JSON.readTree(o.get().bytes());
      } catch (IOException e) {
        throw BootFailure.of("invalid_state_json", STATE, "state.json is not valid JSON");
      }
      if (n == null || !n.isObject()) {
        throw BootFailure.of("invalid_state_json", STATE, "state.json is not a JSON object");
      }
      if (n.path("version").asInt(-1) != 1) {
        throw BootFailure.of("unsupported_state_version", STATE, "state.json version must be 1");
      }
      return n;
    }

    private static Map<String, JsonNode> ofKind(JsonNode resources, String prefix) {
      Map<String, JsonNode> out = new TreeMap<>();
      resources
          .properties()
          .forEach(
              e -> {
                if (e.getKey().startsWith(prefix)) {
                  out.put(e.getKey().substring(prefix.length()), e.getValue());
                }
              });
      return out;
    }

    private Optional<String> provider(String graphId, JsonNode graph, JsonNode resources) {
      JsonNode ref = graph.get("embedding_provider");
      if (ref == null || ref.isNull()) {
        return Optional.empty();
      }
      String addr = ref.asText();
      String path = "graph." + graphId + ".embedding_provider";
      if (!addr.startsWith("provider.embedding.")) {
        fatal.add(
            new BootDiagnostic(
                "wrong_kind_reference", path, "'" + addr + "' is not a provider.embedding.<name>"));
        return Optional.empty();
      }
      JsonNode p = resources.get(addr);
      if (p == null) {
        fatal.add(
            new BootDiagnostic(
                "embedding_provider_missing",
                path,
                addr + " is not in the applied revision; re-run omnigraph cluster apply"));
        return Optional.empty();
      }
      JsonNode profile = p.get("embedding_profile");
      if (profile == null || !profile.isObject()) {
        fatal.add(
            new BootDiagnostic(
                "embedding_provider_profile_missing",
                addr,
                "the applied provider has no embedding_profile; re-run omnigraph cluster apply"));
        return Optional.empty();
      }
      return Optional.of(profile.path("kind").asText(profile.path("provider").asText("")));
    }

    private List<QueryFile> queries(String graphId, JsonNode resources) {
      List<QueryFile> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> q : ofKind(resources, "query." + graphId + ".").entrySet()) {
        String name = q.getKey();
        String key =
            "__cluster/resources/query/"
                + graphId
                + "/"
                + name
                + "/"
                + digest(q.getValue())
                + ".gq";
        verified("query." + graphId + "." + name, key, q.getValue())
            .ifPresent(text -> out.add(new QueryFile(name + ".gq", text, List.of(name))));
      }
      return out;
    }

    private List<AppliedPolicy> policies(JsonNode resources) {
      List<AppliedPolicy> out = new ArrayList<>();
      for (Map.Entry<String, JsonNode> p : ofKind(resources, "policy.").entrySet()) {
        String addr = "policy." + p.getKey();
        JsonNode applies = p.getValue().get("applies_to");
        if (applies == null || !applies.isArray() || applies.isEmpty()) {
          fatal.add(
              new BootDiagnostic(
                  "policy_bindings_missing",
                  addr,
                  "the applied policy records no applies_to; re-run omnigraph cluster apply (it"
                      + " backfills bindings), then restart"));
          continue;
        }
        List<String> bindings = new ArrayList<>();
        for (JsonNode b : applies) {
          String binding = b.asText();
          if (binding.startsWith("graph.") && quarantined.containsKey(binding.substring(6))) {
            continue;
          }
          bindings.add(binding);
        }
        if (bindings.isEmpty()) {
          continue;
        }
        String key =
            "__cluster/resources/policy/" + p.getKey() + "/" + digest(p.getValue()) + ".yaml";
        verified(addr, key, p.getValue())
            .ifPresent(text -> out.add(new AppliedPolicy(p.getKey(), bindings, key, text)));
      }
      return out;
    }

    private static String digest(JsonNode resource) {
      String d = resource.path("digest").asText("");
      return d.startsWith("sha256:") ? d.substring(7) : d;
    }

    private Optional<String> verified(String addr, String key, JsonNode resource) {
      String want = digest(resource);
      Optional<StoredObject> o = want.isEmpty() ? Optional.empty() : store.get(key);
      if (o.isEmpty()) {
        fatal.add(
            new BootDiagnostic(
                "catalog_payload_missing",
                addr,
                "catalog payload "
                    + key
                    + " is missing; run omnigraph cluster refresh, cluster apply, then restart"));
        return Optional.empty();
      }
      String actual = sha256(o.get().bytes());
      if (!actual.equals(want)) {
        fatal.add(
            new BootDiagnostic(
                "catalog_payload_digest_mismatch",
                addr,
                "catalog payload "
                    + key
                    + " hashes to "
                    + actual
                    + "; run omnigraph cluster refresh, cluster apply, then restart"));
        return Optional.empty();
      }
      return Optional.of(new String(o.get().bytes(), StandardCharsets.UTF_8));
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
