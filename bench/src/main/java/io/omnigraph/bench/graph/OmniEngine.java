package io.omnigraph.bench.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.exec.ExecOptions;
import io.omnigraph.engine.exec.QueryExecutor;
import io.omnigraph.engine.exec.QueryResult;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.RootSnapshot;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OmniGraph: {@code GraphRoot.init} + one load as one commit; reads on one pinned snapshot. */
final class OmniEngine implements GraphEngine {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path repoRoot;
  private GraphRoot root;
  private RootSnapshot snapshot;
  private final Map<String, CompiledQuery> compiled = new HashMap<>();

  OmniEngine(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  @Override
  public String name() {
    return "omnigraph";
  }

  @Override
  public long load(Workload w, Workload.Files3 files, Path dir) throws Exception {
    Path graph = dir.resolve("graph");
    CompiledSchema schema = SchemaCompiler.compile("graph.pg", Workload.SCHEMA).value();
    long t0 = System.nanoTime();
    GraphRoot.init(graph.toString(), schema, "bench", System.getenv());
    root = GraphRoot.open(graph.toString(), System.getenv());
    try (InputStream in = Files.newInputStream(files.jsonl())) {
      root.load(in, LoadMode.APPEND, "main", "bench");
    }
    long t = System.nanoTime() - t0;
    snapshot = root.snapshot("main");
    SourceText src = new SourceText("queries.gq", Queries.GQ);
    for (Queries.Q q : Queries.ALL) {
      compiled.put(q.name(), QueryCompiler.compileOne(root.catalog(), src, q.name()).value());
    }
    return t;
  }

  @Override
  public List<List<String>> run(Queries.Q q, String param) {
    ObjectNode params = JSON.createObjectNode().put(q.param(), param);
    QueryResult r =
        QueryExecutor.execute(snapshot, compiled.get(q.name()), params, ExecOptions.defaults());
    List<List<String>> out = new ArrayList<>(r.rowCount());
    for (Object[] row : r.rows()) {
      List<String> cells = new ArrayList<>(row.length);
      for (Object v : row) {
        cells.add(GraphEngine.cell(v));
      }
      out.add(cells);
    }
    return out;
  }

  @Override
  public List<String> coldCommand(Path dir, String slug) {
    return List.of(
        repoRoot.resolve("bin/omnigraph").toString(),
        "query",
        dir.resolve("graph").toString(),
        "--query",
        dir.resolve("queries.gq").toString(),
        "--name",
        "q1",
        "--params",
        "{\"slug\":\"" + slug + "\"}",
        "--json");
  }

  @Override
  public void close() {
    if (root != null) {
      root.close();
      root = null;
      snapshot = null;
    }
  }
}
