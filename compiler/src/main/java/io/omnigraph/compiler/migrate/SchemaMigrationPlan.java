package io.omnigraph.compiler.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.compiler.json.CanonicalJson;
import io.omnigraph.compiler.migrate.MigrationStep.DropProperty;
import io.omnigraph.compiler.migrate.MigrationStep.DropType;
import io.omnigraph.compiler.migrate.MigrationStep.UnsupportedChange;
import java.util.List;

/**
 * The ordered steps that take an accepted schema to a desired one (spec 02 §8). {@code supported}
 * is false exactly when some step is an {@link UnsupportedChange}; such a plan must not be applied.
 *
 * @param supported whether every step can be applied
 * @param steps the steps in application order ({@link MigrationPlanner} documents the order)
 */
public record SchemaMigrationPlan(boolean supported, List<MigrationStep> steps) {

  public SchemaMigrationPlan {
    steps = List.copyOf(steps);
    if (supported != allSupported(steps)) {
      throw new IllegalArgumentException(
          "Invalid plan: supported=" + supported + " but its steps say " + allSupported(steps));
    }
  }

  /** A plan over the given steps; {@code supported} follows from them. */
  public static SchemaMigrationPlan of(List<MigrationStep> steps) {
    return new SchemaMigrationPlan(allSupported(steps), steps);
  }

  private static boolean allSupported(List<MigrationStep> steps) {
    return steps.stream().noneMatch(s -> s instanceof UnsupportedChange);
  }

  public int stepCount() {
    return steps.size();
  }

  /** The unsupported changes that block this plan, in plan order. */
  public List<UnsupportedChange> unsupportedChanges() {
    return steps.stream()
        .filter(UnsupportedChange.class::isInstance)
        .map(UnsupportedChange.class::cast)
        .toList();
  }

  /** This plan with every drop promoted to {@link DropMode#HARD} ({@code --allow-data-loss}). */
  public SchemaMigrationPlan withHardDrops() {
    return new SchemaMigrationPlan(
        supported, steps.stream().map(SchemaMigrationPlan::hardened).toList());
  }

  private static MigrationStep hardened(MigrationStep step) {
    return switch (step) {
      case DropType d -> new DropType(d.typeKind(), d.name(), DropMode.HARD);
      case DropProperty d ->
          new DropProperty(d.typeKind(), d.typeName(), d.propertyName(), DropMode.HARD);
      default -> step;
    };
  }

  /** {@code {"supported": bool, "steps": [...]}}. */
  public ObjectNode toJson() {
    ObjectNode o = CanonicalJson.NODES.objectNode();
    o.put("supported", supported);
    ArrayNode a = o.putArray("steps");
    steps.forEach(s -> a.add(s.toJson()));
    return o;
  }

  /** One human line per step ({@link MigrationStep#render()}). */
  public List<String> render() {
    return steps.stream().map(MigrationStep::render).toList();
  }
}
