package io.omnigraph.cluster.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.config.ClusterConfig.ExternalBlobPolicy;
import io.omnigraph.compiler.json.CanonicalJson;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;

/** The digest rules of 05 §3 (canonical JSON = RFC 8785, decision "Digests"). */
public final class Digests {
  private Digests() {}

  public static String sha256(byte[] bytes) {
    return CanonicalJson.sha256Hex(bytes);
  }

  /** {@code "sha256:" + hex} of the ledger bytes: the state CAS token. */
  public static String casToken(byte[] stateBytes) {
    return "sha256:" + sha256(stateBytes);
  }

  public static String provider(JsonNode profile) {
    return sha256(concat("embedding-provider\0", CanonicalJson.serialize(profile)));
  }

  /**
   * The graph composite: {@code graph\0 id \0schema\0 schemaDigest \0} + queries by name + bound
   * provider + (allow-list only) external-Blob policy. A missing component contributes "".
   */
  public static String graph(
      String id,
      String schemaDigest,
      SortedMap<String, String> queryDigests,
      String providerAddress,
      String providerDigest,
      JsonNode externalBlobPolicy) {
    StringBuilder sb = new StringBuilder();
    sb.append("graph\0").append(id).append("\0schema\0").append(nz(schemaDigest)).append('\0');
    queryDigests.forEach(
        (n, d) -> sb.append("query\0").append(n).append('\0').append(nz(d)).append('\0'));
    if (providerAddress != null) {
      sb.append("embedding_provider\0")
          .append(providerAddress)
          .append('\0')
          .append(nz(providerDigest))
          .append('\0');
    }
    if (externalBlobPolicy != null && "allow".equals(externalBlobPolicy.path("mode").asText())) {
      sb.append("external_blob_policy\0")
          .append(CanonicalJson.serialize(externalBlobPolicy))
          .append('\0');
    }
    return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The desired config digest: parsed config + every desired resource in address order. */
  public static String config(JsonNode parsedConfig, SortedMap<String, String> resourceDigests) {
    StringBuilder sb = new StringBuilder("cluster-config\0");
    sb.append(CanonicalJson.serialize(parsedConfig)).append('\0');
    for (Map.Entry<String, String> e : resourceDigests.entrySet()) {
      sb.append(e.getKey()).append('\0').append(e.getValue()).append('\0');
    }
    return sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** {@code {mode:"allow", bases:[{uri, scope}]}}, or null for deny (omitted everywhere). */
  public static ObjectNode blobPolicyJson(ExternalBlobPolicy p) {
    if (p == null || p.isDeny()) {
      return null;
    }
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("mode", "allow");
    ArrayNode bases = o.putArray("bases");
    p.allow().forEach(b -> bases.addObject().put("uri", b.base()).put("scope", b.scope()));
    return o;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  private static byte[] concat(String a, String b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(b.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
