package io.omnigraph.compiler.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.json.CanonicalJson;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The canonical JSON form of a catalog. It holds only meaning: types and properties are sorted by
 * name, enum values are sorted, constraints and annotations are sorted, and migration directives
 * ({@code @rename_from}) are left out. Comments, whitespace and declaration order therefore never
 * change it, and the schema digest is the SHA-256 of its RFC 8785 serialisation.
 */
public final class SchemaIr {
  public static final int IR_VERSION = 1;

  private SchemaIr() {}

  public static ObjectNode of(Catalog catalog) {
    ObjectNode root = CanonicalJson.NODES.objectNode();
    root.put("ir_version", IR_VERSION);
    ArrayNode ifaces = root.putArray("interfaces");
    sorted(catalog.interfaces()).forEach(i -> ifaces.add(interfaceNode(i)));
    ArrayNode nodes = root.putArray("nodes");
    sorted(catalog.nodes()).forEach(n -> nodes.add(nodeNode(n)));
    ArrayNode edges = root.putArray("edges");
    sorted(catalog.edges()).forEach(e -> edges.add(edgeNode(e)));
    return root;
  }

  /** SHA-256 (lowercase hex) of the canonical IR. */
  public static String digest(Catalog catalog) {
    return CanonicalJson.digest(of(catalog));
  }

  private static <T extends SchemaType> List<T> sorted(Map<String, T> m) {
    return m.values().stream().sorted(Comparator.comparing(SchemaType::name)).toList();
  }

  private static ObjectNode interfaceNode(InterfaceType i) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("name", i.name());
    o.set("properties", properties(i.properties()));
    return o;
  }

  private static ObjectNode nodeNode(NodeType n) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("name", n.name());
    ArrayNode impls = o.putArray("implements");
    n.implementsList().stream().sorted().forEach(impls::add);
    o.set("annotations", annotations(n.annotations()));
    o.set("properties", properties(n.properties()));
    o.set("constraints", constraints(n.constraints()));
    ArrayNode key = o.putArray("key");
    n.keyProperties().forEach(key::add);
    return o;
  }

  private static ObjectNode edgeNode(EdgeType e) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("name", e.name());
    o.put("from", e.from());
    o.put("to", e.to());
    ObjectNode card = o.putObject("card");
    card.put("min", e.cardMin());
    if (e.cardMax() == null) {
      card.putNull("max");
    } else {
      card.put("max", e.cardMax());
    }
    o.set("annotations", annotations(e.annotations()));
    o.set("properties", properties(e.properties()));
    o.set("constraints", constraints(e.constraints()));
    return o;
  }

  private static ArrayNode properties(Map<String, Property> props) {
    ArrayNode a = CanonicalJson.NODES.arrayNode();
    props.values().stream()
        .sorted(Comparator.comparing(Property::name))
        .forEach(p -> a.add(property(p)));
    return a;
  }

  static ObjectNode property(Property p) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("name", p.name());
    o.set("type", type(p.type()));
    o.put("key", p.key());
    o.put("unique", p.unique());
    o.put("index", p.index());
    if (p.embed() == null) {
      o.putNull("embed");
    } else {
      ObjectNode emb = o.putObject("embed");
      emb.put("source", p.embed().source());
      if (p.embed().model() == null) {
        emb.putNull("model");
      } else {
        emb.put("model", p.embed().model());
      }
    }
    o.set("annotations", annotations(p.annotations()));
    if (p.declaredIn() == null) {
      o.putNull("declared_in");
    } else {
      o.put("declared_in", p.declaredIn());
    }
    return o;
  }

  /** {@code {scalar, nullable, list, enum_values[, vector_dim]}} — also used by migration plans. */
  public static ObjectNode type(PropType t) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("scalar", t.baseSpelling());
    o.put("nullable", t.nullable());
    o.put("list", t.list());
    if (t.isEnum()) {
      ArrayNode vals = o.putArray("enum_values");
      t.enumValues().forEach(vals::add);
    } else {
      o.putNull("enum_values");
    }
    if (t.isVector()) {
      o.put("vector_dim", t.vectorDim());
    }
    return o;
  }

  private static ArrayNode annotations(List<Annotation> anns) {
    ArrayNode a = CanonicalJson.NODES.arrayNode();
    anns.stream()
        .sorted(Comparator.comparing(Annotation::render))
        .forEach(x -> a.add(annotation(x)));
    return a;
  }

  public static ObjectNode annotation(Annotation x) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("name", x.name());
    if (x.value() == null) {
      o.putNull("value");
    } else {
      o.set("value", literal(x.value()));
    }
    ObjectNode kw = o.putObject("kwargs");
    x.kwargs().forEach((k, v) -> kw.set(k, literal(v)));
    return o;
  }

  private static ObjectNode literal(Literal l) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("kind", l.kind().name().toLowerCase(java.util.Locale.ROOT));
    o.put("text", l.text());
    return o;
  }

  private static ArrayNode constraints(List<Constraint> cs) {
    ArrayNode a = CanonicalJson.NODES.arrayNode();
    cs.stream().sorted(Comparator.comparing(Constraint::render)).forEach(c -> a.add(constraint(c)));
    return a;
  }

  /** {@code {kind, properties[, min, max | pattern]}} — also used by migration plans. */
  public static ObjectNode constraint(Constraint c) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("kind", c.kind().word());
    ArrayNode props = o.putArray("properties");
    c.properties().forEach(props::add);
    if (c.kind() == Constraint.Kind.RANGE) {
      o.put("min", c.rangeMin());
      o.put("max", c.rangeMax());
    } else if (c.kind() == Constraint.Kind.CHECK) {
      o.put("pattern", c.pattern());
    }
    return o;
  }
}
