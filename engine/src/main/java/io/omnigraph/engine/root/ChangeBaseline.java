package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Catalog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A change-feed baseline (04 §7): the entities of a branch head in the load envelope (as {@code
 * export}, restricted to the filter's kinds and types), then one final record {@code
 * {"baseline":{snapshot_commit_id, resume_cursor}}}: polling from {@code resume_cursor} yields
 * exactly the commits after the snapshot. One manifest version is pinned for the whole run. The op
 * filter does not apply to a snapshot (every entity is current state).
 */
final class ChangeBaseline {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeBaseline() {}

  static ObjectNode run(GraphRoot root, OutputStream out, String branch, ChangeFilter filter) {
    String b = branch == null ? "main" : branch;
    Manifest m = root.manifest();
    String head = m.branch(b).headCommit();
    Catalog catalog = root.snapshot(m, b).catalog();
    List<String> types = new ArrayList<>();
    new TreeSet<>(catalog.nodes().keySet())
        .forEach(
            t -> {
              if (filter.table("node", t)) {
                types.add(t);
              }
            });
    new TreeSet<>(catalog.edges().keySet())
        .forEach(
            t -> {
              if (filter.table("edge", t)) {
                types.add(t);
              }
            });
    long n =
        types.isEmpty()
            ? 0
            : new GraphExport(root.store(), root.lance(), catalog).run(m, b, types, out);
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("snapshot_commit_id", head);
    record.put("resume_cursor", ChangeFeed.cursor(b, head));
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.set("baseline", record);
    try {
      out.write(JSON.writeValueAsBytes(line));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return record.deepCopy().put("entities", n);
  }
}
