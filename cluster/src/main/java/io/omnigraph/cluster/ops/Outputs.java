package io.omnigraph.cluster.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cluster.state.ClusterState;
import java.util.List;

/** JSON pieces shared by several command outputs. */
final class Outputs {
  private Outputs() {}

  static ObjectNode statuses(ClusterState st) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    st.statuses().forEach((a, s) -> o.set(a, ClusterState.statusJson(s)));
    return o;
  }

  static ObjectNode observations(ClusterState st) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    st.observations().forEach((a, ob) -> o.set(a, ob.deepCopy()));
    return o;
  }

  static ArrayNode changes(List<PlanChange> changes) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    changes.forEach(c -> a.add(c.toJson()));
    return a;
  }
}
