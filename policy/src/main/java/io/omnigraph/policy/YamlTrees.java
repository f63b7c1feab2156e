package io.omnigraph.policy;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads one YAML document into a {@link YamlNode} tree using Jackson's streaming YAML parser with
 * {@code STRICT_DUPLICATE_DETECTION} ({@link JsonParser.Feature#STRICT_DUPLICATE_DETECTION}).
 * Rejects duplicate keys, aliases, several documents and nesting deeper than {@link #MAX_DEPTH};
 * never throws.
 */
final class YamlTrees {
  static final int MAX_DEPTH = 64;

  private static final YAMLFactory FACTORY =
      YAMLFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build();

  private YamlTrees() {}

  /** The document's root, or a single {@link PolicyErrorCode#YAML_SYNTAX} or duplicate error. */
  static PolicyResult<YamlNode> read(String text, String source) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        return fail(PolicyErrorCode.YAML_SYNTAX, "the file is empty", source, Pos.NONE);
      }
      YamlNode root = new Builder((YAMLParser) p).value("", 0);
      if (p.nextToken() != null) {
        String msg = "the file must contain exactly one YAML document";
        return fail(PolicyErrorCode.YAML_SYNTAX, msg, source, pos(p.currentTokenLocation()));
      }
      return PolicyResult.ok(root);
    } catch (Problem e) {
      return fail(e.code, e.getMessage(), source, e.pos);
    } catch (JsonProcessingException e) {
      return malformed(e, text, source);
    } catch (IOException | RuntimeException e) {
      return fail(PolicyErrorCode.YAML_SYNTAX, "malformed YAML: " + e, source, Pos.NONE);
    }
  }

  /** Prefers SnakeYAML's problem mark and text, which point at the offending character. */
  private static PolicyResult<YamlNode> malformed(
      JsonProcessingException e, String text, String source) {
    if (e.getCause() instanceof ReaderException r) {
      String msg =
          "malformed YAML: character U+%04X is not allowed in YAML text"
              .formatted(r.getCodePoint());
      return fail(PolicyErrorCode.YAML_SYNTAX, msg, source, posOfCodePoint(text, r.getPosition()));
    }
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      String what =
          m.getContext() == null ? m.getProblem() : m.getContext() + ": " + m.getProblem();
      Pos at = new Pos(mark.getLine() + 1, mark.getColumn() + 1);
      return fail(PolicyErrorCode.YAML_SYNTAX, "malformed YAML: " + what, source, at);
    }
    String msg = "malformed YAML: " + describe(e.getOriginalMessage());
    return fail(PolicyErrorCode.YAML_SYNTAX, msg, source, pos(e.getLocation()));
  }

  private static PolicyResult<YamlNode> fail(
      PolicyErrorCode code, String message, String source, Pos pos) {
    return PolicyResult.failed(List.of(PolicyError.at(code, message, source, pos)));
  }

  /**
   * The line and column (both 1-based, counted in code points) of the code point at {@code index}.
   */
  static Pos posOfCodePoint(String text, int index) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0;
        i < text.length() && seen < index;
        i += Character.charCount(text.codePointAt(i))) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
      seen++;
    }
    return new Pos(line, column);
  }

  static Pos pos(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return Pos.NONE;
    }
    return new Pos(loc.getLineNr(), Math.max(loc.getColumnNr(), 1));
  }

  /**
   * SnakeYAML messages repeat the source snippet and a caret on indented lines; keep the unindented
   * lines (context and problem) only.
   */
  static String describe(String raw) {
    if (raw == null) {
      return "unreadable input";
    }
    String text =
        raw.lines()
            .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
            .map(String::strip)
            .collect(Collectors.joining(": "));
    return text.isEmpty() ? raw.strip() : text;
  }

  /** A problem found while building the tree, with its position. */
  private static final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient PolicyErrorCode code;
    final transient Pos pos;

    Problem(PolicyErrorCode code, String message, Pos pos) {
      super(message, null, false, false);
      this.code = code;
      this.pos = pos;
    }
  }

  /** Recursive descent over the token stream; {@code path} names the value being read. */
  private record Builder(YAMLParser p) {

    YamlNode value(String path, int depth) throws IOException {
      Pos at = pos(p.currentTokenLocation());
      if (depth > MAX_DEPTH) {
        String msg = "YAML nesting deeper than " + MAX_DEPTH + " levels at '" + path + "'";
        throw new Problem(PolicyErrorCode.YAML_SYNTAX, msg, at);
      }
      return switch (p.currentToken()) {
        case START_OBJECT -> mapping(path, depth, at);
        case START_ARRAY -> sequence(path, depth, at);
        default -> scalar(path, at);
      };
    }

    private YamlNode mapping(String path, int depth, Pos at) throws IOException {
      List<YamlNode.Field> fields = new ArrayList<>();
      while (nextKey(path) == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        Pos keyPos = pos(p.currentTokenLocation());
        p.nextToken();
        fields.add(new YamlNode.Field(key, keyPos, value(child(path, key), depth + 1)));
      }
      return new YamlNode.Mapping(List.copyOf(fields), at);
    }

    /** Advances to the next key, turning Jackson's duplicate-key failure into a Problem. */
    private JsonToken nextKey(String path) throws IOException {
      try {
        return p.nextToken();
      } catch (JsonProcessingException e) {
        String orig = e.getOriginalMessage();
        if (orig != null && orig.startsWith("Duplicate field")) {
          String key = child(path, p.currentName());
          Pos at = pos(p.currentTokenLocation());
          throw new Problem(PolicyErrorCode.DUPLICATE_KEY, "duplicate key '" + key + "'", at);
        }
        throw e;
      }
    }

    private YamlNode sequence(String path, int depth, Pos at) throws IOException {
      List<YamlNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(path + "[" + items.size() + "]", depth + 1));
      }
      return new YamlNode.Sequence(List.copyOf(items), at);
    }

    private YamlNode scalar(String path, Pos at) throws IOException {
      if (p.isCurrentAlias()) {
        String msg = "YAML aliases are not supported ('*" + p.getText() + "' at '" + path + "')";
        throw new Problem(PolicyErrorCode.YAML_SYNTAX, msg, at);
      }
      JsonToken t = p.currentToken();
      YamlNode.ScalarType type =
          switch (t) {
            case VALUE_NUMBER_INT -> YamlNode.ScalarType.INT;
            case VALUE_NUMBER_FLOAT -> YamlNode.ScalarType.FLOAT;
            case VALUE_TRUE, VALUE_FALSE -> YamlNode.ScalarType.BOOL;
            case VALUE_NULL -> YamlNode.ScalarType.NULL;
            default -> YamlNode.ScalarType.STRING;
          };
      BigInteger intValue = type == YamlNode.ScalarType.INT ? intValue() : null;
      String text = type == YamlNode.ScalarType.NULL ? "" : p.getText();
      return new YamlNode.Scalar(type, text, intValue, at);
    }

    private BigInteger intValue() {
      try {
        return p.getBigIntegerValue();
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private static String child(String path, String key) {
      return path.isEmpty() ? key : path + "." + key;
    }
  }
}
