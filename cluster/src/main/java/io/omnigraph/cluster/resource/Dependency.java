package io.omnigraph.cluster.resource;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/** {@code from} depends on {@code to} (05 §3). Sorted by (from, to). */
public record Dependency(String from, String to) implements Comparable<Dependency> {
  private static final Comparator<Dependency> ORDER =
      Comparator.comparing(Dependency::from).thenComparing(Dependency::to);

  @Override
  public int compareTo(Dependency o) {
    return ORDER.compare(this, o);
  }

  public ObjectNode toJson() {
    return JsonNodeFactory.instance.objectNode().put("from", from).put("to", to);
  }
}
