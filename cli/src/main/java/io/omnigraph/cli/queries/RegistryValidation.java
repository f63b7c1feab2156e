package io.omnigraph.cli.queries;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.queries.StoredRegistry.PayloadFile;
import io.omnigraph.cluster.resource.Digests;
import io.omnigraph.cluster.state.AppliedCluster;
import io.omnigraph.cluster.state.AppliedCluster.AppliedGraph;
import io.omnigraph.cluster.state.AppliedCluster.AppliedPayload;
import io.omnigraph.cluster.state.Catalog.Check;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.DiagnosticJson;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.diag.Severity;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.QueryFileCheck;
import io.omnigraph.compiler.query.QueryOutcome;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code queries validate}: the applied registry of one graph checked the way the server checks it
 * at boot (06 §2): every catalog payload must be present and match its digest, the graph's accepted
 * schema (read from its root) must compile, and every stored {@code .gq} file must type-check
 * against it (the compiler's {@link QueryCompiler#check}, the same check {@code cluster validate}
 * runs on the desired files). A whole file is checked because the server compiles whole files.
 */
final class RegistryValidation {
  /** One finding; {@code query} is null for file- or graph-level problems. */
  record Finding(String query, Diagnostic diagnostic) {
    /** The diagnostic's one-line form, naming the query it belongs to. */
    String render() {
      return diagnostic.render() + (query == null ? "" : "  (query " + query + ")");
    }

    ObjectNode toJson() {
      ObjectNode o = DiagnosticJson.of(diagnostic);
      if (query != null) {
        o.put("query", query);
      }
      return o;
    }
  }

  private final AppliedCluster cluster;
  private final StoredRegistry registry;
  private final List<Finding> findings = new ArrayList<>();
  private String liveSchemaDigest;

  RegistryValidation(AppliedCluster cluster, AppliedGraph graph) {
    this.cluster = cluster;
    this.registry = new StoredRegistry(graph);
  }

  RegistryValidation run() {
    AppliedGraph g = registry.graph();
    g.queries().values().forEach(this::payload);
    CompiledSchema schema = schema(g);
    if (schema != null) {
      registry.files().forEach(f -> check(schema, f));
    }
    return this;
  }

  List<Finding> findings() {
    return findings;
  }

  boolean ok() {
    return findings.stream().noneMatch(f -> f.diagnostic().isError());
  }

  /** SHA-256 of the accepted schema text read from the graph root (null when unreadable). */
  String liveSchemaDigest() {
    return liveSchemaDigest;
  }

  int queryCount() {
    return registry.graph().queries().size();
  }

  private void payload(AppliedPayload p) {
    String problem =
        switch (p.check()) {
          case OK -> null;
          case MISSING -> "catalog_payload_missing";
          case MISMATCH -> "catalog_payload_mismatch";
          case READ_ERROR -> "catalog_payload_read_error";
        };
    if (problem != null) {
      graphError(
          p.name(),
          problem,
          p.key(),
          "the catalog payload of stored query '"
              + p.name()
              + "' (digest "
              + p.digest()
              + ") is "
              + state(p.check())
              + "; the server cannot boot this graph. Run `omnigraph cluster refresh`, then"
              + " `omnigraph cluster apply` to republish it");
    }
  }

  private static String state(Check c) {
    return switch (c) {
      case MISSING -> "missing";
      case MISMATCH -> "not the applied content (its bytes hash differently)";
      default -> "unreadable";
    };
  }

  private CompiledSchema schema(AppliedGraph g) {
    String text;
    try {
      text = cluster.schemaSource(g.id());
    } catch (RuntimeException e) {
      graphError(
          null,
          "graph_observation_error",
          g.rootUri(),
          "cannot read the accepted schema of graph '"
              + g.id()
              + "' at "
              + g.rootUri()
              + " ("
              + e.getMessage()
              + "); run `omnigraph cluster status` / `cluster refresh` to see the graph's state");
      return null;
    }
    liveSchemaDigest = Digests.sha256(text.getBytes(StandardCharsets.UTF_8));
    if (g.schemaDigest() != null && !g.schemaDigest().equals(liveSchemaDigest)) {
      findings.add(
          new Finding(
              null,
              Diagnostic.warning(
                  "schema_mismatch",
                  null,
                  "the accepted schema of graph '"
                      + g.id()
                      + "' (sha256 "
                      + liveSchemaDigest
                      + ") is not the applied one ("
                      + g.schemaDigest()
                      + "): it changed outside `omnigraph cluster apply`; stored queries are"
                      + " checked against the schema the graph holds. Run `omnigraph cluster"
                      + " refresh`, then `cluster plan`")));
    }
    Result<CompiledSchema> r = SchemaCompiler.compile(g.rootUri() + "/_schema.pg", text);
    r.diagnostics().stream()
        .filter(Diagnostic::isError)
        .forEach(d -> findings.add(new Finding(null, d)));
    return r.ok() ? r.value() : null;
  }

  private void check(CompiledSchema schema, PayloadFile f) {
    QueryFileCheck c = QueryCompiler.check(schema.catalog(), f.source());
    List<Finding> found = new ArrayList<>();
    c.fileDiagnostics().forEach(d -> found.add(new Finding(null, d)));
    for (QueryOutcome q : c.queries()) {
      // a registered query's findings name its own catalog key (same bytes as the file's)
      AppliedPayload own = registry.graph().queries().get(q.name());
      String file = own != null && own.digest().equals(f.digest()) ? own.key() : f.key();
      q.result().diagnostics().forEach(d -> found.add(new Finding(q.name(), inFile(d, file))));
    }
    found.sort(Comparator.comparingInt(x -> x.diagnostic().start()));
    findings.addAll(found);
  }

  private static Diagnostic inFile(Diagnostic d, String file) {
    return new Diagnostic(
        d.code(), d.severity(), file, d.line(), d.column(), d.start(), d.end(), d.message());
  }

  private void graphError(String query, String code, String file, String message) {
    findings.add(
        new Finding(query, new Diagnostic(code, Severity.ERROR, file, 0, 0, -1, -1, message)));
  }
}
