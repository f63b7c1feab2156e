package io.omnigraph.cli.queries;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.queries.StoredRegistry.Entry;
import io.omnigraph.compiler.query.ast.QueryAst.Param;
import io.omnigraph.compiler.query.ast.QueryAst.QueryDecl;
import io.omnigraph.compiler.query.ast.QueryAst.TypeRef;
import io.omnigraph.compiler.query.descriptor.ValueKinds;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.ScalarType;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two renderings of {@code queries list} (08 §3): a human line per query ({@code kind name
 * (typed params) [mcp: tool]} plus indented {@code description:}/{@code instruction:} lines) and
 * the JSON entry {@code {name, mcp_expose, tool_name, mutation, params, description?,
 * instruction?}} whose {@code params} have the {@code GET /queries} shape ({@code {name, kind,
 * item_kind?, vector_dim?, nullable}}, 06 §6). In cluster mode every applied query is exposed (06
 * §6), so {@code mcp_expose} is always true and the tool name is the query name.
 */
final class QueryListing {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private QueryListing() {}

  static void human(PrintWriter out, List<Entry> entries) {
    for (Entry e : entries) {
      QueryDecl q = e.decl();
      out.println(
          (q.isMutation() ? "mutation " : "read     ")
              + q.name().text()
              + "("
              + q.params().stream().map(QueryListing::typed).collect(Collectors.joining(", "))
              + ")  [mcp: "
              + q.name().text()
              + "]");
      if (q.description() != null) {
        out.println("    description: " + q.description());
      }
      if (q.instruction() != null) {
        out.println("    instruction: " + q.instruction());
      }
    }
    out.flush();
  }

  static ObjectNode json(QueryDecl q) {
    ObjectNode o = JSON.objectNode();
    o.put("name", q.name().text());
    o.put("mcp_expose", true);
    o.put("tool_name", q.name().text());
    o.put("mutation", q.isMutation());
    ArrayNode params = o.putArray("params");
    for (Param p : q.params()) {
      ObjectNode po = params.addObject();
      po.put("name", p.name().text());
      ValueKinds.describe(po, propType(p.type()));
    }
    if (q.description() != null) {
      o.put("description", q.description());
    }
    if (q.instruction() != null) {
      o.put("instruction", q.instruction());
    }
    return o;
  }

  /** {@code $name: T}, with {@code [T]}, {@code Vector(n)} and a trailing {@code ?} as declared. */
  private static String typed(Param p) {
    TypeRef t = p.type();
    String base =
        t.vectorDim() > 0
            ? "Vector(" + t.vectorDim() + ")"
            : t.list() ? "[" + t.base() + "]" : t.base();
    return "$" + p.name().text() + ": " + base + (t.optional() ? "?" : "");
  }

  /** The parameter's value type, as the checker declares it (the parser accepted the spelling). */
  private static PropType propType(TypeRef t) {
    if (t.vectorDim() > 0) {
      return PropType.vector(t.vectorDim(), t.optional());
    }
    ScalarType s = ScalarType.fromSpelling(t.base()).orElseThrow();
    return t.list() ? PropType.listOf(s, t.optional()) : PropType.scalar(s, t.optional());
  }
}
