package io.omnigraph.cluster.state;

/** Key names under a cluster storage root (10 §1). */
public final class ClusterLayout {
  public static final String DIR = "__cluster/";
  public static final String STATE = "__cluster/state.json";
  public static final String LOCK = "__cluster/lock.json";
  public static final String RESOURCES = "__cluster/resources/";
  public static final String RECOVERIES = "__cluster/recoveries/";
  public static final String APPROVALS = "__cluster/approvals/";
  public static final String GRAPHS = "graphs/";

  private ClusterLayout() {}

  /** {@code graphs/<id>.omni}: the derived graph root key prefix (no trailing slash). */
  public static String graphKey(String graphId) {
    return GRAPHS + graphId + ".omni";
  }

  /**
   * The catalog key of a payload: {@code __cluster/resources/query/<graph>/<name>/<digest>.gq} or
   * {@code __cluster/resources/policy/<name>/<digest>.yaml}; null for addresses without payloads.
   */
  public static String payloadKey(String address, String digest) {
    if (address.startsWith("query.")) {
      String rest = address.substring(6);
      int dot = rest.indexOf('.');
      if (dot < 0) {
        return null;
      }
      return RESOURCES
          + "query/"
          + rest.substring(0, dot)
          + "/"
          + rest.substring(dot + 1)
          + "/"
          + digest
          + ".gq";
    }
    if (address.startsWith("policy.")) {
      return RESOURCES + "policy/" + address.substring(7) + "/" + digest + ".yaml";
    }
    return null;
  }

  public static String sidecarKey(String operationId) {
    return RECOVERIES + operationId + ".json";
  }

  public static String approvalKey(String approvalId) {
    return APPROVALS + approvalId + ".json";
  }
}
