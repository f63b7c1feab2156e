package io.omnigraph.cluster.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.Diagnostics;
import io.omnigraph.cluster.config.ClusterConfig;
import io.omnigraph.cluster.config.ClusterConfig.GraphDecl;
import io.omnigraph.cluster.config.ClusterConfig.PolicyDecl;
import io.omnigraph.cluster.config.ClusterConfig.ProviderDecl;
import io.omnigraph.cluster.resource.DesiredState.GraphParts;
import io.omnigraph.cluster.resource.DesiredState.Payload;
import io.omnigraph.compiler.diag.Diagnostic;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.policy.BindingKind;
import io.omnigraph.policy.PolicyBundle;
import io.omnigraph.policy.PolicyBundles;
import io.omnigraph.policy.PolicyError;
import io.omnigraph.policy.PolicyResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads every file the config references and builds the {@link DesiredState}: schema, query and
 * policy checks (05 §2.1–2.2) and the digests and dependencies of §3.
 */
public final class DesiredBuilder {
  private final ClusterConfig config;
  private final Diagnostics out;
  private final SortedMap<String, Resource> resources = new TreeMap<>();
  private final SortedSet<Dependency> deps = new TreeSet<>();
  private final Map<String, GraphParts> graphs = new TreeMap<>();
  private final Map<String, Payload> payloads = new TreeMap<>();

  private DesiredBuilder(ClusterConfig config, Diagnostics out) {
    this.config = config;
    this.out = out;
  }

  public static DesiredState build(ClusterConfig config, Diagnostics out) {
    return new DesiredBuilder(config, out).run();
  }

  private DesiredState run() {
    config.providers().values().forEach(this::provider);
    config.graphs().values().forEach(this::graph);
    config.policies().values().forEach(this::policy);
    String digest = Digests.config(config.parsed(), digestsOf(resources));
    return new DesiredState(config, resources, deps, digest, graphs, payloads);
  }

  private static SortedMap<String, String> digestsOf(SortedMap<String, Resource> rs) {
    SortedMap<String, String> m = new TreeMap<>();
    rs.forEach((a, r) -> m.put(a, r.digest()));
    return m;
  }

  private void provider(ProviderDecl p) {
    resources.put(
        p.address(),
        new Resource(p.address(), "embedding_provider", Digests.provider(p.profile()), null));
  }

  private void graph(GraphDecl g) {
    Path schemaFile = config.resolve(g.schema());
    String schemaPath = "graphs." + g.id() + ".schema";
    byte[] bytes = readOrReport(schemaFile, "schema_file_missing", schemaPath, "schema");
    String schemaDigest = bytes == null ? "" : Digests.sha256(bytes);
    CompiledSchema schema =
        bytes == null
            ? null
            : CompileCache.schema(
                schemaDigest, () -> compileSchema(g, schemaFile, bytes, schemaPath));
    if (bytes != null) {
      resources.put(
          "schema." + g.id(),
          new Resource("schema." + g.id(), "schema", schemaDigest, schemaFile.toString()));
      deps.add(new Dependency("schema." + g.id(), "graph." + g.id()));
    }
    SortedMap<String, String> queryDigests = new TreeMap<>();
    for (QueryDiscovery.Found q :
        new QueryDiscovery(config, out).discover(g, schema, schemaDigest, bytes != null)) {
      String address = "query." + g.id() + "." + q.name();
      resources.put(address, new Resource(address, "query", q.digest(), q.file().toString()));
      payloads.put(address, new Payload(address, q.file(), q.digest()));
      queryDigests.put(q.name(), q.digest());
      deps.add(new Dependency(address, "graph." + g.id()));
      deps.add(new Dependency(address, "schema." + g.id()));
    }
    String providerAddress =
        g.embeddingProvider() == null ? null : "provider.embedding." + g.embeddingProvider();
    String providerDigest = null;
    if (providerAddress != null) {
      Resource pr = resources.get(providerAddress);
      providerDigest = pr == null ? null : pr.digest();
      deps.add(new Dependency("graph." + g.id(), providerAddress));
    }
    ObjectNode blobPolicy = Digests.blobPolicyJson(g.externalBlobs());
    String composite =
        Digests.graph(
            g.id(), schemaDigest, queryDigests, providerAddress, providerDigest, blobPolicy);
    resources.put("graph." + g.id(), new Resource("graph." + g.id(), "graph", composite, null));
    graphs.put(g.id(), new GraphParts(g.id(), schemaFile, schema, providerAddress, blobPolicy));
  }

  private CompiledSchema compileSchema(GraphDecl g, Path file, byte[] bytes, String path) {
    Result<CompiledSchema> r =
        SchemaCompiler.compile(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    if (r.ok()) {
      return r.value();
    }
    boolean syntax = r.errors().stream().anyMatch(d -> d.code().equals("S000"));
    out.error(
        syntax ? "schema_parse_error" : "schema_catalog_error",
        path,
        "schema of graph '" + g.id() + "' does not compile: " + render(r.errors()));
    return null;
  }

  static String render(java.util.List<Diagnostic> ds) {
    return ds.stream().limit(5).map(Diagnostic::render).collect(Collectors.joining("; "));
  }

  private void policy(PolicyDecl p) {
    Path file = config.resolve(p.file());
    String path = "policies." + p.name() + ".file";
    byte[] bytes = readOrReport(file, "policy_file_missing", path, "policy bundle");
    if (bytes == null) {
      return;
    }
    BindingKind kind = p.clusterScoped() ? BindingKind.SERVER : BindingKind.GRAPH;
    PolicyResult<PolicyBundle> r =
        PolicyBundles.parse(new String(bytes, StandardCharsets.UTF_8), file.toString(), kind);
    if (!r.ok()) {
      out.error(
          "policy_invalid",
          path,
          "policy bundle '"
              + p.name()
              + "' is invalid: "
              + r.errors().stream()
                  .limit(5)
                  .map(PolicyError::render)
                  .collect(Collectors.joining("; ")));
    }
    String address = "policy." + p.name();
    String digest = Digests.sha256(bytes);
    resources.put(address, new Resource(address, "policy", digest, file.toString()));
    payloads.put(address, new Payload(address, file, digest));
    for (String b : p.bindings()) {
      if (b.startsWith("graph.")) {
        deps.add(new Dependency(address, b));
      }
    }
  }

  private byte[] readOrReport(Path file, String code, String path, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      out.error(
          code,
          path,
          "cannot read " + what + " file " + file + " (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }
}
