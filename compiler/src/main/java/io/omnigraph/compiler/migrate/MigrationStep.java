package io.omnigraph.compiler.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.schema.Annotation;
import io.omnigraph.compiler.schema.Constraint;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.SchemaLintCode;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link SchemaMigrationPlan} (spec 02 §8). Each record carries exactly the fields of
 * its JSON form; {@link #toJson()} tags it with {@link #kind()}.
 */
public sealed interface MigrationStep {

  /** The snake_case {@code kind} tag of the step's JSON form. */
  default String kind() {
    return switch (this) {
      case AddType s -> "add_type";
      case RenameType s -> "rename_type";
      case AddProperty s -> "add_property";
      case RenameProperty s -> "rename_property";
      case AddConstraint s -> "add_constraint";
      case ExtendEnum s -> "extend_enum";
      case UpdateTypeMetadata s -> "update_type_metadata";
      case UpdatePropertyMetadata s -> "update_property_metadata";
      case DropType s -> "drop_type";
      case DropProperty s -> "drop_property";
      case UnsupportedChange s -> "unsupported_change";
    };
  }

  /** The JSON object of this step, fields in spec order. */
  default ObjectNode toJson() {
    return StepJson.of(this);
  }

  /** One line for people, e.g. {@code + add_property node:Person.age I32?}. */
  default String render() {
    return StepText.of(this);
  }

  /** {@code node:Person}: how plans name a type. */
  static String entity(TypeKind kind, String type) {
    return kind.wire() + ":" + type;
  }

  /** {@code node:Person.age}: how plans name a property. */
  static String entity(TypeKind kind, String type, String property) {
    return entity(kind, type) + "." + property;
  }

  /** A new node or edge type; its dataset is created from the desired catalog. */
  record AddType(TypeKind typeKind, String name) implements MigrationStep {
    public AddType {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(name, "name");
    }
  }

  /** A node or edge type renamed through {@code @rename_from}; its data keeps its identity. */
  record RenameType(TypeKind typeKind, String from, String to) implements MigrationStep {
    public RenameType {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** A new nullable property on an existing type (existing rows read it as null). */
  record AddProperty(TypeKind typeKind, String typeName, String propertyName, PropType propertyType)
      implements MigrationStep {
    public AddProperty {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(typeName, "typeName");
      Objects.requireNonNull(propertyName, "propertyName");
      Objects.requireNonNull(propertyType, "propertyType");
    }
  }

  /**
   * A property renamed through {@code @rename_from}; {@code typeName} is the type's desired name.
   */
  record RenameProperty(TypeKind typeKind, String typeName, String from, String to)
      implements MigrationStep {
    public RenameProperty {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(typeName, "typeName");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /** A new index ({@code @index}, property-level or body), always as a body-form constraint. */
  record AddConstraint(TypeKind typeKind, String typeName, Constraint constraint)
      implements MigrationStep {
    public AddConstraint {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(typeName, "typeName");
      Objects.requireNonNull(constraint, "constraint");
    }
  }

  /** Pure enum widening: the sorted values added; every old value is kept. */
  record ExtendEnum(
      TypeKind typeKind, String typeName, String propertyName, List<String> addedValues)
      implements MigrationStep {
    public ExtendEnum {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(typeName, "typeName");
      Objects.requireNonNull(propertyName, "propertyName");
      addedValues = List.copyOf(addedValues);
    }
  }

  /** Only {@code @description}/{@code @instruction} changed; carries the new set (may be empty). */
  record UpdateTypeMetadata(TypeKind typeKind, String name, List<Annotation> annotations)
      implements MigrationStep {
    public UpdateTypeMetadata {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(name, "name");
      annotations = List.copyOf(annotations);
    }
  }

  /** Only {@code @description} changed on a property; carries the new set (may be empty). */
  record UpdatePropertyMetadata(
      TypeKind typeKind, String typeName, String propertyName, List<Annotation> annotations)
      implements MigrationStep {
    public UpdatePropertyMetadata {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(typeName, "typeName");
      Objects.requireNonNull(propertyName, "propertyName");
      annotations = List.copyOf(annotations);
    }
  }

  /** A node or edge type removed from the schema. */
  record DropType(TypeKind typeKind, String name, DropMode mode) implements MigrationStep {
    public DropType {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(mode, "mode");
    }
  }

  /** A property removed from a type that stays; {@code typeName} is the type's desired name. */
  record DropProperty(TypeKind typeKind, String typeName, String propertyName, DropMode mode)
      implements MigrationStep {
    public DropProperty {
      Objects.requireNonNull(typeKind, "typeKind");
      Objects.requireNonNull(typeName, "typeName");
      Objects.requireNonNull(propertyName, "propertyName");
      Objects.requireNonNull(mode, "mode");
    }
  }

  /**
   * A change the engine cannot migrate; any such step makes the plan unsupported.
   *
   * @param entity {@code <type_kind>:<Type>} or {@code <type_kind>:<Type>.<prop>}
   * @param reason what changed and why it cannot be applied
   * @param code the lint code, or {@code null} when the rule has none
   */
  record UnsupportedChange(String entity, String reason, SchemaLintCode code)
      implements MigrationStep {
    public UnsupportedChange {
      Objects.requireNonNull(entity, "entity");
      Objects.requireNonNull(reason, "reason");
    }

    public Optional<SchemaLintCode> lintCode() {
      return Optional.ofNullable(code);
    }
  }
}
