package io.omnigraph.engine.graph;

import io.omnigraph.compiler.schema.Catalog;

/**
 * A consistent, immutable view of a whole graph at one published version: the catalog in force and
 * one table per node and edge type. Queries run against a snapshot for their whole life.
 */
public interface GraphSnapshot {
  Catalog catalog();

  /** The node table of a type declared in the catalog (empty tables for types with no rows). */
  NodeTable nodes(String nodeType);

  /** The edge table of a type declared in the catalog (looked up case-insensitively). */
  EdgeTable edges(String edgeType);

  /** The commit this snapshot shows, or null for an in-memory graph without history. */
  String commitId();
}
