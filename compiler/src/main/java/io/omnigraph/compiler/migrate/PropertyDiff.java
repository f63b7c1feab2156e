package io.omnigraph.compiler.migrate;

import io.omnigraph.compiler.migrate.Identity.Matching;
import io.omnigraph.compiler.migrate.MigrationStep.AddProperty;
import io.omnigraph.compiler.migrate.MigrationStep.DropProperty;
import io.omnigraph.compiler.migrate.MigrationStep.ExtendEnum;
import io.omnigraph.compiler.migrate.MigrationStep.RenameProperty;
import io.omnigraph.compiler.migrate.MigrationStep.UnsupportedChange;
import io.omnigraph.compiler.migrate.MigrationStep.UpdatePropertyMetadata;
import io.omnigraph.compiler.schema.Embed;
import io.omnigraph.compiler.schema.PropType;
import io.omnigraph.compiler.schema.Property;
import io.omnigraph.compiler.schema.SchemaLintCode;
import io.omnigraph.compiler.schema.TypeKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Plans the property changes of one matched node or edge type: renames, additions, drops, and for
 * each surviving property its type, {@code @embed}, annotations and declaration provenance.
 * Property-level {@code @key/@unique/@index} are compared with the type's constraints ({@link
 * ConstraintDiff}).
 */
final class PropertyDiff {
  private final TypeKind kind;
  private final String typeName;
  private final List<MigrationStep> out;

  private PropertyDiff(TypeKind kind, String typeName, List<MigrationStep> out) {
    this.kind = kind;
    this.typeName = typeName;
    this.out = out;
  }

  /**
   * Appends the steps for one type's properties to {@code out}.
   *
   * @param typeName the type's desired name
   * @return how properties were renamed and dropped
   */
  static PropertyChanges diff(
      TypeKind kind,
      String typeName,
      Map<String, Property> accepted,
      Map<String, Property> desired,
      List<MigrationStep> out) {
    return new PropertyDiff(kind, typeName, out).run(accepted, desired);
  }

  private PropertyChanges run(Map<String, Property> accepted, Map<String, Property> desired) {
    Matching<Property> m =
        Identity.match(
            accepted.values(),
            desired.values(),
            Property::name,
            Property::renameFrom,
            UnaryOperator.identity());
    Map<String, String> renames = m.renames(Property::name);
    renames.forEach((from, to) -> out.add(new RenameProperty(kind, typeName, from, to)));
    PropertyChanges changes =
        new PropertyChanges(
            renames, m.removed().stream().map(Property::name).collect(Collectors.toSet()));
    m.pairs().forEach(p -> compare(p.accepted(), p.desired(), changes));
    m.added().forEach(this::added);
    m.removed().forEach(p -> out.add(new DropProperty(kind, typeName, p.name(), DropMode.SOFT)));
    return changes;
  }

  private String entity(Property p) {
    return MigrationStep.entity(kind, typeName, p.name());
  }

  private void added(Property p) {
    if (p.nullable()) {
      out.add(new AddProperty(kind, typeName, p.name(), p.type()));
      return;
    }
    String type = p.type().render();
    out.add(
        new UnsupportedChange(
            entity(p),
            "adding required property '"
                + p.name()
                + "' ("
                + type
                + ") needs a value in every existing row; declare it nullable ("
                + type
                + "?)",
            SchemaLintCode.ADD_REQUIRED_PROPERTY));
  }

  private void compare(Property a, Property d, PropertyChanges changes) {
    type(a, d);
    embed(a, d, changes);
    Metadata.diff(
        a.annotations(),
        d.annotations(),
        entity(d),
        anns -> new UpdatePropertyMetadata(kind, typeName, d.name(), anns),
        out);
    if (!Objects.equals(a.declaredIn(), d.declaredIn())) {
      out.add(
          new UnsupportedChange(
              entity(d),
              "changing where '"
                  + d.name()
                  + "' is declared (from "
                  + provenance(a)
                  + " to "
                  + provenance(d)
                  + ") is not supported; keep it declared where it was",
              null));
    }
  }

  private void type(Property a, Property d) {
    PropType before = a.type();
    PropType after = d.type();
    if (before.equals(after)) {
      return;
    }
    Optional<List<String>> added = addedEnumValues(before, after);
    if (added.isPresent()) {
      out.add(new ExtendEnum(kind, typeName, d.name(), added.get()));
      return;
    }
    out.add(
        new UnsupportedChange(
            entity(d),
            "changing the type of '"
                + d.name()
                + "' from "
                + before.render()
                + " to "
                + after.render()
                + " is not supported"
                + typeDetail(before, after)
                + "; add a new property with the new type instead",
            SchemaLintCode.CHANGE_PROPERTY_TYPE));
  }

  /** The values a pure enum widening adds; empty unless every old value and nullability stay. */
  static Optional<List<String>> addedEnumValues(PropType before, PropType after) {
    boolean widening =
        before.isEnum()
            && after.isEnum()
            && before.nullable() == after.nullable()
            && after.enumValues().containsAll(before.enumValues())
            && !after.enumValues().equals(before.enumValues());
    if (!widening) {
      return Optional.empty();
    }
    return Optional.of(
        after.enumValues().stream().filter(v -> !before.enumValues().contains(v)).toList());
  }

  private static String typeDetail(PropType before, PropType after) {
    if (before.isEnum() && after.isEnum()) {
      List<String> removed =
          before.enumValues().stream().filter(v -> !after.enumValues().contains(v)).toList();
      if (!removed.isEmpty()) {
        return " (it removes enum value(s) " + String.join(", ", removed) + ")";
      }
    }
    if (before.sameShape(after)) {
      return after.nullable()
          ? " (it makes the property nullable)"
          : " (it makes the property required)";
    }
    return "";
  }

  private void embed(Property a, Property d, PropertyChanges changes) {
    Embed before =
        a.embed() == null ? null : new Embed(changes.rename(a.embed().source()), a.embed().model());
    if (Objects.equals(before, d.embed())) {
      return;
    }
    out.add(
        new UnsupportedChange(
            entity(d),
            "changing @embed of '"
                + d.name()
                + "' from "
                + render(before)
                + " to "
                + render(d.embed())
                + " is not supported; rebuild the graph to re-embed",
            null));
  }

  private static String render(Embed e) {
    if (e == null) {
      return "none";
    }
    String model = e.model() == null ? "" : ", model=\"" + e.model() + "\"";
    return "@embed(\"" + e.source() + "\"" + model + ")";
  }

  private static String provenance(Property p) {
    return p.declaredIn() == null ? "the type itself" : "interface " + p.declaredIn();
  }
}
