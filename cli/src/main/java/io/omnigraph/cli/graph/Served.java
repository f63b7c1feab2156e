package io.omnigraph.cli.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnigraph.cli.CliException;
import io.omnigraph.cli.ExitCodes;
import io.omnigraph.cli.served.Paths;
import io.omnigraph.cli.served.ServedGraph;
import io.omnigraph.cli.served.ServerError;
import io.omnigraph.engine.root.ChangeFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The served side of the data verbs (08 §2 "any"): each method calls the 06 §6 route and returns
 * (or prints) the same object the embedded command produces; {@code uri} fields are the graph's URL
 * ({@code <server>/graphs/<id>}).
 */
final class Served {
  static final String IF_COMMIT_HEADER = "Omnigraph-If-Graph-Commit";

  private Served() {}

  private static ObjectNode obj() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** The served write echo of 08 §4. */
  static void echo(PrintWriter err, String verb, ServedGraph g, boolean quiet) {
    if (!quiet) {
      err.println("omnigraph " + verb + " → " + g.url() + " (served)");
      err.flush();
    }
  }

  /** An {@code --as} on a served write is refused (the token names the actor). */
  static void refuseActor(String actor) {
    if (actor != null) {
      throw new CliException(
          "--as is not accepted on served writes: the server records the actor its bearer token"
              + " was minted for; drop --as",
          ExitCodes.USAGE);
    }
  }

  /**
   * {@code query}: ad-hoc ({@code /query}) when a source is given, else stored query {@code name}
   * ({@code /queries/<name>}, asserted to be a read). Returns the read envelope.
   */
  static ObjectNode query(ServedGraph g, String name, QueryInput in, String branch, String snapshot)
      throws IOException {
    ObjectNode body = obj();
    String path = invocation(body, name, in, false);
    putIf(body, "branch", branch);
    putIf(body, "snapshot", snapshot);
    return (ObjectNode) g.post(path, body);
  }

  /** {@code mutate}: ad-hoc ({@code /mutate}) or stored, conditional with {@code ifCommit}. */
  static ObjectNode mutate(
      ServedGraph g, String name, QueryInput in, String branch, String ifCommit)
      throws IOException {
    ObjectNode body = obj();
    String path = invocation(body, name, in, true);
    putIf(body, "branch", branch);
    if (ifCommit == null) {
      return withUri(g, g.post(path, body));
    }
    return withUri(g, g.post(path + "/if-graph-commit", body, Map.of(IF_COMMIT_HEADER, ifCommit)));
  }

  /**
   * Fills {@code body} with the query text (ad-hoc) or the read/mutation assertion (stored) and the
   * parameters; returns the route under the graph: {@code /query}, {@code /mutate} or {@code
   * /queries/<name>}.
   */
  private static String invocation(ObjectNode body, String name, QueryInput in, boolean mutation)
      throws IOException {
    String path;
    if (in.hasSource()) {
      body.put("query", in.source().text());
      String select = in.name != null ? in.name : name;
      if (select != null) {
        body.put("name", select);
      }
      path = mutation ? "/mutate" : "/query";
    } else {
      path = "/queries/" + Paths.segment(storedName(name, in, mutation ? "mutate" : "query"));
      body.put("expect_mutation", mutation);
    }
    body.set("params", in.params());
    return path;
  }

  private static String storedName(String name, QueryInput in, String verb) {
    String n = name != null ? name : in.name;
    if (n == null) {
      throw new CliException(
          verb
              + " needs a stored query NAME (served catalog), or the query source with --query"
              + " <file> or -e <gq>",
          ExitCodes.USAGE);
    }
    return n;
  }

  /** {@code {uri, …answer}}: the embedded JSON shape of write results. */
  static ObjectNode withUri(ServedGraph g, JsonNode answer) {
    ObjectNode o = obj();
    o.put("uri", g.url());
    answer
        .fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals("uri")) {
                o.set(e.getKey(), e.getValue());
              }
            });
    return o;
  }

  /** {@code load} through {@code /load/ndjson}. */
  static ObjectNode load(ServedGraph g, byte[] data, String mode, String branch, String from) {
    String q = Paths.query("branch", branch, "from", from, "mode", mode);
    return withUri(g, g.postBytes("/load/ndjson" + q, "application/x-ndjson", data));
  }

  static JsonNode snapshot(ServedGraph g, String branch) {
    return g.get("/snapshot" + Paths.query("branch", branch));
  }

  /** The head commit id of {@code branch} (newest of {@code /commits}), or null. */
  static String head(ServedGraph g, String branch) {
    JsonNode first = commits(g, branch).path("commits").path(0);
    return first.isMissingNode() ? null : first.path("graph_commit_id").asText(null);
  }

  static JsonNode commits(ServedGraph g, String branch) {
    return g.get("/commits" + Paths.query("branch", branch));
  }

  static JsonNode commit(ServedGraph g, String id) {
    return g.get("/commits/" + Paths.segment(id));
  }

  static JsonNode branches(ServedGraph g) {
    return g.get("/branches");
  }

  /** {@code branch create}; adds the new branch's manifest version when it can be read. */
  static ObjectNode branchCreate(ServedGraph g, String name, String from) {
    ObjectNode body = obj();
    body.put("name", name);
    putIf(body, "from", from);
    ObjectNode o = withUri(g, g.post("/branches", body));
    try {
      o.put("graph_manifest_version", snapshot(g, name).path("graph_manifest_version").asLong());
    } catch (ServerError e) {
      // the token may create branches without reading them; the version is then unknown
    }
    return o;
  }

  static ObjectNode branchDelete(ServedGraph g, String name) {
    return withUri(g, g.delete("/branches/" + Paths.segment(name)));
  }

  static ObjectNode merge(ServedGraph g, String source, String target, boolean delete) {
    ObjectNode body = obj();
    body.put("source", source);
    putIf(body, "target", target);
    if (delete) {
      body.put("delete_branch", true);
    }
    return withUri(g, g.post("/branches/merge", body));
  }

  /** {@code export}: streams the NDJSON answer to {@code out}. */
  static void export(ServedGraph g, String branch, java.util.List<String> types, PrintWriter out)
      throws IOException {
    ObjectNode body = obj();
    putIf(body, "branch", branch);
    if (types != null) {
      types.forEach(body.putArray("type_names")::add);
    }
    try (InputStream in = g.postForStream("/export", body);
        WriterOutputStream w = new WriterOutputStream(out)) {
      in.transferTo(w);
    }
  }

  /** {@code commit changes}: one page of a commit's changes ({@code CommitChanges} JSON). */
  static JsonNode commitChanges(
      ServedGraph g, String id, ChangeFilter filter, Integer limit, String pageToken) {
    java.util.List<String> q =
        new java.util.ArrayList<>(
            java.util.Arrays.asList("page_token", pageToken, "limit", text(limit)));
    filterParams(q, filter);
    return g.get(
        "/commits/" + Paths.segment(id) + "/changes" + Paths.query(q.toArray(String[]::new)));
  }

  /** {@code changes poll}: one feed page ({@code ChangeFeedPage} JSON). */
  static JsonNode pollChanges(
      ServedGraph g,
      String branch,
      String cursor,
      String start,
      String pageToken,
      ChangeFilter filter,
      Integer limit) {
    java.util.List<String> q =
        new java.util.ArrayList<>(
            java.util.Arrays.asList(
                "branch",
                branch,
                "cursor",
                cursor,
                "start",
                start,
                "page_token",
                pageToken,
                "limit",
                text(limit)));
    filterParams(q, filter);
    return g.get("/changes" + Paths.query(q.toArray(String[]::new)));
  }

  /** {@code changes baseline}: the NDJSON stream of {@code POST /changes/baseline}. */
  static InputStream baseline(ServedGraph g, String branch, ChangeFilter filter) {
    ObjectNode body = obj();
    putIf(body, "branch", branch);
    putAll(body, "kind", filter.kinds());
    putAll(body, "type", filter.types());
    putAll(body, "op", filter.ops());
    return g.postForStream("/changes/baseline", body);
  }

  /** Repeated {@code kind}/{@code type}/{@code op} query parameters, sorted. */
  private static void filterParams(java.util.List<String> q, ChangeFilter f) {
    for (var e :
        java.util.List.of(
            Map.entry("kind", f.kinds()), Map.entry("type", f.types()), Map.entry("op", f.ops()))) {
      new java.util.TreeSet<>(e.getValue())
          .forEach(
              v -> {
                q.add(e.getKey());
                q.add(v);
              });
    }
  }

  private static String text(Integer i) {
    return i == null ? null : i.toString();
  }

  static String schema(ServedGraph g) {
    return g.get("/schema").path("schema_source").asText();
  }

  private static void putAll(ObjectNode o, String k, java.util.Set<String> values) {
    if (!values.isEmpty()) {
      new java.util.TreeSet<>(values).forEach(o.putArray(k)::add);
    }
  }

  private static void putIf(ObjectNode o, String k, String v) {
    if (v != null) {
      o.put(k, v);
    }
  }
}
