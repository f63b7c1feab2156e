/**
 * Authorization policy bundles (spec 07): strict YAML parsing ({@link PolicyBundles}), semantic
 * validation, default-deny evaluation ({@link PolicyEngine}), policy test files ({@link
 * PolicyTests}) and the equivalent Cedar text ({@link CedarRenderer}).
 */
package io.omnigraph.policy;
