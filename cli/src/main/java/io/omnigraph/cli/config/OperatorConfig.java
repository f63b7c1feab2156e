package io.omnigraph.cli.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omnigraph.cli.CliEnv;
import io.omnigraph.cli.CliException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operator config {@code ~/.omnigraph/config.yaml} (08 §5). The folder is {@code
 * $OMNIGRAPH_HOME} (tilde-expanded) when set, else {@code ~/.omnigraph}; the system property
 * {@value #HOME_PROPERTY} overrides both (embedding and tests). A missing file is an empty config.
 *
 * <p>Parsing is strict where it matters: the file must be a YAML mapping, duplicate keys anywhere
 * are errors, known sections must have the documented shapes. Unknown top-level keys and unknown
 * keys of the sections read here produce warnings ({@link #warnings()}) and are ignored (forward
 * compatibility). Read so far: {@code operator.actor} (default for {@code --as}) and {@code
 * clusters.<name>.root} ({@code --cluster <name>}), and {@code servers:}, {@code profiles:}, {@code
 * defaults:} ({@link ScopeConfig}, served and default scopes). The whole document is kept in {@link
 * #document()} so other readers ({@code clusters:}, {@code servers:}, {@code profiles:}, …) can add
 * typed accessors here.
 */
public final class OperatorConfig {
  /** System property naming the operator folder (wins over {@code $OMNIGRAPH_HOME}). */
  public static final String HOME_PROPERTY = "omnigraph.home";

  static final Set<String> SECTIONS =
      Set.of("operator", "servers", "defaults", "clusters", "profiles", "aliases");

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  private final Path path;
  private final JsonNode document;
  private final String actor;
  private final Map<String, String> clusters;
  private final ScopeConfig scopes;
  private final List<String> warnings;

  private OperatorConfig(Path path, JsonNode document, String actor, List<String> warnings) {
    this.path = path;
    this.document = document;
    this.actor = actor;
    this.clusters = clusters(path, document, warnings);
    this.scopes = ScopeConfig.parse(path, document, warnings);
    this.warnings = List.copyOf(warnings);
  }

  /** The operator folder for {@code env} (see the class comment). */
  public static Path home(Map<String, String> env) {
    String prop = System.getProperty(HOME_PROPERTY);
    if (prop != null && !prop.isBlank()) {
      return Path.of(expand(prop));
    }
    String h = env.get("OMNIGRAPH_HOME");
    if (h != null && !h.isBlank()) {
      return Path.of(expand(h));
    }
    return Path.of(System.getProperty("user.home"), ".omnigraph");
  }

  private static String expand(String p) {
    if (p.equals("~") || p.startsWith("~/")) {
      return System.getProperty("user.home") + p.substring(1);
    }
    return p;
  }

  /** Loads {@code <home>/config.yaml}; a missing file is an empty config. */
  public static OperatorConfig load(Map<String, String> env) {
    Path file = home(env).resolve("config.yaml");
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      return new OperatorConfig(file, MissingNode.getInstance(), null, List.of());
    } catch (IOException e) {
      throw new CliException("cannot read operator config " + file + ": " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Parses the text of an operator config file ({@code path} names it in messages). */
  public static OperatorConfig parse(Path path, String text) {
    JsonNode doc;
    try {
      doc = YAML.readTree(text);
    } catch (JsonProcessingException e) {
      throw new CliException(
          "operator config " + path + " is not valid YAML: " + e.getOriginalMessage());
    }
    if (doc == null || doc.isMissingNode() || doc.isNull()) {
      return new OperatorConfig(path, MissingNode.getInstance(), null, List.of());
    }
    if (!doc.isObject()) {
      throw new CliException(
          "operator config " + path + " must be a YAML mapping (operator:, defaults:, …)");
    }
    List<String> warnings = new ArrayList<>();
    for (Iterator<String> it = doc.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!SECTIONS.contains(key)) {
        warnings.add("operator config " + path + ": unknown key '" + key + "' ignored");
      }
    }
    return new OperatorConfig(path, doc, operatorActor(path, doc, warnings), warnings);
  }

  private static String operatorActor(Path path, JsonNode doc, List<String> warnings) {
    JsonNode op = doc.get("operator");
    if (op == null || op.isNull()) {
      return null;
    }
    if (!op.isObject()) {
      throw new CliException("operator config " + path + ": operator must be a mapping");
    }
    for (Iterator<String> it = op.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!key.equals("actor")) {
        warnings.add("operator config " + path + ": unknown key 'operator." + key + "' ignored");
      }
    }
    JsonNode a = op.get("actor");
    if (a == null || a.isNull()) {
      return null;
    }
    if (!a.isTextual() || a.asText().isBlank()) {
      throw new CliException(
          "operator config " + path + ": operator.actor must be a non-empty string");
    }
    return a.asText();
  }

  private static Map<String, String> clusters(Path path, JsonNode doc, List<String> warnings) {
    JsonNode section = doc.path("clusters");
    if (section.isMissingNode() || section.isNull()) {
      return Map.of();
    }
    if (!section.isObject()) {
      throw new CliException(
          "operator config " + path + ": clusters must be a mapping of name → { root: <uri> }");
    }
    Map<String, String> out = new TreeMap<>();
    section
        .fields()
        .forEachRemaining(
            e -> {
              JsonNode r = e.getValue().path("root");
              if (r.isTextual() && !r.asText().isBlank()) {
                out.put(e.getKey(), r.asText());
              } else {
                warnings.add(
                    "operator config "
                        + path
                        + ": clusters."
                        + e.getKey()
                        + " has no root (ignored)");
              }
            });
    return Map.copyOf(out);
  }

  /** Where the config was (or would be) read from. */
  public Path path() {
    return path;
  }

  /** The parsed document (a missing node when the file is absent or empty). */
  public JsonNode document() {
    return document;
  }

  /** {@code operator.actor}, or null. */
  public String actor() {
    return actor;
  }

  /** {@code clusters:} name → storage root (or config dir). */
  public Map<String, String> clusters() {
    return clusters;
  }

  /** {@code servers:}, {@code profiles:} and {@code defaults:} (08 §5). */
  public ScopeConfig scopes() {
    return scopes;
  }

  public List<String> warnings() {
    return warnings;
  }

  /** {@code --as} ({@code flag}) wins; else {@code operator.actor}; else null. */
  public String resolveActor(String flag) {
    return flag != null && !flag.isBlank() ? flag : actor;
  }

  /**
   * The actor of a direct write: {@code --as} when given, else {@code operator.actor} of the
   * operator config, else null (08 §1). Config warnings go to {@code err}.
   */
  public static String resolveActor(String explicit, PrintWriter err) {
    if (explicit != null) {
      return explicit;
    }
    OperatorConfig c = load(CliEnv.get());
    c.warnings().forEach(w -> err.println("warning: " + w));
    err.flush();
    return c.actor();
  }
}
