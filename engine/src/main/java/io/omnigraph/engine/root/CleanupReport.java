package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code cleanup} removed (or, without {@code confirm}, would remove): old manifest versions,
 * and per dataset its old Lance versions and orphaned Lance branches.
 */
public record CleanupReport(
    RetentionPolicy policy,
    boolean confirmed,
    List<Long> manifestVersionsRemoved,
    long oldestKeptManifestVersion,
    List<Row> datasets) {

  /**
   * One dataset (all its Lance branches). {@code bytesRemoved} is -1 in a preview; {@code
   * datasetRemoved}: the whole dataset went (no kept version pins it any more).
   */
  public record Row(
      String typeKey,
      String datasetPath,
      long oldVersionsRemoved,
      long bytesRemoved,
      List<String> lanceBranchesRemoved,
      boolean datasetRemoved,
      String error) {}

  public long versionsRemoved() {
    return datasets.stream().mapToLong(Row::oldVersionsRemoved).sum();
  }

  public long bytesRemoved() {
    return datasets.stream().mapToLong(r -> Math.max(0, r.bytesRemoved())).sum();
  }

  public List<Row> failed() {
    return datasets.stream().filter(r -> r.error() != null).toList();
  }

  public ObjectNode toJson(String uri) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("uri", uri);
    o.put("confirm", confirmed);
    if (policy.keep() == null) {
      o.putNull("keep_versions");
    } else {
      o.put("keep_versions", policy.keep());
    }
    if (policy.olderThan() == null) {
      o.putNull("older_than_secs");
    } else {
      o.put("older_than_secs", policy.olderThan().toSeconds());
    }
    ArrayNode mv = o.putArray("manifest_versions_removed");
    manifestVersionsRemoved.forEach(mv::add);
    o.put("oldest_kept_manifest_version", oldestKeptManifestVersion);
    ArrayNode ds = o.putArray("datasets");
    for (Row r : datasets) {
      ObjectNode d = ds.addObject();
      d.put("type_key", r.typeKey());
      d.put("dataset_path", r.datasetPath());
      if (r.bytesRemoved() < 0) {
        d.putNull("bytes_removed");
      } else {
        d.put("bytes_removed", r.bytesRemoved());
      }
      d.put("old_versions_removed", r.oldVersionsRemoved());
      ArrayNode lb = d.putArray("lance_branches_removed");
      r.lanceBranchesRemoved().forEach(lb::add);
      d.put("dataset_removed", r.datasetRemoved());
      d.put("error", r.error());
    }
    return o;
  }

  /** The human summary (first line) and one line per failed dataset or removed branch. */
  public List<String> humanLines(String uri) {
    List<String> out = new ArrayList<>();
    String mv =
        manifestVersionsRemoved.isEmpty()
            ? "no manifest versions"
            : manifestVersionsRemoved.size()
                + " manifest versions (v"
                + manifestVersionsRemoved.get(0)
                + "–v"
                + manifestVersionsRemoved.get(manifestVersionsRemoved.size() - 1)
                + ")";
    if (confirmed) {
      out.add(
          "cleanup "
              + uri
              + " ("
              + policy.describe()
              + ") — removed "
              + versionsRemoved()
              + " versions ("
              + bytesRemoved()
              + " bytes) across "
              + datasets.size()
              + " datasets; "
              + mv
              + "; oldest kept manifest v"
              + oldestKeptManifestVersion);
    } else {
      out.add(
          "cleanup preview "
              + uri
              + " ("
              + policy.describe()
              + ") — would remove "
              + versionsRemoved()
              + " versions across "
              + datasets.size()
              + " datasets and "
              + mv
              + "; oldest kept manifest would be v"
              + oldestKeptManifestVersion);
    }
    for (Row r : datasets) {
      if (r.error() != null) {
        out.add("  failed " + r.typeKey() + ": " + r.error());
      } else if (r.datasetRemoved()) {
        out.add(
            "  "
                + r.typeKey()
                + ": whole dataset "
                + r.datasetPath()
                + " (no kept version pins it)");
      } else if (r.oldVersionsRemoved() > 0 || !r.lanceBranchesRemoved().isEmpty()) {
        out.add(
            "  "
                + r.typeKey()
                + ": "
                + r.oldVersionsRemoved()
                + " versions"
                + (r.lanceBranchesRemoved().isEmpty()
                    ? ""
                    : ", orphaned Lance branches " + r.lanceBranchesRemoved()));
      }
    }
    return out;
  }
}
