package io.omnigraph.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** An ordered, growable list of {@link ClusterDiagnostic}s collected by one command. */
public final class Diagnostics {
  private final List<ClusterDiagnostic> items = new ArrayList<>();

  public void error(String code, String path, String message) {
    items.add(ClusterDiagnostic.error(code, path, message));
  }

  public void warning(String code, String path, String message) {
    items.add(ClusterDiagnostic.warning(code, path, message));
  }

  public void add(ClusterDiagnostic d) {
    items.add(d);
  }

  public void addAll(Diagnostics other) {
    items.addAll(other.items);
  }

  public boolean hasErrors() {
    return items.stream().anyMatch(ClusterDiagnostic::isError);
  }

  public boolean has(String code) {
    return items.stream().anyMatch(d -> d.code().equals(code));
  }

  public List<ClusterDiagnostic> all() {
    return List.copyOf(items);
  }

  public ArrayNode toJson() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    items.forEach(d -> a.add(d.toJson()));
    return a;
  }
}
