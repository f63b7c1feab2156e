package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one branch sees at one manifest version (04 §5, {@code omnigraph snapshot}): the pinned
 * dataset version of every table and its live row count.
 */
public record SnapshotInfo(
    String graphBranch,
    long graphManifestVersion,
    int internalSchemaVersion,
    String headCommit,
    List<Dataset> datasets) {

  /** One table: {@code entityKind} is {@code node} or {@code edge}. */
  public record Dataset(
      String entityKind,
      String typeName,
      String datasetPath,
      long publishedDatasetVersion,
      String nativeDatasetBranch,
      long entityCount) {}

  /** The {@code snapshot --json} shape. */
  public ObjectNode toJson() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("graph_branch", graphBranch);
    o.put("graph_manifest_version", graphManifestVersion);
    o.put("internal_schema_version", internalSchemaVersion);
    ArrayNode ds = o.putArray("datasets");
    for (Dataset d : datasets) {
      ds.addObject()
          .put("entity_kind", d.entityKind())
          .put("type_name", d.typeName())
          .put("dataset_path", d.datasetPath())
          .put("published_dataset_version", d.publishedDatasetVersion())
          .put("native_dataset_branch", d.nativeDatasetBranch())
          .put("entity_count", d.entityCount());
    }
    return o;
  }
}
