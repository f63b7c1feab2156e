package io.omnigraph.compiler.migrate;

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
import io.omnigraph.compiler.schema.TypeKind;
import java.util.Comparator;
import java.util.Locale;

/** The total order of plan steps; {@link MigrationPlanner} documents it. */
final class StepOrder {
  private StepOrder() {}

  /**
   * Where a step sorts.
   *
   * @param group the step kind's position in the plan
   * @param kind interface, node, edge (edge first for {@code drop_type})
   * @param type the type (or, for unsupported changes, the whole entity)
   * @param property the property, or empty
   * @param detail what separates steps of the same group on the same entity
   */
  private record Key(int group, int kind, String type, String property, String detail) {}

  static final Comparator<MigrationStep> ORDER =
      Comparator.comparing(
          StepOrder::key,
          Comparator.comparingInt(Key::group)
              .thenComparingInt(Key::kind)
              .thenComparing(Key::type)
              .thenComparing(Key::property)
              .thenComparing(Key::detail));

  private static Key key(MigrationStep step) {
    return switch (step) {
      case RenameType s -> new Key(0, rank(s.typeKind()), s.to(), "", "");
      case RenameProperty s -> new Key(1, rank(s.typeKind()), s.typeName(), s.to(), "");
      case AddType s -> new Key(2, rank(s.typeKind()), s.name(), "", "");
      case AddProperty s -> new Key(3, rank(s.typeKind()), s.typeName(), s.propertyName(), "");
      case ExtendEnum s -> new Key(4, rank(s.typeKind()), s.typeName(), s.propertyName(), "");
      case AddConstraint s ->
          new Key(5, rank(s.typeKind()), s.typeName(), "", s.constraint().render());
      case UpdateTypeMetadata s -> new Key(6, rank(s.typeKind()), s.name(), "", "");
      case UpdatePropertyMetadata s ->
          new Key(7, rank(s.typeKind()), s.typeName(), s.propertyName(), "");
      case DropProperty s -> new Key(8, rank(s.typeKind()), s.typeName(), s.propertyName(), "");
      case DropType s -> new Key(9, 2 - rank(s.typeKind()), s.name(), "", "");
      case UnsupportedChange s -> new Key(10, entityRank(s.entity()), s.entity(), "", s.reason());
    };
  }

  private static int rank(TypeKind kind) {
    return kind.ordinal();
  }

  private static int entityRank(String entity) {
    int colon = entity.indexOf(':');
    String kind = colon < 0 ? "" : entity.substring(0, colon).toUpperCase(Locale.ROOT);
    for (TypeKind k : TypeKind.values()) {
      if (k.name().equals(kind)) {
        return rank(k);
      }
    }
    return TypeKind.values().length;
  }
}
