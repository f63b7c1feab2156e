package io.omnigraph.engine.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.graph.GraphSnapshot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: compile schemas and queries, build property maps, run reads. */
final class Exec {
  static final ObjectMapper JSON = new ObjectMapper();

  private Exec() {}

  static Catalog catalog(String schema) {
    var r = SchemaCompiler.compile("test.pg", schema);
    if (!r.ok()) {
      throw new AssertionError(r.diagnostics().toString());
    }
    return r.value().catalog();
  }

  static CompiledQuery query(Catalog catalog, String source) {
    var r = QueryCompiler.compileOne(catalog, new SourceText("q.gq", source), null);
    if (!r.ok()) {
      throw new AssertionError(
          r.diagnostics().stream().map(QueryCompiler::describe).toList().toString());
    }
    return r.value();
  }

  static JsonNode params(String json) {
    try {
      return json == null ? null : JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static QueryResult run(GraphSnapshot g, String source, String paramsJson, ExecOptions opts) {
    return QueryExecutor.execute(g, query(g.catalog(), source), params(paramsJson), opts);
  }

  static QueryResult run(GraphSnapshot g, String source, String paramsJson) {
    return run(g, source, paramsJson, ExecOptions.defaults());
  }

  static QueryResult run(GraphSnapshot g, String source) {
    return run(g, source, null);
  }

  /** The rows of a one-column result. */
  static List<Object> col(QueryResult r) {
    return r.values().stream().map(row -> row.get(0)).toList();
  }

  /** A row as a list (nulls allowed). */
  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static List<List<Object>> rows(List<?>... rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<?> r : rows) {
      out.add(new ArrayList<>(r));
    }
    return out;
  }

  /** A property map from alternating names and values (values may be null). */
  static Map<String, Object> props(Object... kv) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Integer date(String iso) {
    return Math.toIntExact(LocalDate.parse(iso).toEpochDay());
  }
}
