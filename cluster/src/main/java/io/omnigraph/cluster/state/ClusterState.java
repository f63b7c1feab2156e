package io.omnigraph.cluster.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state ledger {@code __cluster/state.json} (05 §4): the applied revision, resource statuses,
 * approval and recovery records and observations. {@link #parse} is strict (unknown fields at any
 * level → {@code invalid_state_json}); {@link #toBytes} writes pretty JSON with a trailing newline,
 * maps sorted by key, optional parts omitted when empty.
 *
 * <p>Mutable on purpose: commands copy the ledger they read ({@link #copy}) and edit the copy.
 */
public final class ClusterState {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  public static final int VERSION = 1;

  /** One applied resource; the extras are null when absent. */
  public record ResourceEntry(
      String digest,
      List<String> appliesTo,
      String embeddingProvider,
      ObjectNode embeddingProfile,
      ObjectNode externalBlobPolicy) {
    public ResourceEntry {
      Objects.requireNonNull(digest, "digest");
      appliesTo = appliesTo == null ? null : List.copyOf(appliesTo);
    }

    public static ResourceEntry of(String digest) {
      return new ResourceEntry(digest, null, null, null, null);
    }
  }

  /** {@code status ∈ pending, planned, applying, applied, drifted, blocked, error}. */
  public record ResourceStatus(String status, List<String> conditions, String message) {
    public ResourceStatus {
      conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
  }

  public record ApprovalRecord(String consumedAt, String consumedByOperation) {}

  public record RecoveryRecord(
      String kind, String graphId, String outcome, String recoveredAt, String actor) {}

  private long stateRevision;
  private String configDigest;
  private final TreeMap<String, ResourceEntry> resources = new TreeMap<>();
  private final TreeMap<String, ResourceStatus> statuses = new TreeMap<>();
  private final TreeMap<String, ApprovalRecord> approvalRecords = new TreeMap<>();
  private final TreeMap<String, RecoveryRecord> recoveryRecords = new TreeMap<>();
  private final TreeMap<String, ObjectNode> observations = new TreeMap<>();

  public static ClusterState empty() {
    return new ClusterState();
  }

  public long stateRevision() {
    return stateRevision;
  }

  public void setStateRevision(long r) {
    stateRevision = r;
  }

  /** {@code applied_revision.config_digest}; null until an apply converged. */
  public String configDigest() {
    return configDigest;
  }

  public void setConfigDigest(String d) {
    configDigest = d;
  }

  public TreeMap<String, ResourceEntry> resources() {
    return resources;
  }

  public TreeMap<String, ResourceStatus> statuses() {
    return statuses;
  }

  public TreeMap<String, ApprovalRecord> approvalRecords() {
    return approvalRecords;
  }

  public TreeMap<String, RecoveryRecord> recoveryRecords() {
    return recoveryRecords;
  }

  public TreeMap<String, ObjectNode> observations() {
    return observations;
  }

  public ClusterState copy() {
    return parse(toBytes());
  }

  // ---- serialization ----

  public byte[] toBytes() {
    try {
      return (JSON.writeValueAsString(toJson()) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public ObjectNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("version", VERSION);
    o.put("state_revision", stateRevision);
    ObjectNode applied = o.putObject("applied_revision");
    if (configDigest == null) {
      applied.putNull("config_digest");
    } else {
      applied.put("config_digest", configDigest);
    }
    ObjectNode rs = applied.putObject("resources");
    resources.forEach((a, r) -> rs.set(a, entryJson(r)));
    if (!statuses.isEmpty()) {
      ObjectNode ss = o.putObject("resource_statuses");
      statuses.forEach((a, s) -> ss.set(a, statusJson(s)));
    }
    if (!approvalRecords.isEmpty()) {
      ObjectNode as = o.putObject("approval_records");
      approvalRecords.forEach(
          (id, r) ->
              as.putObject(id)
                  .put("consumed_at", r.consumedAt())
                  .put("consumed_by_operation", r.consumedByOperation()));
    }
    if (!recoveryRecords.isEmpty()) {
      ObjectNode rr = o.putObject("recovery_records");
      recoveryRecords.forEach(
          (id, r) ->
              rr.putObject(id)
                  .put("kind", r.kind())
                  .put("graph_id", r.graphId())
                  .put("outcome", r.outcome())
                  .put("recovered_at", r.recoveredAt())
                  .put("actor", r.actor()));
    }
    if (!observations.isEmpty()) {
      ObjectNode os = o.putObject("observations");
      observations.forEach((a, ob) -> os.set(a, sorted(ob)));
    }
    return o;
  }

  static ObjectNode entryJson(ResourceEntry r) {
    ObjectNode e = JsonNodeFactory.instance.objectNode();
    e.put("digest", r.digest());
    if (r.appliesTo() != null) {
      ArrayNode a = e.putArray("applies_to");
      r.appliesTo().forEach(a::add);
    }
    if (r.embeddingProvider() != null) {
      e.put("embedding_provider", r.embeddingProvider());
    }
    if (r.embeddingProfile() != null) {
      e.set("embedding_profile", sorted(r.embeddingProfile()));
    }
    if (r.externalBlobPolicy() != null) {
      e.set("external_blob_policy", r.externalBlobPolicy().deepCopy());
    }
    return e;
  }

  public static ObjectNode statusJson(ResourceStatus s) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("status", s.status());
    if (!s.conditions().isEmpty()) {
      ArrayNode c = o.putArray("conditions");
      s.conditions().forEach(c::add);
    }
    if (s.message() != null) {
      o.put("message", s.message());
    }
    return o;
  }

  private static ObjectNode sorted(ObjectNode in) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    new TreeMap<String, JsonNode>(toMap(in)).forEach(o::set);
    return o;
  }

  private static Map<String, JsonNode> toMap(ObjectNode in) {
    Map<String, JsonNode> m = new TreeMap<>();
    in.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  // ---- strict parsing ----

  private static final Set<String> TOP =
      Set.of(
          "version",
          "state_revision",
          "applied_revision",
          "resource_statuses",
          "approval_records",
          "recovery_records",
          "observations");
  private static final Set<String> STATUSES =
      Set.of("pending", "planned", "applying", "applied", "drifted", "blocked", "error");

  /** Strict parse; throws {@link StateException} with the 05 §4 code. */
  public static ClusterState parse(byte[] bytes) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw invalid(
          "state.json is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw invalid("state.json must be a JSON object");
    }
    JsonNode v = root.get("version");
    if (v == null || !v.isIntegralNumber()) {
      throw invalid("state.json needs an integer `version`");
    }
    if (v.asInt() != VERSION || !v.canConvertToInt()) {
      throw new StateException(
          "unsupported_state_version",
          "state.json version " + v + " is not supported (this binary reads version 1)");
    }
    onlyKeys(root, TOP, "");
    ClusterState s = new ClusterState();
    JsonNode rev = root.get("state_revision");
    if (rev != null) {
      if (!rev.canConvertToLong() || !rev.isIntegralNumber() || rev.asLong() < 0) {
        throw invalid("state_revision must be a non-negative integer");
      }
      s.stateRevision = rev.asLong();
    }
    s.readApplied(object(root.get("applied_revision"), "applied_revision", false));
    s.readStatuses(object(root.get("resource_statuses"), "resource_statuses", true));
    s.readApprovals(object(root.get("approval_records"), "approval_records", true));
    s.readRecoveries(object(root.get("recovery_records"), "recovery_records", true));
    s.readObservations(object(root.get("observations"), "observations", true));
    return s;
  }

  private void readApplied(ObjectNode a) {
    onlyKeys(a, Set.of("config_digest", "resources"), "applied_revision.");
    JsonNode d = a.get("config_digest");
    if (d != null && !d.isNull()) {
      configDigest = text(d, "applied_revision.config_digest");
    }
    ObjectNode rs = object(a.get("resources"), "applied_revision.resources", true);
    Iterator<Map.Entry<String, JsonNode>> it = rs.fields();
    while (it.hasNext()) {
      var e = it.next();
      String p = "applied_revision.resources." + e.getKey();
      ObjectNode r = object(e.getValue(), p, false);
      onlyKeys(
          r,
          Set.of(
              "digest",
              "applies_to",
              "embedding_provider",
              "embedding_profile",
              "external_blob_policy"),
          p + ".");
      List<String> appliesTo = null;
      if (r.has("applies_to")) {
        if (!r.get("applies_to").isArray()) {
          throw invalid(p + ".applies_to must be an array");
        }
        appliesTo = new ArrayList<>();
        for (JsonNode b : r.get("applies_to")) {
          appliesTo.add(text(b, p + ".applies_to[]"));
        }
      }
      resources.put(
          e.getKey(),
          new ResourceEntry(
              text(r.get("digest"), p + ".digest"),
              appliesTo,
              r.has("embedding_provider")
                  ? text(r.get("embedding_provider"), p + ".embedding_provider")
                  : null,
              r.has("embedding_profile")
                  ? object(r.get("embedding_profile"), p + ".embedding_profile", false)
                  : null,
              r.has("external_blob_policy")
                  ? object(r.get("external_blob_policy"), p + ".external_blob_policy", false)
                  : null));
    }
  }

  private void readStatuses(ObjectNode ss) {
    ss.fields()
        .forEachRemaining(
            e -> {
              String p = "resource_statuses." + e.getKey();
              ObjectNode o = object(e.getValue(), p, false);
              onlyKeys(o, Set.of("status", "conditions", "message"), p + ".");
              String status = text(o.get("status"), p + ".status");
              if (!STATUSES.contains(status)) {
                throw invalid(p + ".status '" + status + "' is not one of " + STATUSES);
              }
              List<String> conds = new ArrayList<>();
              if (o.has("conditions")) {
                if (!o.get("conditions").isArray()) {
                  throw invalid(p + ".conditions must be an array");
                }
                o.get("conditions").forEach(c -> conds.add(text(c, p + ".conditions[]")));
              }
              String msg =
                  o.has("message") && !o.get("message").isNull()
                      ? text(o.get("message"), p + ".message")
                      : null;
              statuses.put(e.getKey(), new ResourceStatus(status, conds, msg));
            });
  }

  private void readApprovals(ObjectNode as) {
    as.fields()
        .forEachRemaining(
            e -> {
              String p = "approval_records." + e.getKey();
              ObjectNode o = object(e.getValue(), p, false);
              onlyKeys(o, Set.of("consumed_at", "consumed_by_operation"), p + ".");
              approvalRecords.put(
                  e.getKey(),
                  new ApprovalRecord(
                      text(o.get("consumed_at"), p + ".consumed_at"),
                      text(o.get("consumed_by_operation"), p + ".consumed_by_operation")));
            });
  }

  private void readRecoveries(ObjectNode rs) {
    rs.fields()
        .forEachRemaining(
            e -> {
              String p = "recovery_records." + e.getKey();
              ObjectNode o = object(e.getValue(), p, false);
              onlyKeys(o, Set.of("kind", "graph_id", "outcome", "recovered_at", "actor"), p + ".");
              JsonNode actor = o.get("actor");
              recoveryRecords.put(
                  e.getKey(),
                  new RecoveryRecord(
                      text(o.get("kind"), p + ".kind"),
                      text(o.get("graph_id"), p + ".graph_id"),
                      text(o.get("outcome"), p + ".outcome"),
                      text(o.get("recovered_at"), p + ".recovered_at"),
                      actor == null || actor.isNull() ? null : text(actor, p + ".actor")));
            });
  }

  private static final Set<String> GRAPH_OBS =
      Set.of(
          "kind",
          "address",
          "graph_uri",
          "observed_at",
          "exists",
          "graph_manifest_version",
          "schema_digest",
          "desired_schema_digest",
          "schema_matches_desired",
          "error");
  private static final Set<String> TOMBSTONE_OBS =
      Set.of("kind", "deleted_at", "approval_id", "actor");

  private void readObservations(ObjectNode os) {
    os.fields()
        .forEachRemaining(
            e -> {
              String p = "observations." + e.getKey();
              ObjectNode o = object(e.getValue(), p, false).deepCopy();
              legacyManifestVersion(o, p);
              String kind = text(o.get("kind"), p + ".kind");
              switch (kind) {
                case "graph" -> onlyKeys(o, GRAPH_OBS, p + ".");
                case "tombstone" -> onlyKeys(o, TOMBSTONE_OBS, p + ".");
                default -> throw invalid(p + ".kind '" + kind + "' is not graph or tombstone");
              }
              observations.put(e.getKey(), o);
            });
  }

  private static void legacyManifestVersion(ObjectNode o, String p) {
    if (!o.has("manifest_version")) {
      return;
    }
    JsonNode legacy = o.remove("manifest_version");
    if (o.has("graph_manifest_version") && !o.get("graph_manifest_version").equals(legacy)) {
      throw new StateException(
          "conflicting_graph_manifest_observation",
          p + " has both manifest_version and graph_manifest_version with different values");
    }
    o.set("graph_manifest_version", legacy);
  }

  private static StateException invalid(String message) {
    return new StateException("invalid_state_json", message);
  }

  private static void onlyKeys(JsonNode o, Set<String> allowed, String prefix) {
    o.fieldNames()
        .forEachRemaining(
            k -> {
              if (!allowed.contains(k)) {
                throw invalid("unknown field " + prefix + k + " in state.json");
              }
            });
  }

  private static ObjectNode object(JsonNode n, String path, boolean optional) {
    if (n == null && optional) {
      return JsonNodeFactory.instance.objectNode();
    }
    if (n == null || !n.isObject()) {
      throw invalid(path + " must be an object");
    }
    return (ObjectNode) n;
  }

  private static String text(JsonNode n, String path) {
    if (n == null || !n.isTextual()) {
      throw invalid(path + " must be a string");
    }
    return n.asText();
  }
}
