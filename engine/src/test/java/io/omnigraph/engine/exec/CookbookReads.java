package io.omnigraph.engine.exec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * The cookbook acceptance reads for other modules' tests (exported in the engine's test-jar): every
 * stored non-search read of every cookbook with its parameters and the rows it must return on the
 * cookbook's {@code seed.jsonl}. The rows come from the executor over the seed in memory, after
 * {@link CookbookTest}'s independent evaluation of the JSONL (key lookups, one-hop traversals,
 * ordering) has been asserted for the shapes it covers — so a test comparing a real graph's rows
 * with {@link Read#expected()} checks them against the JSONL transitively.
 */
public final class CookbookReads {
  /**
   * One read: its cookbook folder, query file and name, the parameters, and the expected result
   * ({@code {columns, rows, row_count}} of the read result JSON).
   */
  public record Read(
      String cookbook,
      Path dir,
      Path queryFile,
      String queryName,
      ObjectNode params,
      ObjectNode expected) {
    @Override
    public String toString() {
      return cookbook + "/" + queryName;
    }
  }

  private CookbookReads() {}

  public static List<Read> all() {
    return CookbookTest.cases().stream()
        .map(
            c -> {
              CookbookTest.check(c); // the independent evaluation, where the shape allows it
              ObjectNode json =
                  CookbookTest.execute(c).toJson(c.query().name(), ReadTarget.branch("main"), null);
              ObjectNode expected = Exec.JSON.createObjectNode();
              expected.set("columns", json.get("columns"));
              expected.set("rows", json.get("rows"));
              expected.set("row_count", json.get("row_count"));
              return new Read(
                  c.cookbook(),
                  c.file().getParent().getParent(),
                  c.file(),
                  c.query().name(),
                  CookbookTest.params(c),
                  expected);
            })
        .toList();
  }
}
