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
 * An approval artifact {@code __cluster/approvals/<approval_id>.json} (05 §7 approve): digest-bound
 * authorization of one destructive change. Consumed artifacts are rewritten, never deleted.
 */
public record ApprovalArtifact(
    String approvalId,
    String resource,
    String operation,
    String reason,
    String boundConfigDigest,
    String boundBeforeDigest,
    String boundAfterDigest,
    String approvedBy,
    String createdAt,
    String consumedAt,
    String consumedByOperation) {
  public static final String DELETE_REASON =
      "delete may remove deployed graph or schema definition";
  private static final Set<String> KEYS =
      Set.of(
          "schema_version",
          "approval_id",
          "resource",
          "operation",
          "reason",
          "bound_config_digest",
          "bound_before_digest",
          "bound_after_digest",
          "approved_by",
          "created_at",
          "consumed_at",
          "consumed_by_operation");

  public String key() {
    return ClusterLayout.approvalKey(approvalId);
  }

  public boolean consumed() {
    return consumedAt != null;
  }

  public ApprovalArtifact consume(String at, String byOperation) {
    return new ApprovalArtifact(
        approvalId,
        resource,
        operation,
        reason,
        boundConfigDigest,
        boundBeforeDigest,
        boundAfterDigest,
        approvedBy,
        createdAt,
        at,
        byOperation);
  }

  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("schema_version", 1);
    o.put("approval_id", approvalId);
    o.put("resource", resource);
    o.put("operation", operation);
    o.put("reason", reason);
    o.put("bound_config_digest", boundConfigDigest);
    o.put("bound_before_digest", boundBeforeDigest);
    o.put("bound_after_digest", boundAfterDigest);
    o.put("approved_by", approvedBy);
    o.put("created_at", createdAt);
    o.put("consumed_at", consumedAt);
    o.put("consumed_by_operation", consumedByOperation);
    return o;
  }

  public byte[] toBytes() {
    try {
      return (ClusterState.JSON.writeValueAsString(toJson()) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ApprovalArtifact parse(byte[] bytes) {
    JsonNode o;
    try {
      o = ClusterState.JSON.readTree(bytes);
    } catch (IOException e) {
      throw invalid("not valid JSON");
    }
    if (o == null || !o.isObject() || !o.path("schema_version").isIntegralNumber()) {
      throw invalid("not an approval object with an integer schema_version");
    }
    if (o.get("schema_version").asInt() != 1) {
      throw new StateException(
          "unsupported_approval_version",
          "approval schema_version " + o.get("schema_version") + " is not supported");
    }
    StrictFields fields = new StrictFields(o, INVALID, "approval artifact").only(KEYS);
    return new ApprovalArtifact(
        fields.str("approval_id", false),
        fields.str("resource", false),
        fields.str("operation", false),
        fields.str("reason", true),
        fields.str("bound_config_digest", false),
        fields.str("bound_before_digest", true),
        fields.str("bound_after_digest", true),
        fields.str("approved_by", false),
        fields.str("created_at", false),
        fields.str("consumed_at", true),
        fields.str("consumed_by_operation", true));
  }

  private static final String INVALID = "invalid_approval_artifact";

  private static StateException invalid(String why) {
    return new StateException(INVALID, "invalid approval artifact: " + why);
  }

  /** Every readable artifact; problems are warnings (file left in place). */
  public static List<ApprovalArtifact> list(ClusterStore store, Diagnostics out) {
    List<ApprovalArtifact> result = new ArrayList<>();
    List<String> keys;
    try {
      keys = store.objects().list(ClusterLayout.APPROVALS);
    } catch (StorageException e) {
      out.warning(
          "approval_read_error",
          store.prefixUri(ClusterLayout.APPROVALS),
          "cannot list approvals: "
              + e.getMessage()
              + "; no approval counts until the listing works");
      return result;
    }
    for (String key : keys) {
      if (!key.endsWith(".json")) {
        continue;
      }
      try {
        Optional<StoredObject> o = store.objects().get(key);
        o.ifPresent(s -> result.add(parse(s.bytes())));
      } catch (StorageException e) {
        out.warning(
            "approval_read_error",
            store.objects().uriOf(key),
            "cannot read approval: "
                + e.getMessage()
                + " (file left in place; it authorizes nothing until it can be read: check the"
                + " storage root's permissions or credentials)");
      } catch (StateException e) {
        out.warning(
            e.code(),
            store.objects().uriOf(key),
            e.getMessage()
                + " (file left in place; it authorizes nothing: re-run `cluster approve` if the"
                + " change still needs approval)");
      }
    }
    return result;
  }
}
