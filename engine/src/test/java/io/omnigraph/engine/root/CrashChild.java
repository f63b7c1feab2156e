package io.omnigraph.engine.root;

import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.load.LoadMode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The child process of {@link FailpointCrashTest}: {@code init <uri>}, {@code load <uri>} (the
 * {@link #BATCH}) or {@code apply <uri>} ({@link #SCHEMA_V2}), run with {@code
 * -DOMNIGRAPH_FAILPOINTS=<name>} so it halts at that failpoint.
 */
final class CrashChild {
  static final String SCHEMA =
      "node Person { slug: String @key\n age: I64? }\nedge Knows: Person -> Person\n";

  /** Two people and one edge: the template graph's content before any crash. */
  static final String BASELINE =
      """
      {"type":"Person","data":{"slug":"ada"}}
      {"type":"Person","data":{"slug":"bob"}}
      {"edge":"Knows","from":"ada","to":"bob"}
      """;

  /** The load the child runs: touches two tables (Person, then Knows). */
  static final String BATCH =
      """
      {"type":"Person","data":{"slug":"cy"}}
      {"type":"Person","data":{"slug":"dee"}}
      {"edge":"Knows","from":"cy","to":"dee"}
      """;

  /**
   * The schema the child's {@code apply} migrates to: a new type, an added and a dropped column.
   */
  static final String SCHEMA_V2 =
      "node Person { slug: String @key\n city: String? }\nedge Knows: Person -> Person\n"
          + "node Team { slug: String @key }\n";

  private CrashChild() {}

  static CompiledSchema schema() {
    return SchemaCompiler.compile("s.pg", SCHEMA).value();
  }

  static InputStream jsonl(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  public static void main(String[] args) throws Exception {
    String uri = args[1];
    switch (args[0]) {
      case "init" -> GraphRoot.init(uri, schema(), "crash", Map.of());
      case "load" -> {
        try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
          root.load(jsonl(BATCH), LoadMode.APPEND, "main", "crash");
        }
      }
      case "apply" -> {
        try (GraphRoot root = GraphRoot.open(uri, Map.of())) {
          root.applySchema(SchemaCompiler.compile("v2.pg", SCHEMA_V2).value(), false, "crash");
        }
      }
      default -> throw new IllegalArgumentException(args[0]);
    }
    System.exit(0);
  }
}
