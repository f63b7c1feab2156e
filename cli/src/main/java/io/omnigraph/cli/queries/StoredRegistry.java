package io.omnigraph.cli.queries;

import io.omnigraph.cluster.state.AppliedCluster.AppliedGraph;
import io.omnigraph.cluster.state.AppliedCluster.AppliedPayload;
import io.omnigraph.cluster.state.Catalog;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ast.QueryAst;
import io.omnigraph.compiler.query.ast.QueryAst.QueryDecl;
import io.omnigraph.compiler.source.SourceText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The applied stored-query registry of one graph: each registered name with its catalog payload
 * (the bytes of the whole {@code .gq} file that declares it, 05 §3). Files are keyed by digest, so
 * a file registering several queries is read and parsed once.
 */
final class StoredRegistry {
  /** One distinct payload file: its source (named by its catalog key) and registered names. */
  record PayloadFile(String digest, String key, SourceText source, List<String> names) {}

  /** One registered query; {@code decl} is null when the payload is unavailable or unparsable. */
  record Entry(String name, AppliedPayload payload, QueryDecl decl) {}

  private final AppliedGraph graph;
  private final Map<String, PayloadFile> files = new LinkedHashMap<>();
  private final Map<String, Result<QueryAst.File>> parsed = new HashMap<>();

  StoredRegistry(AppliedGraph graph) {
    this.graph = graph;
    graph
        .queries()
        .forEach(
            (name, p) -> {
              if (p.bytes() != null && p.check() == Catalog.Check.OK) {
                files
                    .computeIfAbsent(
                        p.digest(),
                        d ->
                            new PayloadFile(
                                d,
                                p.key(),
                                new SourceText(
                                    p.key(), new String(p.bytes(), StandardCharsets.UTF_8)),
                                new ArrayList<>()))
                    .names()
                    .add(name);
              }
            });
  }

  AppliedGraph graph() {
    return graph;
  }

  /** The readable payload files, in the order of their first registered name. */
  List<PayloadFile> files() {
    return List.copyOf(files.values());
  }

  /** Every registered query, sorted by name. */
  List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    graph.queries().forEach((name, p) -> out.add(new Entry(name, p, decl(name, p))));
    return out;
  }

  private QueryDecl decl(String name, AppliedPayload p) {
    PayloadFile f = p.ok() ? files.get(p.digest()) : null;
    if (f == null) {
      return null;
    }
    Result<QueryAst.File> r =
        parsed.computeIfAbsent(f.digest(), d -> QueryCompiler.parse(f.source()));
    if (!r.ok()) {
      return null;
    }
    return r.value().queries().stream()
        .filter(q -> q.name().text().equals(name))
        .findFirst()
        .orElse(null);
  }
}
