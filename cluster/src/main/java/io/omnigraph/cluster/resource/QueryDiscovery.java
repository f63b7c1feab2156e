package io.omnigraph.cluster.resource;

import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig;
import io.omnigraph.cluster.config.ClusterConfig.GraphDecl;
import io.omnigraph.cluster.config.ClusterConfig.QueriesDecl;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.QueryFileCheck;
import io.omnigraph.compiler.query.QueryOutcome;
import io.omnigraph.compiler.query.ast.QueryAst;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.source.SourceText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The three {@code queries:} forms (05 §2.2): directory/file, list, explicit map. Each registered
 * query's digest is the hash of its whole containing file; each is type-checked against the desired
 * schema.
 */
final class QueryDiscovery {
  /** One registered query. */
  record Found(String name, Path file, String digest) {}

  private record ParsedFile(Path file, String digest, SourceText src, List<String> names) {}

  private final ClusterConfig config;
  private final Diagnostics out;

  QueryDiscovery(ClusterConfig config, Diagnostics out) {
    this.config = config;
    this.out = out;
  }

  List<Found> discover(
      GraphDecl g, CompiledSchema schema, String schemaDigest, boolean schemaReadable) {
    if (g.queries() == null) {
      return List.of();
    }
    String base = "graphs." + g.id() + ".queries";
    Map<String, Found> found = new LinkedHashMap<>();
    Map<String, ParsedFile> sources = new LinkedHashMap<>();
    if (g.queries() instanceof QueriesDecl.Explicit explicit) {
      explicit.files().forEach((name, file) -> explicit(base, name, file, found, sources));
    } else if (g.queries() instanceof QueriesDecl.Paths paths) {
      for (String p : paths.paths()) {
        for (Path file : files(base, p)) {
          parse(base, file).ifPresent(pf -> register(base, pf, pf.names(), found, sources));
        }
      }
    }
    typecheck(g, base, schema, schemaDigest, schemaReadable, found, sources);
    return List.copyOf(found.values());
  }

  private void explicit(
      String base,
      String name,
      String file,
      Map<String, Found> found,
      Map<String, ParsedFile> sources) {
    Path path = config.resolve(file);
    Optional<ParsedFile> pf = parse(base + "." + name, path);
    if (pf.isEmpty()) {
      return;
    }
    if (!pf.get().names().contains(name)) {
      out.error(
          "query_key_mismatch",
          base + "." + name,
          file
              + " declares no `query "
              + name
              + "` (it declares: "
              + String.join(", ", pf.get().names())
              + ")");
      return;
    }
    register(base, pf.get(), List.of(name), found, sources);
  }

  private void register(
      String base,
      ParsedFile pf,
      List<String> names,
      Map<String, Found> found,
      Map<String, ParsedFile> sources) {
    for (String n : names) {
      Found prior = found.get(n);
      if (prior != null) {
        if (!prior.file().equals(pf.file())) {
          out.error(
              "duplicate_query_name",
              base + "." + n,
              "query '"
                  + n
                  + "' is declared in both "
                  + prior.file()
                  + " and "
                  + pf.file()
                  + "; rename one");
        }
        continue;
      }
      found.put(n, new Found(n, pf.file(), pf.digest()));
      sources.put(n, pf);
    }
  }

  private List<Path> files(String base, String p) {
    Path path = config.resolve(p);
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> s = Files.list(path)) {
      List<Path> gq =
          s.filter(f -> f.getFileName().toString().endsWith(".gq") && Files.isRegularFile(f))
              .sorted()
              .toList();
      if (gq.isEmpty()) {
        out.warning("query_dir_empty", base, "query directory " + path + " holds no .gq file");
      }
      return gq;
    } catch (IOException e) {
      out.error(
          "query_dir_unreadable",
          base,
          "cannot list query directory " + path + " (" + e.getClass().getSimpleName() + ")");
      return List.of();
    }
  }

  private Optional<ParsedFile> parse(String path, Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      out.error(
          "query_file_missing",
          path,
          "cannot read query file " + file + " (" + e.getClass().getSimpleName() + ")");
      return Optional.empty();
    }
    SourceText src = new SourceText(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    String digest = Digests.sha256(bytes);
    List<String> names = CompileCache.queryNames(digest, () -> parseNames(path, file, src));
    return names == null ? Optional.empty() : Optional.of(new ParsedFile(file, digest, src, names));
  }

  /** The declared query names, or null after reporting {@code query_parse_error}. */
  private List<String> parseNames(String path, Path file, SourceText src) {
    Result<QueryAst.File> r = QueryCompiler.parse(src);
    if (!r.ok()) {
      out.error(
          "query_parse_error",
          path,
          "query file " + file + " does not parse: " + DesiredBuilder.render(r.errors()));
      return null;
    }
    List<String> names = new ArrayList<>();
    r.value().queries().forEach(q -> names.add(q.name().text()));
    return List.copyOf(names);
  }

  private void typecheck(
      GraphDecl g,
      String base,
      CompiledSchema schema,
      String schemaDigest,
      boolean schemaReadable,
      Map<String, Found> found,
      Map<String, ParsedFile> sources) {
    if (found.isEmpty()) {
      return;
    }
    if (schema == null) {
      if (schemaReadable) {
        out.warning(
            "query_typecheck_skipped",
            base,
            "queries of graph '" + g.id() + "' were not type-checked: its schema is invalid");
      }
      return;
    }
    Map<Path, QueryFileCheck> checks = new LinkedHashMap<>();
    for (Found f : found.values()) {
      ParsedFile pf = sources.get(f.name());
      QueryFileCheck check =
          checks.computeIfAbsent(
              pf.file(),
              k ->
                  CompileCache.check(
                      schemaDigest,
                      pf.digest(),
                      () -> QueryCompiler.check(schema.catalog(), pf.src())));
      Optional<QueryOutcome> o = check.query(f.name());
      if (o.isPresent() && !o.get().ok()) {
        out.error(
            "query_typecheck_error",
            base + "." + f.name(),
            "query '"
                + f.name()
                + "' does not type-check against the schema of graph '"
                + g.id()
                + "': "
                + DesiredBuilder.render(o.get().result().errors()));
      }
    }
  }
}
