package io.omnigraph.server.http;

import static io.omnigraph.server.http.Schema.array;
import static io.omnigraph.server.http.Schema.integer;
import static io.omnigraph.server.http.Schema.oneOf;
import static io.omnigraph.server.http.Schema.str;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The 06 §8 error body as a JSON Schema: {@code error}, the closed {@code code} enum, members. */
final class ErrorSchema {
  private ErrorSchema() {}

  static ObjectNode json() {
    return Schema.object()
        .describe("06 §8 error body; every member except error is omitted when empty")
        .req("error", str("what went wrong and how to fix it"))
        .opt(
            "code",
            oneOf(
                "unauthorized",
                "forbidden",
                "bad_request",
                "not_found",
                "method_not_allowed",
                "conflict",
                "too_many_requests",
                "internal"))
        .opt(
            "merge_conflicts",
            array(
                Schema.object()
                    .req("entity_kind", str())
                    .req("type_name", str())
                    .opt("entity_id", str())
                    .req("kind", str())
                    .req("message", str())
                    .json()))
        .opt(
            "published_dataset_version_conflict",
            Schema.object()
                .req("entity_kind", str())
                .req("type_name", str())
                .req("expected_published_dataset_version", integer())
                .req("actual_published_dataset_version", integer())
                .json())
        .opt(
            "read_set_conflict",
            Schema.object()
                .req("member", str())
                .req("expected", str())
                .req("actual", str())
                .open()
                .json())
        .opt(
            "key_conflict",
            Schema.object()
                .req("entity_kind", str())
                .req("type_name", str())
                .opt("entity_id", str())
                .json())
        .opt(
            "resource_limit",
            Schema.object()
                .req("resource", str())
                .req("limit", integer())
                .req("actual", integer())
                .json())
        .opt(
            "blob_range",
            Schema.object()
                .req("start", integer())
                .req("end", integer())
                .req("length", integer())
                .json())
        .opt("external_blob_source", Schema.object().req("uri", str()).req("reason", str()).json())
        .opt("recovery_required", Schema.object().req("operation_id", str()).json())
        .opt(
            "precondition_failure",
            Schema.object().req("expected", str()).opt("actual", str()).json())
        .opt(
            "change_feed_gap",
            Schema.object().opt("cursor", str()).req("first_unreadable_commit_id", str()).json())
        .opt(
            "change_diff_refusal",
            Schema.object()
                .req("reason", oneOf("parentless_commit", "schema_boundary"))
                .req("graph_commit_id", str())
                .opt("type_name", str())
                .json())
        .json();
  }
}
