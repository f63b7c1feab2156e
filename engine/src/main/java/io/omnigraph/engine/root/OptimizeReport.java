package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code optimize} did (04 §8): one row per dataset of {@code main}, the commit it published
 * ({@code null} when nothing changed) and the manifest version the graph is at afterwards.
 */
public record OptimizeReport(List<Row> datasets, Commit commit, long graphManifestVersion) {

  /**
   * One dataset: fragments before/after compaction, indexes built/dropped, whether its new version
   * was published ({@code committed}), why it was skipped, and indexes that could not be built.
   */
  public record Row(
      String typeKey,
      int fragmentsBefore,
      int fragmentsAfter,
      int fragmentsRemoved,
      int fragmentsAdded,
      boolean committed,
      String skipped,
      long publishedDatasetVersion,
      long lanceHeadVersion,
      List<String> indexesCreated,
      List<String> indexesDropped,
      boolean reindexed,
      List<PendingIndex> pendingIndexes,
      String error) {

    ObjectNode toJson() {
      ObjectNode o = JsonNodeFactory.instance.objectNode();
      o.put("type_key", typeKey);
      o.put("fragments_removed", fragmentsRemoved);
      o.put("fragments_added", fragmentsAdded);
      o.put("committed", committed);
      o.put("skipped", skipped);
      o.put("published_dataset_version", publishedDatasetVersion);
      o.put("lance_head_version", lanceHeadVersion);
      ArrayNode created = o.putArray("indexes_created");
      indexesCreated.forEach(created::add);
      ArrayNode dropped = o.putArray("indexes_dropped");
      indexesDropped.forEach(dropped::add);
      o.put("reindexed", reindexed);
      ArrayNode pending = o.putArray("pending_indexes");
      for (PendingIndex p : pendingIndexes) {
        pending.addObject().put("property", p.property()).put("reason", p.reason());
      }
      o.put("error", error);
      return o;
    }

    String humanLine() {
      String what;
      if (error != null) {
        what = "failed (" + error + ")";
      } else if (skipped != null) {
        what = "skipped (" + skipped + ")";
      } else if (!committed) {
        what = "no-op";
      } else {
        List<String> parts = new ArrayList<>();
        parts.add("frags " + fragmentsBefore + " → " + fragmentsAfter);
        if (!indexesCreated.isEmpty()) {
          parts.add("indexes +" + String.join(" +", indexesCreated));
        }
        if (!indexesDropped.isEmpty()) {
          parts.add("dropped " + String.join(", ", indexesDropped));
        }
        if (reindexed) {
          parts.add("reindexed");
        }
        what = String.join(", ", parts) + " ✓";
      }
      String pend =
          pendingIndexes.isEmpty()
              ? ""
              : " (pending: "
                  + String.join(
                      ", ",
                      pendingIndexes.stream().map(p -> p.property() + ": " + p.reason()).toList())
                  + ")";
      return "  " + typeKey + ": " + what + pend;
    }
  }

  public ObjectNode toJson(String uri) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("uri", uri);
    o.put("graph_manifest_version", graphManifestVersion);
    if (commit == null) {
      o.putNull("commit");
    } else {
      o.set("commit", commit.toJson());
    }
    ArrayNode ds = o.putArray("datasets");
    datasets.forEach(r -> ds.add(r.toJson()));
    return o;
  }

  /** {@code optimize <uri> — <n> datasets} then one line per dataset. */
  public List<String> humanLines(String uri) {
    List<String> out = new ArrayList<>();
    out.add(
        "optimize "
            + uri
            + " — "
            + datasets.size()
            + " datasets"
            + (commit == null
                ? " (nothing to publish)"
                : ", published manifest v" + graphManifestVersion));
    datasets.forEach(r -> out.add(r.humanLine()));
    return out;
  }
}
