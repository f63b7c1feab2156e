package io.omnigraph.policy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** A YAML value with the position where it starts. Built by {@link YamlTrees}. */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

  Pos pos();

  /** A short noun for type errors: {@code a mapping}, {@code a list}, {@code a scalar}. */
  String describe();

  /** One key of a mapping, with the position of the key. */
  record Field(String key, Pos keyPos, YamlNode value) {}

  /** A mapping; keys are unique (duplicates are rejected while parsing). */
  record Mapping(List<Field> fields, Pos pos) implements YamlNode {
    Optional<Field> field(String key) {
      return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A sequence (YAML list). */
  record Sequence(List<YamlNode> items, Pos pos) implements YamlNode {
    @Override
    public String describe() {
      return "a list";
    }
  }

  /** The YAML type a plain or quoted scalar resolved to. */
  enum ScalarType {
    STRING,
    INT,
    FLOAT,
    BOOL,
    NULL
  }

  /**
   * A scalar with its text as written (e.g. {@code yes} for a boolean) and, for integers, the
   * value.
   */
  record Scalar(ScalarType type, String text, BigInteger intValue, Pos pos) implements YamlNode {
    boolean isNull() {
      return type == ScalarType.NULL;
    }

    @Override
    public String describe() {
      return isNull() ? "null" : "a scalar";
    }
  }
}
