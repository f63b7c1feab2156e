package io.omnigraph.engine.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.NodeType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.engine.graph.Values;
import io.omnigraph.engine.load.KeyIds;
import io.omnigraph.engine.load.KeyOrder;
import io.omnigraph.engine.load.LoadException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Spells upserts as a graph batch in the load envelope (04 §2), one line per upsert, so the load
 * validators check them; and maps a {@link LoadException} on line N back to upsert N.
 */
final class ChangeBatch {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeBatch() {}

  static byte[] jsonl(Catalog catalog, List<Upsert> upserts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (Upsert u : upserts) {
        out.write(JSON.writeValueAsBytes(record(catalog, u)));
        out.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static ObjectNode record(Catalog catalog, Upsert u) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    Map<String, Property> props;
    if (u.edge()) {
      o.put("edge", u.type());
      o.put("from", u.from());
      o.put("to", u.to());
      props = catalog.edge(u.type()).orElseThrow().properties();
    } else {
      o.put("type", u.type());
      props = catalog.node(u.type()).orElseThrow().properties();
    }
    ObjectNode data = o.putObject("data");
    if (u.id() != null) {
      data.put("id", u.id());
    }
    for (Property p : props.values()) {
      Object v = u.values().get(p.name());
      if (v != null) {
        data.set(p.name(), Values.toJson(v, p.type()));
      }
    }
    return o;
  }

  static ChangeRejected rejected(Catalog catalog, List<Upsert> upserts, LoadException e) {
    String message = e.getMessage().replaceFirst("^line [0-9]+: ", "");
    int index = (int) e.line() - 1;
    Upsert u = index >= 0 && index < upserts.size() ? upserts.get(index) : null;
    return new ChangeRejected(
        e.loadCode(),
        u == null ? -1 : u.origin(),
        u == null ? null : u.edge() ? "edge" : "node",
        u == null ? null : u.type(),
        u == null ? null : idOf(catalog, u),
        message,
        e.resourceLimit().orElse(null));
  }

  /** The upsert's id, derived from its key for keyed nodes (null when that fails). */
  static String idOf(Catalog catalog, Upsert u) {
    if (u.id() != null || u.edge()) {
      return u.id();
    }
    NodeType t = catalog.node(u.type()).orElseThrow();
    try {
      return KeyIds.derive(t, u.values(), KeyOrder.DECLARATION);
    } catch (RuntimeException ex) {
      return null;
    }
  }
}
