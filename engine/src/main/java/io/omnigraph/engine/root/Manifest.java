package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One version of the graph manifest log ({@code __manifest/v/<20 digits>.json}): a whole state
 * document. Shape:
 *
 * <pre>{@code
 * {"format": "omnigraph.manifest", "internal_schema_version": 6, "graph_manifest_version": N,
 *  "schema_digest": "…",
 *  "branches": {"main": {"head_commit": "<ULID>",
 *                        "tables": {"node:Person": {"path": "nodes/…", "lance_branch": null,
 *                                                   "version": 3}, …}}},
 *  "commit": {graph_commit_id, graph_branch, graph_manifest_version, parent_commit_id,
 *             merged_parent_commit_id, actor_id, created_at}}
 * }</pre>
 *
 * Table keys are {@code node:<Type>} and {@code edge:<Type>}.
 */
public record Manifest(
    long version, String schemaDigest, Map<String, BranchState> branches, Commit commit) {
  public static final String FORMAT = "omnigraph.manifest";
  public static final int INTERNAL_SCHEMA_VERSION = 6;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A graph branch: its head commit and the pinned state of every table. */
  public record BranchState(String headCommit, Map<String, TablePin> tables, String parent) {
    public BranchState(String headCommit, Map<String, TablePin> tables) {
      this(headCommit, tables, null);
    }

    /** The same branch with a new head and pins (keeps the parent). */
    public BranchState advance(String head, Map<String, TablePin> newTables) {
      return new BranchState(head, newTables, parent);
    }
  }

  public static String nodeKey(String type) {
    return "node:" + type;
  }

  public static String edgeKey(String type) {
    return "edge:" + type;
  }

  public BranchState branch(String name) {
    BranchState b = branches.get(name);
    if (b == null) {
      throw new RootException(RootException.Kind.BRANCH_NOT_FOUND, "branch not found: " + name);
    }
    return b;
  }

  public byte[] toBytes() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("format", FORMAT);
    o.put("internal_schema_version", INTERNAL_SCHEMA_VERSION);
    o.put("graph_manifest_version", version);
    o.put("schema_digest", schemaDigest);
    ObjectNode bs = o.putObject("branches");
    new TreeMap<>(branches)
        .forEach(
            (name, b) -> {
              ObjectNode bo = bs.putObject(name);
              bo.put("head_commit", b.headCommit());
              if (b.parent() != null) {
                bo.put("parent_branch", b.parent());
              }
              ObjectNode ts = bo.putObject("tables");
              new TreeMap<>(b.tables())
                  .forEach(
                      (k, t) ->
                          ts.putObject(k)
                              .put("path", t.path())
                              .put("lance_branch", t.lanceBranch())
                              .put("version", t.version()));
            });
    if (commit == null) {
      o.putNull("commit"); // a branch create/delete publishes no commit
    } else {
      o.set("commit", commit.toJson());
    }
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Manifest parse(byte[] bytes) {
    JsonNode o;
    try {
      o = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new RootException(RootException.Kind.CORRUPT, "unreadable manifest: " + e.getMessage());
    }
    if (!FORMAT.equals(o.path("format").asText())
        || o.path("internal_schema_version").asInt() != INTERNAL_SCHEMA_VERSION) {
      throw new RootException(
          RootException.Kind.CORRUPT,
          "unsupported manifest format (expected "
              + FORMAT
              + " with internal_schema_version "
              + INTERNAL_SCHEMA_VERSION
              + ")");
    }
    Map<String, BranchState> branches = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = o.path("branches").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> b = it.next();
      Map<String, TablePin> tables = new TreeMap<>();
      b.getValue()
          .path("tables")
          .fields()
          .forEachRemaining(
              t ->
                  tables.put(
                      t.getKey(),
                      new TablePin(
                          t.getValue().path("path").asText(),
                          Commit.text(t.getValue(), "lance_branch"),
                          t.getValue().path("version").asLong())));
      branches.put(
          b.getKey(),
          new BranchState(
              Commit.text(b.getValue(), "head_commit"),
              tables,
              Commit.text(b.getValue(), "parent_branch")));
    }
    return new Manifest(
        o.path("graph_manifest_version").asLong(),
        o.path("schema_digest").asText(),
        branches,
        o.path("commit").isObject() ? Commit.fromJson(o.path("commit")) : null);
  }
}
