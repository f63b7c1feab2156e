package io.omnigraph.engine.root;

/**
 * The outcome of {@link GraphRoot#applySchema}.
 *
 * @param preview the plan that was applied (or found to be a no-op)
 * @param applied whether a new schema was published
 * @param graphManifestVersion the manifest version now current (the published one when applied)
 * @param commitId the graph commit the apply appended, {@code null} for a no-op
 */
public record SchemaApplyResult(
    SchemaApplyPreview preview, boolean applied, long graphManifestVersion, String commitId) {}
