package io.omnigraph.engine.root;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/**
 * A branch merge stopped on conflicts and changed nothing (HTTP 409 with {@code
 * merge_conflicts[]}). Kind {@link RootException.Kind#MERGE_CONFLICTS}.
 */
public final class MergeConflictsException extends RootException {
  private static final long serialVersionUID = 1L;
  private final transient List<MergeConflict> conflicts;

  MergeConflictsException(String source, String target, List<MergeConflict> conflicts) {
    super(
        RootException.Kind.MERGE_CONFLICTS,
        "merge of "
            + source
            + " into "
            + target
            + " has "
            + conflicts.size()
            + " conflict(s), nothing merged: "
            + summary(conflicts)
            + "; resolve them on one branch (make both sides agree) and merge again");
    this.conflicts = List.copyOf(conflicts);
  }

  public List<MergeConflict> conflicts() {
    return conflicts;
  }

  /** The {@code merge_conflicts} array. */
  public ArrayNode toJson() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    conflicts.forEach(c -> a.add(c.toJson()));
    return a;
  }

  private static String summary(List<MergeConflict> conflicts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(3, conflicts.size()); i++) {
      MergeConflict c = conflicts.get(i);
      sb.append(i > 0 ? "; " : "")
          .append(c.kind())
          .append(' ')
          .append(c.typeName())
          .append(c.entityId() == null ? "" : " '" + c.entityId() + "'");
    }
    return conflicts.size() > 3 ? sb + "; …" : sb.toString();
  }
}
