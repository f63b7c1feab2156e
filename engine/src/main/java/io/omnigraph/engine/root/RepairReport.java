package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code repair} found and did (04 §8). Classifications: {@code no_drift}, {@code
 * verified_maintenance}, {@code suspicious}, {@code unverifiable}; actions: {@code no_op}, {@code
 * preview}, {@code healed}, {@code forced}, {@code refused}.
 */
public record RepairReport(
    boolean confirm,
    boolean force,
    long graphManifestVersion,
    Commit commit,
    boolean hintRepaired,
    List<Row> datasets) {

  /** One dataset of {@code main}. */
  public record Row(
      String typeKey,
      long publishedDatasetVersion,
      long lanceHeadVersion,
      String classification,
      String action,
      List<String> operations,
      String error) {}

  public boolean anyRefused() {
    return datasets.stream().anyMatch(r -> "refused".equals(r.action()));
  }

  public ObjectNode toJson(String uri) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("uri", uri);
    o.put("confirm", confirm);
    o.put("force", force);
    o.put("graph_manifest_version", graphManifestVersion);
    if (commit == null) {
      o.putNull("commit");
    } else {
      o.set("commit", commit.toJson());
    }
    o.put("latest_hint_repaired", hintRepaired);
    ArrayNode ds = o.putArray("datasets");
    for (Row r : datasets) {
      ObjectNode d = ds.addObject();
      d.put("type_key", r.typeKey());
      d.put("published_dataset_version", r.publishedDatasetVersion());
      d.put("lance_head_version", r.lanceHeadVersion());
      d.put("classification", r.classification());
      d.put("action", r.action());
      ArrayNode ops = d.putArray("operations");
      r.operations().forEach(ops::add);
      d.put("error", r.error());
    }
    return o;
  }

  public List<String> humanLines(String uri) {
    List<String> out = new ArrayList<>();
    long drifted = datasets.stream().filter(r -> !"no_drift".equals(r.classification())).count();
    out.add(
        "repair "
            + uri
            + " — "
            + datasets.size()
            + " datasets, "
            + drifted
            + " drifted"
            + (commit == null ? "" : ", published manifest v" + graphManifestVersion)
            + (hintRepaired ? ", latest hint rewritten" : "")
            + (confirm ? "" : " (preview: rerun with --confirm to publish verified drift)"));
    for (Row r : datasets) {
      if ("no_drift".equals(r.classification()) && r.error() == null) {
        continue;
      }
      out.add(
          "  "
              + r.typeKey()
              + ": v"
              + r.publishedDatasetVersion()
              + " → v"
              + r.lanceHeadVersion()
              + " "
              + r.classification()
              + " "
              + r.operations()
              + " → "
              + r.action()
              + (r.error() == null ? "" : " (" + r.error() + ")"));
    }
    return out;
  }
}
