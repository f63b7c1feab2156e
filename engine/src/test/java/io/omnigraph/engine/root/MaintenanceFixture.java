package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lance.Dataset;
import org.lance.index.Index;

/** A small graph for the maintenance tests: every kind of declared index, several loads. */
final class MaintenanceFixture {
  static final String SCHEMA =
      """
      node Doc { slug: String @key
        title: String @index
        code: String @unique
        kind: enum(a, b)? @index
        rank: I64? @index
        emb: Vector(2)? @index
        note: String? }
      edge Cites: Doc -> Doc { weight: I64? @index }
      """;

  private MaintenanceFixture() {}

  static CompiledSchema schema() {
    var r = SchemaCompiler.compile("s.pg", SCHEMA);
    if (!r.ok()) {
      throw new IllegalStateException(r.diagnostics().toString());
    }
    return r.value();
  }

  static InputStream jsonl(List<String> lines) {
    return new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  static String doc(String slug, long rank) {
    return "{\"type\":\"Doc\",\"data\":{\"slug\":\""
        + slug
        + "\",\"title\":\"the "
        + slug
        + " mountain report\",\"code\":\"c-"
        + slug
        + "\",\"kind\":\"a\",\"rank\":"
        + rank
        + ",\"emb\":[0.5,0.25]}}";
  }

  static String cites(String from, String to) {
    return "{\"edge\":\"Cites\",\"from\":\""
        + from
        + "\",\"to\":\""
        + to
        + "\",\"data\":{\"weight\":1}}";
  }

  /** Creates the graph and loads {@code loads} batches of two docs and one edge each. */
  static void create(String uri, Map<String, String> env, int loads) throws IOException {
    GraphRoot.init(uri, schema(), "act-init", env);
    try (GraphRoot root = GraphRoot.open(uri, env)) {
      for (int i = 0; i < loads; i++) {
        load(root, "d" + (2 * i), "d" + (2 * i + 1));
      }
    }
  }

  static void load(GraphRoot root, String a, String b) throws IOException {
    root.load(jsonl(List.of(doc(a, 1), doc(b, 2), cites(a, b))), LoadMode.MERGE, "main", "act");
  }

  /** The names of the indexes on a table at its pinned version. */
  static List<String> indexes(GraphRoot root, String key) {
    TablePin pin = root.manifest().branch("main").tables().get(key);
    try (Dataset ds = root.lance().open(root.store().tableUri(pin), pin.version())) {
      List<String> out = new ArrayList<>();
      for (Index i : ds.getIndexes()) {
        out.add(i.name());
      }
      out.sort(null);
      return out;
    }
  }

  static List<String> indexesAt(GraphRoot root, String key) {
    return indexes(root, key);
  }

  static int fragments(GraphRoot root, String key) {
    TablePin pin = root.manifest().branch("main").tables().get(key);
    try (Dataset ds = root.lance().open(root.store().tableUri(pin), pin.version())) {
      return ds.getFragments().size();
    }
  }

  static List<Long> lanceVersions(GraphRoot root, TablePin pin) {
    try (Dataset ds = root.lance().open(root.store().tableUri(pin), null)) {
      return ds.listVersions().stream().map(org.lance.Version::getId).sorted().toList();
    }
  }
}
