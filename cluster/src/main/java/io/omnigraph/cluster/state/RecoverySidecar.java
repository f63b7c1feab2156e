package io.omnigraph.cluster.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.storage.StorageException;
import io.omnigraph.storage.StoredObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A recovery sidecar {@code __cluster/recoveries/<operation_id>.json} (05 §9), written before any
 * graph-moving call and deleted only after the state write that records the outcome. Strict.
 */
public record RecoverySidecar(
    String operationId,
    String startedAt,
    String actor,
    String kind,
    String graphId,
    String graphUri,
    Long observedManifestVersion,
    Long expectedManifestVersion,
    String desiredSchemaDigest,
    String stateCasBase,
    String approvalId) {
  public static final Set<String> KINDS = Set.of("graph_create", "schema_apply", "graph_delete");
  private static final Set<String> KEYS =
      Set.of(
          "schema_version",
          "operation_id",
          "started_at",
          "actor",
          "kind",
          "graph_id",
          "graph_uri",
          "observed_manifest_version",
          "expected_manifest_version",
          "desired_schema_digest",
          "state_cas_base",
          "approval_id");

  public RecoverySidecar withExpected(Long version) {
    return new RecoverySidecar(
        operationId,
        startedAt,
        actor,
        kind,
        graphId,
        graphUri,
        observedManifestVersion,
        version,
        desiredSchemaDigest,
        stateCasBase,
        approvalId);
  }

  public String key() {
    return ClusterLayout.sidecarKey(operationId);
  }

  public byte[] toBytes() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("schema_version", 1);
    o.put("operation_id", operationId);
    o.put("started_at", startedAt);
    o.put("actor", actor);
    o.put("kind", kind);
    o.put("graph_id", graphId);
    o.put("graph_uri", graphUri);
    o.put("observed_manifest_version", observedManifestVersion);
    o.put("expected_manifest_version", expectedManifestVersion);
    o.put("desired_schema_digest", desiredSchemaDigest == null ? "" : desiredSchemaDigest);
    o.put("state_cas_base", stateCasBase);
    o.put("approval_id", approvalId);
    try {
      return (ClusterState.JSON.writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Strict parse: {@code invalid_recovery_sidecar} / {@code unsupported_recovery_sidecar_version}.
   */
  public static RecoverySidecar parse(byte[] bytes) {
    JsonNode o;
    try {
      o = ClusterState.JSON.readTree(bytes);
    } catch (IOException e) {
      throw invalid("not valid JSON");
    }
    if (o == null || !o.isObject()) {
      throw invalid("not a JSON object");
    }
    if (!o.path("schema_version").isIntegralNumber()) {
      throw invalid("schema_version must be an integer");
    }
    if (o.get("schema_version").asInt() != 1) {
      throw new StateException(
          "unsupported_recovery_sidecar_version",
          "recovery sidecar schema_version " + o.get("schema_version") + " is not supported");
    }
    StrictFields fields = new StrictFields(o, INVALID, "recovery sidecar").only(KEYS);
    String kind = fields.str("kind", false);
    if (!KINDS.contains(kind)) {
      throw invalid("kind must be graph_create, schema_apply or graph_delete");
    }
    return new RecoverySidecar(
        fields.str("operation_id", false),
        fields.str("started_at", false),
        fields.str("actor", true),
        kind,
        fields.str("graph_id", false),
        fields.str("graph_uri", false),
        fields.num("observed_manifest_version"),
        fields.num("expected_manifest_version"),
        fields.str("desired_schema_digest", false),
        fields.str("state_cas_base", true),
        fields.str("approval_id", true));
  }

  private static final String INVALID = "invalid_recovery_sidecar";

  private static StateException invalid(String why) {
    return new StateException(INVALID, "invalid recovery sidecar: " + why);
  }

  /** Writes this sidecar (unconditional put); failure → {@code recovery_sidecar_write_error}. */
  public void write(ClusterStore store) {
    try {
      store.objects().put(key(), toBytes());
    } catch (StorageException e) {
      throw new StateException(
          "recovery_sidecar_write_error",
          "cannot write recovery sidecar "
              + store.objects().uriOf(key())
              + ": "
              + e.getMessage()
              + "; the graph was not touched: check the storage root's permissions or credentials"
              + " and re-run `cluster apply`");
    }
  }

  /**
   * Every readable sidecar, sorted by operation id; listing problems become warnings (05 §9) in
   * {@code out} (or, with {@code out == null}, are thrown — the server's fatal reading).
   */
  public static List<RecoverySidecar> list(ClusterStore store, Diagnostics out) {
    List<RecoverySidecar> result = new ArrayList<>();
    List<String> keys;
    try {
      keys = store.objects().list(ClusterLayout.RECOVERIES);
    } catch (StorageException e) {
      report(
          out,
          "recovery_sidecar_read_error",
          store.prefixUri(ClusterLayout.RECOVERIES),
          "cannot list recovery sidecars: "
              + e.getMessage()
              + "; interrupted graph operations cannot be seen until the listing works");
      return result;
    }
    for (String key : keys) {
      if (!key.endsWith(".json")) {
        continue;
      }
      try {
        Optional<StoredObject> o = store.objects().get(key);
        if (o.isPresent()) {
          result.add(parse(o.get().bytes()));
        }
      } catch (StorageException e) {
        report(
            out,
            "recovery_sidecar_read_error",
            store.objects().uriOf(key),
            "cannot read recovery sidecar: "
                + e.getMessage()
                + " (file left in place; its graph is not protected until it can be read:"
                + " check the storage root's permissions or credentials)");
      } catch (StateException e) {
        report(out, e.code(), store.objects().uriOf(key), e.getMessage() + " (file left in place)");
      }
    }
    return result;
  }

  private static void report(Diagnostics out, String code, String path, String message) {
    if (out == null) {
      throw new StateException(code, path + ": " + message);
    }
    out.warning(code, path, message);
  }
}
