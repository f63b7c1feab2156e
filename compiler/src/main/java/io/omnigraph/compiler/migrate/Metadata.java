package io.omnigraph.compiler.migrate;

import io.omnigraph.compiler.migrate.MigrationStep.UnsupportedChange;
import io.omnigraph.compiler.schema.Annotation;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares the annotations of one type or property. {@code @description}/{@code @instruction} may
 * change freely (an {@code update_*_metadata} step carrying the new set); any other annotation
 * change is unsupported. Order never matters. {@code @rename_from}, {@code @embed} and the
 * constraint annotations are not in the compared lists: the catalog keeps them apart.
 */
final class Metadata {
  private Metadata() {}

  static void diff(
      List<Annotation> accepted,
      List<Annotation> desired,
      String entity,
      Function<List<Annotation>, MigrationStep> update,
      List<MigrationStep> out) {
    List<Annotation> before = others(accepted);
    List<Annotation> after = others(desired);
    if (!before.equals(after)) {
      out.add(
          new UnsupportedChange(
              entity,
              "changing annotations other than @description/@instruction is not supported (was "
                  + render(before)
                  + ", now "
                  + render(after)
                  + "); keep the previous annotations",
              null));
    }
    List<Annotation> newMetadata = metadata(desired);
    if (!metadata(accepted).equals(newMetadata)) {
      out.add(update.apply(newMetadata));
    }
  }

  /** The {@code @description}/{@code @instruction} annotations, sorted by their rendering. */
  static List<Annotation> metadata(List<Annotation> annotations) {
    return sorted(annotations, true);
  }

  private static List<Annotation> others(List<Annotation> annotations) {
    return sorted(annotations, false);
  }

  private static List<Annotation> sorted(List<Annotation> annotations, boolean metadata) {
    return annotations.stream()
        .filter(a -> a.isMetadata() == metadata)
        .sorted(Comparator.comparing(Annotation::render))
        .toList();
  }

  private static String render(List<Annotation> annotations) {
    if (annotations.isEmpty()) {
      return "none";
    }
    return annotations.stream().map(Annotation::render).collect(Collectors.joining(" "));
  }
}
