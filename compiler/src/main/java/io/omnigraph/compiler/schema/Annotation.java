package io.omnigraph.compiler.schema;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An annotation such as {@code @description("…")}, {@code @embed("text", model="m")} or any custom
 * {@code @name(…)}. Constraint annotations ({@code @key}, {@code @unique}, {@code @index}) are not
 * kept here; they become flags and constraints on the catalog types.
 *
 * @param name annotation name without {@code @}
 * @param value the positional argument, or {@code null} when none was written
 * @param kwargs keyword arguments in sorted order
 */
public record Annotation(String name, Literal value, Map<String, Literal> kwargs) {
  public static final String DESCRIPTION = "description";
  public static final String INSTRUCTION = "instruction";
  public static final String RENAME_FROM = "rename_from";
  public static final String EMBED = "embed";

  public Annotation {
    kwargs = Map.copyOf(new TreeMap<>(kwargs));
  }

  public Optional<String> stringValue() {
    return value != null && value.kind() == Literal.Kind.STRING
        ? Optional.of(value.text())
        : Optional.empty();
  }

  /** Metadata-only annotations: changing them is an {@code update_*_metadata} step. */
  public boolean isMetadata() {
    return name.equals(DESCRIPTION) || name.equals(INSTRUCTION);
  }

  public String render() {
    StringBuilder sb = new StringBuilder("@").append(name);
    if (value != null || !kwargs.isEmpty()) {
      sb.append('(');
      boolean first = true;
      if (value != null) {
        sb.append(value.render());
        first = false;
      }
      for (Map.Entry<String, Literal> e : new TreeMap<>(kwargs).entrySet()) {
        sb.append(first ? "" : ", ").append(e.getKey()).append('=').append(e.getValue().render());
        first = false;
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
