package io.omnigraph.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Shape checks over a {@link YamlNode} tree that collect parse errors instead of throwing: unknown
 * and missing fields, wrong value types, closed-enum values. Records the position of every value it
 * reads in {@link #locations()}.
 */
final class StrictReader {
  private final String source;
  private final List<PolicyError> errors = new ArrayList<>();
  private final Locations locations = new Locations();

  StrictReader(String source) {
    this.source = source;
  }

  List<PolicyError> errors() {
    return errors;
  }

  Locations locations() {
    return locations;
  }

  String source() {
    return source;
  }

  void error(PolicyErrorCode code, String message, Pos pos) {
    errors.add(PolicyError.at(code, message, source, pos));
  }

  /**
   * The node as a mapping whose keys are all in {@code allowed}, or empty (with an error) when it
   * is not a mapping. Unknown keys are reported one by one.
   */
  Optional<YamlNode.Mapping> mapping(YamlNode node, String path, List<String> allowed) {
    locations.put(path, node.pos());
    if (!(node instanceof YamlNode.Mapping m)) {
      typeError(node, path, "a mapping");
      return Optional.empty();
    }
    for (YamlNode.Field f : m.fields()) {
      if (!allowed.contains(f.key())) {
        String msg =
            "unknown field '%s'; expected one of: %s"
                .formatted(child(path, f.key()), String.join(", ", allowed));
        error(PolicyErrorCode.UNKNOWN_FIELD, msg, f.keyPos());
      }
    }
    return Optional.of(m);
  }

  /** The node as a mapping with arbitrary keys (e.g. {@code groups}), or empty with an error. */
  Optional<YamlNode.Mapping> anyMapping(YamlNode node, String path) {
    locations.put(path, node.pos());
    if (node instanceof YamlNode.Mapping m) {
      return Optional.of(m);
    }
    typeError(node, path, "a mapping");
    return Optional.empty();
  }

  /** The value of an optional key; a YAML {@code null} counts as absent. */
  Optional<YamlNode> optional(YamlNode.Mapping m, String key) {
    return m.field(key).map(YamlNode.Field::value).filter(v -> !isNull(v));
  }

  /** The value of a required key, or empty with a {@code missing_field} error. */
  Optional<YamlNode> required(YamlNode.Mapping m, String path, String key) {
    Optional<YamlNode.Field> f = m.field(key);
    if (f.isEmpty()) {
      String msg = "missing required field '" + child(path, key) + "'";
      error(PolicyErrorCode.MISSING_FIELD, msg, m.pos());
      return Optional.empty();
    }
    return Optional.of(f.get().value());
  }

  /** The items of a list; a non-list is a type error (empty result). */
  Optional<List<YamlNode>> sequence(YamlNode node, String path) {
    locations.put(path, node.pos());
    if (node instanceof YamlNode.Sequence s) {
      return Optional.of(s.items());
    }
    typeError(node, path, "a list");
    return Optional.empty();
  }

  /**
   * The text of a scalar as written ({@code null} reads as the empty string, so it is reported as
   * blank by the semantic checks); a list or mapping is a type error.
   */
  Optional<String> text(YamlNode node, String path) {
    locations.put(path, node.pos());
    if (node instanceof YamlNode.Scalar s) {
      return Optional.of(s.text());
    }
    typeError(node, path, "a string");
    return Optional.empty();
  }

  /** A closed-enum value read from a scalar; unknown spellings are reported with the choices. */
  <E> Optional<E> choice(
      YamlNode node,
      String path,
      PolicyErrorCode code,
      String what,
      Function<String, Optional<E>> lookup,
      String choices) {
    Optional<String> text = text(node, path);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Optional<E> value = lookup.apply(text.get());
    if (value.isEmpty()) {
      String msg =
          "unknown %s '%s' at '%s'; expected one of: %s".formatted(what, text.get(), path, choices);
      error(code, msg, node.pos());
    }
    return value;
  }

  /** A list of strings (null items read as blank). */
  Optional<List<String>> strings(YamlNode node, String path) {
    Optional<List<YamlNode>> items = sequence(node, path);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < items.get().size(); i++) {
      text(items.get().get(i), path + "[" + i + "]").ifPresent(out::add);
    }
    return Optional.of(out);
  }

  private void typeError(YamlNode node, String path, String expected) {
    String where = path.isEmpty() ? "the document" : "'" + path + "'";
    String msg = "%s must be %s, not %s".formatted(where, expected, node.describe());
    error(PolicyErrorCode.WRONG_TYPE, msg, node.pos());
  }

  static boolean isNull(YamlNode node) {
    return node instanceof YamlNode.Scalar s && s.isNull();
  }

  static String child(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
