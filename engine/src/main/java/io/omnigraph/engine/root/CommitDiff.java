package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.EdgeType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.engine.graph.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The entity changes one commit made versus its first parent (04 §7). Only tables whose pins differ
 * between the parent's state and the commit's state are read (both materialised, compared by id
 * with {@link EntityRows}). Frozen order: nodes before edges, then type id (the stable table id and
 * incarnation, {@code <table_id:016x>-<incarnation:016x>}, which renames keep), then entity id,
 * then insert &lt; update &lt; delete (one op per entity and commit). Pages resume after the last
 * change they returned ({@link Position}), so page boundaries never depend on other pages.
 */
final class CommitDiff {
  /** Where a page stopped: the last change it returned. */
  record Position(String kind, String typeId, String entityId) {
    ObjectNode toJson() {
      return JsonNodeFactory.instance
          .objectNode()
          .put("k", kind)
          .put("tid", typeId)
          .put("id", entityId);
    }

    static Position fromJson(ObjectNode o) {
      if (!o.path("k").isTextual() || !o.path("tid").isTextual() || !o.path("id").isTextual()) {
        throw ChangeTokens.rejected("the page token has no position");
      }
      return new Position(o.get("k").asText(), o.get("tid").asText(), o.get("id").asText());
    }
  }

  /** One page: the changes and, when more remain, the position to resume after. */
  record Page(List<ObjectNode> changes, Position next) {}

  private record Table(String kind, String typeId, String name) {}

  private static final Comparator<Table> ORDER =
      Comparator.comparing((Table t) -> t.kind().equals("node") ? 0 : 1)
          .thenComparing(Table::typeId);

  private final GraphRoot root;
  private final CommitIndex index;

  CommitDiff(GraphRoot root, CommitIndex index) {
    this.root = root;
    this.index = index;
  }

  /**
   * A page of {@code c}'s changes after {@code after} ({@code null} = from the start): at most
   * {@code limit} changes and about {@code bytes} bytes of change JSON (never fewer than one).
   */
  Page page(Commit c, ChangeFilter filter, int limit, long bytes, Position after) {
    if (c.parentCommitId() == null) {
      throw refused(
          "parentless_commit", c, "it is the graph's first commit (no parent to compare)");
    }
    Commit p = index.find(c.parentCommitId()).orElseThrow(() -> gap(c, null));
    Manifest cm = root.store().readManifest(c.graphManifestVersion());
    Manifest pm = root.store().readManifest(p.graphManifestVersion());
    if (!cm.schemaDigest().equals(pm.schemaDigest())) {
      throw refused(
          "schema_boundary",
          c,
          "the schema changed between its parent and it (a schema apply); read the state at "
              + c.graphCommitId()
              + " instead (export or a baseline)");
    }
    RootSnapshot now = root.snapshot(cm, c.graphBranch());
    RootSnapshot before = root.snapshot(pm, p.graphBranch());
    List<ObjectNode> out = new ArrayList<>();
    long used = 0;
    Position last = null;
    for (Table t : changedTables(cm.branch(c.graphBranch()), pm.branch(p.graphBranch()))) {
      if (!filter.table(t.kind(), t.name()) || before(t, after)) {
        continue;
      }
      boolean edge = t.kind().equals("edge");
      Catalog catalog = now.catalog();
      EdgeType et = edge ? catalog.edge(t.name()).orElseThrow() : null;
      EntityRows b = edge ? EntityRows.edges(before, et) : EntityRows.nodes(before, t.name());
      EntityRows a = edge ? EntityRows.edges(now, et) : EntityRows.nodes(now, t.name());
      TreeSet<String> ids = new TreeSet<>(b.rows().keySet());
      ids.addAll(a.rows().keySet());
      boolean resume =
          after != null && after.kind().equals(t.kind()) && after.typeId().equals(t.typeId());
      Map<String, Property> props =
          edge ? et.properties() : catalog.node(t.name()).orElseThrow().properties();
      for (String id : resume ? ids.tailSet(after.entityId(), false) : ids) {
        EntityRows.Row rb = b.rows().get(id);
        EntityRows.Row ra = a.rows().get(id);
        if (EntityRows.same(rb, ra)) {
          continue;
        }
        String op = rb == null ? "insert" : ra == null ? "delete" : "update";
        if (!filter.op(op)) {
          continue;
        }
        ObjectNode change = change(t, id, op, rb, ra, props, edge);
        long size = change.toString().getBytes(StandardCharsets.UTF_8).length;
        if (out.size() >= limit || (!out.isEmpty() && used + size > bytes)) {
          return new Page(out, last);
        }
        out.add(change);
        used += size;
        last = new Position(t.kind(), t.typeId(), id);
      }
    }
    return new Page(out, null);
  }

  /** Tables whose pins differ, in the frozen order. */
  private static List<Table> changedTables(Manifest.BranchState now, Manifest.BranchState was) {
    List<Table> out = new ArrayList<>();
    for (Map.Entry<String, TablePin> e : now.tables().entrySet()) {
      if (!Objects.equals(e.getValue(), was.tables().get(e.getKey()))) {
        String key = e.getKey();
        int colon = key.indexOf(':');
        out.add(new Table(key.substring(0, colon), typeId(e.getValue()), key.substring(colon + 1)));
      }
    }
    out.sort(ORDER);
    return out;
  }

  /** The stable identity of a table: the last segment of its dataset path. */
  static String typeId(TablePin pin) {
    String p = pin.path();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static boolean before(Table t, Position after) {
    if (after == null) {
      return false;
    }
    return ORDER.compare(t, new Table(after.kind(), after.typeId(), "")) < 0;
  }

  private static ObjectNode change(
      Table t,
      String id,
      String op,
      EntityRows.Row before,
      EntityRows.Row after,
      Map<String, Property> props,
      boolean edge) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode o = f.objectNode();
    o.put("kind", t.kind());
    o.putObject("type").put("id", t.typeId()).put("name", t.name());
    o.put("id", id);
    o.put("op", op);
    if (before != null) {
      o.set("before", image(id, before, props, edge));
    }
    if (after != null) {
      o.set("after", image(id, after, props, edge));
    }
    return o;
  }

  /** The load envelope's body of one entity: {@code {from?, to?, data:{id, props…}}}. */
  private static ObjectNode image(
      String id, EntityRows.Row row, Map<String, Property> props, boolean edge) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (edge) {
      o.put("from", row.from());
      o.put("to", row.to());
    }
    ObjectNode data = o.putObject("data");
    data.put("id", id);
    for (Map.Entry<String, Property> p : props.entrySet()) {
      Object v = row.values().get(p.getKey());
      if (v != null) {
        data.set(p.getKey(), Values.toJson(v, p.getValue().type()));
      }
    }
    return o;
  }

  static RootException refused(String reason, Commit c, String why) {
    return new RootException(
        RootException.Kind.CHANGE_DIFF_REFUSED,
        reason + ": cannot diff commit " + c.graphCommitId() + ": " + why,
        Map.of("reason", reason, "graph_commit_id", c.graphCommitId()));
  }

  static RootException gap(Commit firstUnreadable, String cursor) {
    Map<String, String> d = new java.util.HashMap<>();
    d.put("first_unreadable_commit_id", firstUnreadable.graphCommitId());
    if (cursor != null) {
      d.put("cursor", cursor);
    }
    return new RootException(
        RootException.Kind.CHANGE_FEED_GAP,
        "change_feed_gap: the changes of commit "
            + firstUnreadable.graphCommitId()
            + " can no longer be read (cleanup removed the versions before it); take a new"
            + " baseline (omnigraph changes baseline or export) and poll from --start now",
        Map.copyOf(d));
  }

  static Optional<Position> position(ObjectNode token) {
    return token.path("pos").isObject()
        ? Optional.of(Position.fromJson((ObjectNode) token.get("pos")))
        : Optional.empty();
  }
}
