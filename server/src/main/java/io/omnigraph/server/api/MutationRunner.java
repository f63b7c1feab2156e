package io.omnigraph.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.server.http.Call;

/**
 * Runs a type-checked mutation on a branch and returns the 06 §6 mutation envelope {@code {branch,
 * query_name, affected_nodes, affected_edges, actor_id, commit}}. Policy and admission have been
 * checked by the caller.
 */
@FunctionalInterface
public interface MutationRunner {
  ObjectNode run(Call call, CompiledQuery query, ObjectNode params, String branch) throws Exception;
}
