package io.omnigraph.compiler.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.json.CanonicalJson;
import io.omnigraph.compiler.migrate.MigrationStep.AddConstraint;
import io.omnigraph.compiler.migrate.MigrationStep.AddProperty;
import io.omnigraph.compiler.migrate.MigrationStep.AddType;
import io.omnigraph.compiler.migrate.MigrationStep.DropProperty;
import io.omnigraph.compiler.migrate.MigrationStep.DropType;
import io.omnigraph.compiler.migrate.MigrationStep.ExtendEnum;
import io.omnigraph.compiler.migrate.MigrationStep.RenameProperty;
import io.omnigraph.compiler.migrate.MigrationStep.RenameType;
import io.omnigraph.compiler.migrate.MigrationStep.UnsupportedChange;
import io.omnigraph.compiler.migrate.MigrationStep.UpdatePropertyMetadata;
import io.omnigraph.compiler.migrate.MigrationStep.UpdateTypeMetadata;
import io.omnigraph.compiler.schema.Annotation;
import io.omnigraph.compiler.schema.SchemaIr;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.List;

/**
 * The JSON form of migration steps (spec 02 §8): {@code kind} first, then the step's snake_case
 * fields. Property types, constraints and annotations use their canonical IR shapes ({@link
 * SchemaIr}).
 */
final class StepJson {
  private StepJson() {}

  static ObjectNode of(MigrationStep step) {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("kind", step.kind());
    switch (step) {
      case AddType s -> typeRef(o, s.typeKind(), "name", s.name());
      case RenameType s -> typeRef(o, s.typeKind(), "from", s.from()).put("to", s.to());
      case AddProperty s ->
          propertyRef(o, s.typeKind(), s.typeName(), s.propertyName())
              .set("property_type", SchemaIr.type(s.propertyType()));
      case RenameProperty s ->
          typeRef(o, s.typeKind(), "type_name", s.typeName())
              .put("from", s.from())
              .put("to", s.to());
      case AddConstraint s ->
          typeRef(o, s.typeKind(), "type_name", s.typeName())
              .set("constraint", SchemaIr.constraint(s.constraint()));
      case ExtendEnum s ->
          propertyRef(o, s.typeKind(), s.typeName(), s.propertyName())
              .set("added_values", strings(s.addedValues()));
      case UpdateTypeMetadata s ->
          typeRef(o, s.typeKind(), "name", s.name())
              .set("annotations", annotations(s.annotations()));
      case UpdatePropertyMetadata s ->
          propertyRef(o, s.typeKind(), s.typeName(), s.propertyName())
              .set("annotations", annotations(s.annotations()));
      case DropType s -> typeRef(o, s.typeKind(), "name", s.name()).put("mode", s.mode().wire());
      case DropProperty s ->
          propertyRef(o, s.typeKind(), s.typeName(), s.propertyName()).put("mode", s.mode().wire());
      case UnsupportedChange s -> unsupported(o, s);
    }
    return o;
  }

  private static ObjectNode typeRef(ObjectNode o, TypeKind kind, String field, String value) {
    return o.put("type_kind", kind.wire()).put(field, value);
  }

  private static ObjectNode propertyRef(
      ObjectNode o, TypeKind kind, String typeName, String propertyName) {
    return typeRef(o, kind, "type_name", typeName).put("property_name", propertyName);
  }

  private static void unsupported(ObjectNode o, UnsupportedChange s) {
    o.put("entity", s.entity()).put("reason", s.reason());
    s.lintCode().ifPresent(c -> o.put("code", c.code()));
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = CanonicalJson.NODES.arrayNode();
    values.forEach(a::add);
    return a;
  }

  private static ArrayNode annotations(List<Annotation> anns) {
    ArrayNode a = CanonicalJson.NODES.arrayNode();
    anns.forEach(x -> a.add(SchemaIr.annotation(x)));
    return a;
  }
}
