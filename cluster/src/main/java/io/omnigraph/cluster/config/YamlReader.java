package io.omnigraph.cluster.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.omnigraph.cluster.Diagnostics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code cluster.yaml} into a {@link YNode} tree with line numbers. Duplicate keys are
 * reported per mapping level ({@code duplicate_yaml_key}, path = dotted key path, message cites
 * both lines) and the later value is dropped; syntax errors are {@code invalid_cluster_yaml}.
 */
public final class YamlReader {
  private static final int MAX_DEPTH = 64;
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlReader() {}

  /** The document root, or empty after reporting why not. */
  public static Optional<YNode> read(String text, String file, Diagnostics out) {
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() == null) {
        out.error("invalid_cluster_yaml", file, "cluster.yaml is empty; start with `version: 1`");
        return Optional.empty();
      }
      YNode root = new Builder((YAMLParser) p, out).value("", 0);
      if (p.nextToken() != null) {
        out.error("invalid_cluster_yaml", file, "cluster.yaml must hold exactly one YAML document");
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : " (line " + loc.getLineNr() + ")";
      out.error(
          "invalid_cluster_yaml",
          file,
          "malformed YAML" + where + ": " + firstLine(e.getOriginalMessage()));
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      out.error("invalid_cluster_yaml", file, "malformed YAML: " + e.getMessage());
      return Optional.empty();
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unreadable input";
    }
    return s.lines().filter(l -> !l.isBlank()).findFirst().orElse(s).strip();
  }

  private record Builder(YAMLParser p, Diagnostics out) {
    YNode value(String path, int depth) throws IOException {
      int line = line(p);
      if (depth > MAX_DEPTH) {
        throw new IOException("YAML nesting deeper than " + MAX_DEPTH + " levels at " + path);
      }
      if (p.isCurrentAlias()) {
        throw new IOException("YAML aliases are not supported (at " + path + ")");
      }
      return switch (p.currentToken()) {
        case START_OBJECT -> mapping(path, depth, line);
        case START_ARRAY -> sequence(path, depth, line);
        default -> scalar(line);
      };
    }

    private YNode mapping(String path, int depth, int line) throws IOException {
      Map<String, YNode> entries = new LinkedHashMap<>();
      Map<String, Integer> lines = new LinkedHashMap<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        p.nextToken();
        String child = path.isEmpty() ? key : path + "." + key;
        YNode v = value(child, depth + 1);
        if (entries.containsKey(key)) {
          out.error(
              "duplicate_yaml_key",
              child,
              "duplicate key '"
                  + key
                  + "' at line "
                  + keyLine
                  + " (first defined at line "
                  + lines.get(key)
                  + "); keep one of them");
          continue;
        }
        entries.put(key, v);
        lines.put(key, keyLine);
      }
      return new YNode.Mapping(entries, lines, line);
    }

    private YNode sequence(String path, int depth, int line) throws IOException {
      List<YNode> items = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        items.add(value(path + "[" + items.size() + "]", depth + 1));
      }
      return new YNode.Sequence(items, line);
    }

    private YNode scalar(int line) throws IOException {
      JsonToken t = p.currentToken();
      YNode.Scalar.Kind kind =
          switch (t) {
            case VALUE_NUMBER_INT -> YNode.Scalar.Kind.INT;
            case VALUE_NUMBER_FLOAT -> YNode.Scalar.Kind.FLOAT;
            case VALUE_TRUE, VALUE_FALSE -> YNode.Scalar.Kind.BOOL;
            case VALUE_NULL -> YNode.Scalar.Kind.NULL;
            default -> YNode.Scalar.Kind.STRING;
          };
      return new YNode.Scalar(kind, kind == YNode.Scalar.Kind.NULL ? "" : p.getText(), line);
    }

    private static int line(JsonParser p) {
      JsonLocation loc = p.currentTokenLocation();
      return loc == null ? 0 : loc.getLineNr();
    }
  }
}
