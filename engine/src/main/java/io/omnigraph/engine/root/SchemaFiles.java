package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accepted schema of every manifest version. The manifest's {@code schema_digest} is the truth:
 * a schema apply writes the new schema under versioned names ({@code __schema/<digest>/_schema.pg},
 * {@code _schema.ir.json}, {@code __schema_state.json}) before it publishes, and only after the
 * publish refreshes the root-level copies ({@code _schema.pg} …, spec 10's schema artifacts), which
 * are a convenience. A digest without a versioned copy is the genesis schema, whose files are the
 * root-level ones (an apply archives them under their digest before replacing them). A crash before
 * the publish therefore leaves the old schema effective, and old manifest versions are read with
 * the schema they were written under.
 */
final class SchemaFiles {
  static final String DIR = "__schema/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GraphStore store;
  private final Map<String, CompiledSchema> compiled = new ConcurrentHashMap<>();

  SchemaFiles(GraphStore store) {
    this.store = store;
  }

  static String key(String digest, String file) {
    return DIR + digest + "/" + file;
  }

  /** The {@code .pg} source accepted under {@code digest}. */
  String source(String digest) {
    String versioned = key(digest, RootLayout.SCHEMA_PG);
    return store.exists(versioned)
        ? store.readText(versioned)
        : store.readText(RootLayout.SCHEMA_PG);
  }

  /** The identity state accepted under {@code digest}. */
  ObjectNode state(String digest) {
    String versioned = key(digest, RootLayout.SCHEMA_STATE);
    String text =
        store.exists(versioned)
            ? store.readText(versioned)
            : store.readText(RootLayout.SCHEMA_STATE);
    try {
      return (ObjectNode) JSON.readTree(text);
    } catch (IOException | ClassCastException e) {
      throw new RootException(RootException.Kind.CORRUPT, "unreadable " + versioned, e);
    }
  }

  /** The compiled schema of {@code digest} (cached: a digest's files never change meaning). */
  CompiledSchema schema(String digest) {
    return compiled.computeIfAbsent(digest, this::compile);
  }

  private CompiledSchema compile(String digest) {
    Result<CompiledSchema> r = SchemaCompiler.compile(RootLayout.SCHEMA_PG, source(digest));
    if (!r.ok()) {
      throw new RootException(
          RootException.Kind.CORRUPT,
          "the schema of "
              + store.uri()
              + " accepted under digest "
              + digest
              + " no longer compiles");
    }
    return r.value();
  }

  /** Writes the versioned copies of {@code schema} with {@code state} (before a publish). */
  void writeVersioned(CompiledSchema schema, ObjectNode state) {
    store.put(key(schema.digest(), RootLayout.SCHEMA_PG), schema.source());
    store.put(key(schema.digest(), RootLayout.SCHEMA_IR), schema.ir().toPrettyString());
    store.put(key(schema.digest(), RootLayout.SCHEMA_STATE), state.toPrettyString());
  }

  /** Archives the root-level files as {@code digest}'s versioned copies unless they exist. */
  void archiveRoot(String digest) {
    for (String f :
        new String[] {RootLayout.SCHEMA_PG, RootLayout.SCHEMA_IR, RootLayout.SCHEMA_STATE}) {
      if (!store.exists(key(digest, f))) {
        store.put(key(digest, f), store.readText(f));
      }
    }
  }

  /** Refreshes the root-level copies from {@code digest}'s versioned files (after a publish). */
  void syncRoot(String digest) {
    if (!store.exists(key(digest, RootLayout.SCHEMA_PG))) {
      return; // genesis: the root files are the versioned ones
    }
    for (String f :
        new String[] {RootLayout.SCHEMA_PG, RootLayout.SCHEMA_IR, RootLayout.SCHEMA_STATE}) {
      String text = store.readText(key(digest, f));
      if (!store.exists(f) || !text.equals(store.readText(f))) {
        store.put(f, text);
      }
    }
  }
}
