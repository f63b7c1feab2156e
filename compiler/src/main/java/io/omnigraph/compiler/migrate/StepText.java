package io.omnigraph.compiler.migrate;

import static io.omnigraph.compiler.migrate.MigrationStep.entity;

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
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one-line human form of a step: a marker ({@code +} adds, {@code ~} renames or updates in
 * place, {@code -} drops, {@code !} cannot be applied), the kind, the entity, then the detail.
 */
final class StepText {
  private StepText() {}

  static String of(MigrationStep step) {
    return switch (step) {
      case AddType s -> "+ add_type " + entity(s.typeKind(), s.name());
      case RenameType s -> "~ rename_type " + entity(s.typeKind(), s.from()) + " -> " + s.to();
      case AddProperty s ->
          "+ add_property "
              + entity(s.typeKind(), s.typeName(), s.propertyName())
              + " "
              + s.propertyType().render();
      case RenameProperty s ->
          "~ rename_property " + entity(s.typeKind(), s.typeName(), s.from()) + " -> " + s.to();
      case AddConstraint s ->
          "+ add_constraint " + entity(s.typeKind(), s.typeName()) + " " + s.constraint().render();
      case ExtendEnum s ->
          "+ extend_enum "
              + entity(s.typeKind(), s.typeName(), s.propertyName())
              + " ["
              + String.join(", ", s.addedValues())
              + "]";
      case UpdateTypeMetadata s ->
          "~ update_type_metadata " + entity(s.typeKind(), s.name()) + metadata(s.annotations());
      case UpdatePropertyMetadata s ->
          "~ update_property_metadata "
              + entity(s.typeKind(), s.typeName(), s.propertyName())
              + metadata(s.annotations());
      case DropType s ->
          "- drop_type " + entity(s.typeKind(), s.name()) + " [" + s.mode().wire() + "]";
      case DropProperty s ->
          "- drop_property "
              + entity(s.typeKind(), s.typeName(), s.propertyName())
              + " ["
              + s.mode().wire()
              + "]";
      case UnsupportedChange s -> "! unsupported " + s.entity() + ": " + reason(s);
    };
  }

  /** The reason, prefixed with {@code [<code>] } when the change has a lint code. */
  static String reason(UnsupportedChange s) {
    return s.lintCode().map(c -> c.format(s.reason())).orElse(s.reason());
  }

  private static String metadata(List<Annotation> annotations) {
    if (annotations.isEmpty()) {
      return " (metadata removed)";
    }
    return annotations.stream().map(Annotation::render).collect(Collectors.joining(" ", " ", ""));
  }
}
