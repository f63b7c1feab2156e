package io.omnigraph.engine.root;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.CompiledQueryFile;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.query.ir.IrExpr;
import io.omnigraph.compiler.query.ir.MutationOp;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.compiler.testing.Fixtures;
import io.omnigraph.engine.exec.ExecOptions;
import io.omnigraph.engine.exec.QueryExecutor;
import io.omnigraph.engine.exec.QueryResult;
import io.omnigraph.engine.load.LoadMode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance: every stored mutation of every cookbook's {@code queries/mutations.gq} runs on the
 * seeded graph with generated parameters (keys unique per query, enum parameters set to a declared
 * value, edge endpoints naming existing nodes), publishes one commit, and its effect is visible to
 * a read query: the inserted node by its key, the inserted edge by a traversal between its ends.
 */
class CookbookMutationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static Stream<Path> cookbooks() {
    return Fixtures.files("mutations.gq").stream().map(p -> p.getParent().getParent());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cookbooks")
  void everyStoredMutationRunsAndIsVisible(Path cookbook) throws Exception {
    CompiledSchema schema =
        SchemaCompiler.compile("schema.pg", Files.readString(cookbook.resolve("schema.pg")))
            .value();
    Catalog catalog = schema.catalog();
    Result<CompiledQueryFile> file =
        QueryCompiler.compile(
            catalog,
            new SourceText(
                "mutations.gq", Files.readString(cookbook.resolve("queries/mutations.gq"))));
    assertThat(file.ok()).as(file.diagnostics().toString()).isTrue();
    List<CompiledQuery> queries = new ArrayList<>(file.value().queries());
    assertThat(queries).isNotEmpty().allMatch(CompiledQuery::isMutation);
    // node inserts first, so edge inserts can link the nodes they created
    queries.sort((a, b) -> Boolean.compare(hasEdgeInsert(a), hasEdgeInsert(b)));
    String uri = dir.resolve("g").toString();
    GraphRoot.init(uri, schema, null, Map.of());
    Map<String, String> created = new HashMap<>();
    try (GraphRoot root = GraphRoot.open(uri, Map.of());
        InputStream seed = Files.newInputStream(cookbook.resolve("seed.jsonl"))) {
      root.load(seed, LoadMode.MERGE, "main", null);
      for (CompiledQuery q : queries) {
        ObjectNode params = params(root, q, created);
        long v = root.manifest().version();
        MutationResult r = root.mutate(q, params, "main", "acceptance", null);
        assertThat(r.commit()).as(q.name()).isNotNull();
        assertThat(root.manifest().version()).isEqualTo(v + 1);
        assertThat(r.affectedNodes() + r.affectedEdges()).isEqualTo(q.mutations().size());
        for (MutationOp op : q.mutations()) {
          assertVisible(root, catalog, op, params, q.name());
        }
      }
    }
  }

  private static boolean hasEdgeInsert(CompiledQuery q) {
    return q.mutations().stream().anyMatch(op -> op instanceof MutationOp.InsertEdge);
  }

  private static ObjectNode params(GraphRoot root, CompiledQuery q, Map<String, String> created) {
    ObjectNode p = JSON.createObjectNode();
    Catalog catalog = root.catalog();
    for (MutationOp op : q.mutations()) {
      switch (op) {
        case MutationOp.InsertNode n -> {
          NodeType t = catalog.node(n.typeName()).orElseThrow();
          for (MutationOp.Assignment a : n.values()) {
            if (a.value() instanceof IrExpr.Param param) {
              boolean key = t.keyProperties().contains(a.property());
              String v = key ? "acc-" + q.name() : null;
              put(p, param.name(), a.type(), v);
              if (key) {
                created.put(t.name(), v);
              }
            }
          }
        }
        case MutationOp.InsertEdge e -> {
          endpoint(root, p, e.from(), e.fromType(), created);
          endpoint(root, p, e.to(), e.toType(), created);
          for (MutationOp.Assignment a : e.values()) {
            if (a.value() instanceof IrExpr.Param param) {
              put(p, param.name(), a.type(), null);
            }
          }
        }
        default -> throw new AssertionError("unexpected statement in " + q.name());
      }
    }
    return p;
  }

  private static void endpoint(
      GraphRoot root, ObjectNode p, IrExpr e, String type, Map<String, String> created) {
    if (e instanceof IrExpr.Param param) {
      String id = created.get(type);
      if (id == null) {
        var table = root.snapshot("main").nodes(type);
        assertThat(table.size()).as("a " + type + " to link").isPositive();
        id = table.id(0);
      }
      p.put(param.name(), id);
    }
  }

  private static void put(ObjectNode p, String name, PropType t, String keyValue) {
    if (keyValue != null) {
      p.put(name, keyValue);
    } else if (t.isEnum()) {
      p.put(name, t.enumValues().get(0));
    } else {
      switch (t.scalar()) {
        case STRING -> p.put(name, "acceptance " + name);
        case DATETIME -> p.put(name, "2026-01-02T03:04:05Z");
        case DATE -> p.put(name, "2026-01-02");
        case BOOL -> p.put(name, true);
        case F32, F64 -> p.put(name, 1.5);
        default -> p.put(name, 1);
      }
    }
  }

  private static void assertVisible(
      GraphRoot root, Catalog catalog, MutationOp op, ObjectNode params, String name) {
    String text;
    ObjectNode args = JSON.createObjectNode();
    switch (op) {
      case MutationOp.InsertNode n -> {
        String key = catalog.node(n.typeName()).orElseThrow().keyProperties().get(0);
        args.put("k", keyOf(n, key, params));
        text =
            "query chk($k: String) { match { $n: "
                + n.typeName()
                + " { "
                + key
                + ": $k } } return { $n."
                + key
                + " } }";
      }
      case MutationOp.InsertEdge e -> {
        EdgeType et = catalog.edge(e.typeName()).orElseThrow();
        String fk = catalog.node(et.from()).orElseThrow().keyProperties().get(0);
        String tk = catalog.node(et.to()).orElseThrow().keyProperties().get(0);
        args.put("f", params.get(((IrExpr.Param) e.from()).name()).asText());
        args.put("t", params.get(((IrExpr.Param) e.to()).name()).asText());
        String edge = Character.toLowerCase(et.name().charAt(0)) + et.name().substring(1);
        text =
            "query chk($f: String, $t: String) { match { $a: "
                + et.from()
                + " { "
                + fk
                + ": $f } $a "
                + edge
                + " $b $b: "
                + et.to()
                + " { "
                + tk
                + ": $t } } return { $a."
                + fk
                + " } }";
      }
      default -> throw new AssertionError();
    }
    Result<CompiledQuery> chk =
        QueryCompiler.compileOne(catalog, new SourceText("chk.gq", text), "chk");
    assertThat(chk.ok()).as(text + chk.diagnostics()).isTrue();
    QueryResult r =
        QueryExecutor.execute(root.snapshot("main"), chk.value(), args, ExecOptions.defaults());
    assertThat(r.rows()).as(name + ": " + MutationPlannerLabel.of(op)).isNotEmpty();
  }

  private static String keyOf(MutationOp.InsertNode n, String key, ObjectNode params) {
    for (MutationOp.Assignment a : n.values()) {
      if (a.property().equals(key) && a.value() instanceof IrExpr.Param p) {
        return params.get(p.name()).asText();
      }
    }
    throw new AssertionError("key of " + n.typeName() + " is not a parameter");
  }

  /** Statement labels for assertion messages. */
  private static final class MutationPlannerLabel {
    static String of(MutationOp op) {
      return io.omnigraph.engine.exec.mutate.MutationPlanner.label(op);
    }
  }
}
