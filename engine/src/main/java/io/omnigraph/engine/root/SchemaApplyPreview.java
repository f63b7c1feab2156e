package io.omnigraph.engine.root;

import io.omnigraph.compiler.migrate.SchemaMigrationPlan;
import java.util.List;

/**
 * What {@link GraphRoot#applySchema} would do, computed without side effects ({@link
 * GraphRoot#previewSchemaApply}).
 *
 * @param uri the graph root
 * @param acceptedDigest the schema digest of the newest manifest
 * @param desiredDigest the digest of the desired schema
 * @param plan the migration plan (drops hard when data loss was allowed)
 * @param blockingBranches public graph branches other than {@code main}, sorted; an apply refuses
 *     while any exists
 */
public record SchemaApplyPreview(
    String uri,
    String acceptedDigest,
    String desiredDigest,
    SchemaMigrationPlan plan,
    List<String> blockingBranches) {

  public SchemaApplyPreview {
    blockingBranches = List.copyOf(blockingBranches);
  }

  /** Whether every step of the plan can be applied. */
  public boolean supported() {
    return plan.supported();
  }

  /** Nothing to do: the digests are equal or the plan has no steps. */
  public boolean noop() {
    return acceptedDigest.equals(desiredDigest) || plan.stepCount() == 0;
  }
}
