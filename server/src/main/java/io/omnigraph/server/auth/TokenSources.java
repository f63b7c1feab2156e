package io.omnigraph.server.auth;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Loads bearer tokens from the environment (06 §4, decision 5). Exactly one source wins, by
 * precedence: AWS secret, then {@code …_TOKENS_FILE}, then {@code …_TOKENS_JSON}, then the single
 * {@code …_TOKEN} (actor {@code default}). Each lower-precedence variable that is also set is named
 * in a warning. Invalid input is a {@link TokenSourceException} naming the variable.
 */
public final class TokenSources {
  public static final String AWS_SECRET = "OMNIGRAPH_SERVER_BEARER_TOKENS_AWS_SECRET";
  public static final String FILE = "OMNIGRAPH_SERVER_BEARER_TOKENS_FILE";
  public static final String JSON = "OMNIGRAPH_SERVER_BEARER_TOKENS_JSON";
  public static final String SINGLE = "OMNIGRAPH_SERVER_BEARER_TOKEN";
  public static final String DEFAULT_ACTOR = "default";

  private static final List<String> ORDER = List.of(AWS_SECRET, FILE, JSON, SINGLE);
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  /** What was loaded: the winning source's name, the tokens and the ignored variables. */
  public record Loaded(String sourceName, TokenTable tokens, List<String> warnings) {}

  /** A token source that cannot be used; the message names the variable. */
  public static final class TokenSourceException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TokenSourceException(String message) {
      super(message);
    }
  }

  private TokenSources() {}

  public static Loaded load(Map<String, String> env) {
    String winner = null;
    List<String> warnings = new ArrayList<>();
    for (String var : ORDER) {
      if (!isSet(env, var)) {
        continue;
      }
      if (winner == null) {
        winner = var;
      } else {
        warnings.add(
            var + " is ignored: " + winner + " is set and takes precedence (unset one of them)");
      }
    }
    if (winner == null) {
      return new Loaded("env-or-file", TokenTable.of(Map.of()), warnings);
    }
    String value = env.get(winner).trim();
    return switch (winner) {
      case AWS_SECRET -> fromSecret(value, env, warnings);
      case FILE -> new Loaded("env-or-file", TokenTable.of(parse(readFile(value), FILE)), warnings);
      case JSON -> new Loaded("env-or-file", TokenTable.of(parse(value, JSON)), warnings);
      default -> new Loaded("env-or-file", TokenTable.of(Map.of(DEFAULT_ACTOR, value)), warnings);
    };
  }

  private static Loaded fromSecret(String secretId, Map<String, String> env, List<String> w) {
    Iterator<SecretTokenSource> it = ServiceLoader.load(SecretTokenSource.class).iterator();
    if (!it.hasNext()) {
      throw new TokenSourceException(
          AWS_SECRET
              + " is set, but this build of omnigraph-server has no AWS Secrets Manager support;"
              + " rebuild with the AWS token source (mvn -P aws package) or pass the tokens with "
              + FILE
              + " / "
              + JSON
              + " / "
              + SINGLE);
    }
    SecretTokenSource source = it.next();
    String text;
    try {
      text = source.fetch(secretId, env);
    } catch (RuntimeException e) {
      throw new TokenSourceException(
          AWS_SECRET + ": cannot read secret '" + secretId + "': " + e.getMessage());
    }
    return new Loaded(source.name(), TokenTable.of(parse(text, AWS_SECRET)), w);
  }

  private static boolean isSet(Map<String, String> env, String var) {
    String v = env.get(var);
    return v != null && !v.isBlank();
  }

  private static String readFile(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException | RuntimeException e) {
      throw new TokenSourceException(FILE + ": cannot read token file '" + path + "'");
    }
  }

  /** Parses {@code {"actor":"token",…}} with the 06 §4 validation. */
  static Map<String, String> parse(String text, String var) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (IOException e) {
      String m = String.valueOf(e.getMessage());
      if (m.startsWith("Duplicate field '")) {
        String actor = m.substring(17, m.indexOf('\'', 17));
        throw new TokenSourceException(var + ": duplicate actor '" + actor + "'");
      }
      throw new TokenSourceException(
          var + " is not valid JSON; expected an object {\"<actor>\": \"<token>\", …}");
    }
    if (root == null || !root.isObject()) {
      throw new TokenSourceException(var + " must be a JSON object {\"<actor>\": \"<token>\", …}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> seenTokens = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      String actor = e.getKey().trim();
      if (actor.isEmpty()) {
        throw new TokenSourceException(var + ": actor ids must not be blank");
      }
      if (!e.getValue().isTextual() || e.getValue().asText().trim().isEmpty()) {
        throw new TokenSourceException(
            var + ": the token of actor '" + actor + "' must be a non-blank string");
      }
      String token = e.getValue().asText().trim();
      if (out.containsKey(actor)) {
        throw new TokenSourceException(var + ": duplicate actor '" + actor + "'");
      }
      if (seenTokens.containsKey(token)) {
        throw new TokenSourceException(
            var
                + ": actors '"
                + seenTokens.get(token)
                + "' and '"
                + actor
                + "' share one token; every actor needs its own");
      }
      seenTokens.put(token, actor);
      out.put(actor, token);
    }
    return out;
  }
}
