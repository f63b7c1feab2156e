package io.omnigraph.engine.load;

import io.omnigraph.compiler.schema.NodeType;
import java.util.ArrayList;
import java.util.List;

/**
 * The order of a node type's key properties inside a composite id: ascending <em>stable property
 * id</em> (02 §6). Stable ids live in the engine's schema-identity state; until a graph supplies
 * them, {@link #DECLARATION} orders the key properties by their position in the type's property
 * list (declaration order, interface properties where {@code implements} expands them) — the order
 * a monotonic id counter gives a schema accepted in one step. Single-property keys are unaffected.
 */
@FunctionalInterface
public interface KeyOrder {
  /** The key properties of {@code type} in ascending stable-id order (empty when unkeyed). */
  List<String> keyProperties(NodeType type);

  /** Key properties in property declaration order (see the class comment). */
  KeyOrder DECLARATION =
      type -> {
        List<String> keys = type.keyProperties();
        List<String> out = new ArrayList<>(keys.size());
        for (String p : type.properties().keySet()) {
          if (keys.contains(p)) {
            out.add(p);
          }
        }
        return List.copyOf(out);
      };
}
