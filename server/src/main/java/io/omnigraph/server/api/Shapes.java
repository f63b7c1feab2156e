package io.omnigraph.server.api;

import static io.omnigraph.server.http.Schema.any;
import static io.omnigraph.server.http.Schema.anyObject;
import static io.omnigraph.server.http.Schema.array;
import static io.omnigraph.server.http.Schema.bool;
import static io.omnigraph.server.http.Schema.integer;
import static io.omnigraph.server.http.Schema.nullableStr;
import static io.omnigraph.server.http.Schema.oneOf;
import static io.omnigraph.server.http.Schema.str;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.server.http.Schema;

/** The request and response shapes of 06 §6, shared by the route definitions. */
final class Shapes {
  private Shapes() {}

  static final ObjectNode PARAMS = anyObject("query parameters by name (typed by the query)");

  static ObjectNode query() {
    return Schema.object()
        .req("query", str("GQ source with one query"))
        .opt("name", str("which query of the source to run"))
        .opt("params", PARAMS)
        .opt("branch", str("read target branch (default main)"))
        .opt("snapshot", str("commit id, manifest version or witness; excludes branch"))
        .json();
  }

  static ObjectNode legacyRead() {
    return Schema.object()
        .req("query_source", str())
        .opt("query_name", str())
        .opt("params", PARAMS)
        .opt("branch", str())
        .opt("snapshot", str())
        .json();
  }

  static ObjectNode readEnvelope() {
    return Schema.object()
        .req("query_name", str())
        .req(
            "target",
            Schema.object().opt("branch", nullableStr()).opt("snapshot", nullableStr()).json())
        .req("row_count", integer())
        .opt("columns", array(anyObject("column name and type")))
        .req("rows", array(anyObject("one result row")))
        .opt("graph_commit_id", str("the head commit read; use it for if-graph-commit writes"))
        .json();
  }

  static ObjectNode mutate() {
    return Schema.object()
        .opt("query", str("GQ source with one mutation"))
        .opt("name", str())
        .opt("params", PARAMS)
        .opt("branch", str("default main"))
        .opt("query_source", str("legacy alias of query"))
        .opt("query_name", str("legacy alias of name"))
        .json();
  }

  static ObjectNode mutationEnvelope() {
    return Schema.object()
        .req("branch", str())
        .req("query_name", str())
        .req("affected_nodes", integer())
        .req("affected_edges", integer())
        .req("actor_id", str())
        .req("commit", nullableStr())
        .open()
        .json();
  }

  static ObjectNode invoke() {
    return Schema.object()
        .opt("params", PARAMS)
        .opt("branch", str())
        .opt("snapshot", str("reads only"))
        .opt("expect_mutation", bool())
        .json();
  }

  static ObjectNode invokeResult() {
    ObjectNode o = any("the read envelope or the mutation envelope (untagged)");
    o.putArray("oneOf").add(readEnvelope()).add(mutationEnvelope());
    return o;
  }

  static ObjectNode catalog() {
    ObjectNode param =
        Schema.object()
            .req("name", str())
            .req("kind", str())
            .opt("item_kind", str())
            .opt("vector_dim", integer())
            .req("nullable", bool())
            .json();
    ObjectNode entry =
        Schema.object()
            .req("name", str())
            .req("tool_name", str())
            .opt("description", str())
            .opt("instruction", str())
            .req("mutation", bool())
            .req("params", array(param))
            .json();
    return Schema.object().req("queries", array(entry)).json();
  }

  static ObjectNode commit() {
    return Schema.object()
        .req("graph_commit_id", str())
        .req("graph_branch", str())
        .req("graph_manifest_version", integer())
        .req("parent_commit_id", nullableStr())
        .req("merged_parent_commit_id", nullableStr())
        .req("actor_id", nullableStr())
        .req("created_at", integer())
        .open()
        .json();
  }

  static ObjectNode commits() {
    return Schema.object().req("commits", array(commit())).json();
  }

  static ObjectNode branches() {
    return Schema.object().req("branches", array(str())).json();
  }

  static ObjectNode snapshot() {
    return Schema.object()
        .req("graph_branch", str())
        .req("graph_manifest_version", integer())
        .req("internal_schema_version", integer())
        .req("datasets", array(anyObject("one pinned dataset")))
        .open()
        .json();
  }

  static ObjectNode schemaSource() {
    return Schema.object().req("schema_source", str()).json();
  }

  static ObjectNode schemaApply() {
    return Schema.object().req("schema_source", str()).opt("allow_data_loss", bool()).json();
  }

  static ObjectNode load() {
    return Schema.object()
        .opt("branch", str())
        .opt("from", str("fork the branch from this one when it does not exist"))
        .opt("mode", oneOf("overwrite", "append", "merge"))
        .req("data", str("NDJSON graph batch"))
        .json();
  }

  static ObjectNode loadResult() {
    return Schema.object()
        .opt("uri", str())
        .req("branch", str())
        .req("base_branch", nullableStr())
        .req("branch_created", bool())
        .req("mode", str())
        .req("nodes", anyObject("rows per node type"))
        .req("edges", anyObject("rows per edge type"))
        .req("total_entities", integer())
        .req("actor_id", str())
        .req("commit", nullableStr())
        .open()
        .json();
  }

  static ObjectNode branchCreate() {
    return Schema.object().req("name", str()).opt("from", str("default main")).json();
  }

  static ObjectNode branchCreated() {
    return Schema.object()
        .req("uri", str())
        .req("from", str())
        .req("name", str())
        .req("actor_id", str())
        .json();
  }

  static ObjectNode branchDeleted() {
    return Schema.object().req("uri", str()).req("name", str()).req("actor_id", str()).json();
  }

  static ObjectNode merge() {
    return Schema.object()
        .req("source", str())
        .opt("target", str("default main"))
        .opt("delete_branch", bool())
        .json();
  }

  static ObjectNode mergeResult() {
    return Schema.object()
        .req("source", str())
        .req("target", str())
        .req("outcome", oneOf("already_up_to_date", "fast_forward", "merged"))
        .req("actor_id", str())
        .opt("branch_deleted", bool())
        .opt("branch_delete_error", str())
        .open()
        .json();
  }

  static ObjectNode export() {
    return Schema.object().opt("branch", str()).opt("type_names", array(str())).json();
  }

  static ObjectNode ndjson() {
    return str("NDJSON, one entity per line in the load envelope");
  }

  static ObjectNode healthz() {
    return Schema.object()
        .req("status", oneOf("ok"))
        .req("version", str())
        .req("internal_schema_version", integer())
        .opt("source_version", str())
        .json();
  }

  static ObjectNode graphs() {
    return Schema.object()
        .req("graphs", array(Schema.object().req("graph_id", str()).req("uri", str()).json()))
        .json();
  }

  static ObjectNode openapi() {
    return anyObject("an OpenAPI 3.1 document");
  }
}
