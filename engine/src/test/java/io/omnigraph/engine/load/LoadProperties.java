package io.omnigraph.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.omnigraph.compiler.testing.Mutations;
import io.omnigraph.compiler.testing.PropertyCheck;
import io.omnigraph.engine.graph.GraphSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random batches against a reference model of merge (last wins per id, rows in first-appearance
 * order), line-local faults reported at their line, and mutated text that only ever fails with a
 * {@code line N:} LoadException.
 */
class LoadProperties {
  private static final GraphSnapshot EMPTY = LoadTesting.empty();

  /** A valid merge batch: persons from a small pool, Knows edges, some with pooled ids. */
  static List<String> validBatch(Random r) {
    List<String> lines = new ArrayList<>();
    List<String> referenced = new ArrayList<>();
    int n = r.nextInt(30);
    for (int i = 0; i < n; i++) {
      switch (r.nextInt(5)) {
        case 0, 1 -> lines.add(person(r));
        case 2, 3 -> lines.add(knows(r, referenced));
        default -> lines.add(r.nextBoolean() ? "" : " \t");
      }
    }
    List<String> declared = new ArrayList<>();
    for (String l : lines) {
      if (l.contains("\"slug\":\"")) {
        declared.add(l.replaceAll(".*\"slug\":\"(p\\d)\".*", "$1"));
      }
    }
    referenced.stream()
        .filter(p -> !declared.contains(p))
        .distinct()
        .forEach(p -> lines.add(LoadTesting.person(p)));
    return lines;
  }

  private static String person(Random r) {
    String age = r.nextBoolean() ? "" : ",\"age\":" + r.nextInt(151);
    return "{\"type\":\"Person\",\"data\":{\"slug\":\"p"
        + r.nextInt(6)
        + "\",\"name\":\"n"
        + r.nextInt(100)
        + "\""
        + age
        + "}}";
  }

  private static String knows(Random r, List<String> referenced) {
    String from = "p" + r.nextInt(6);
    String to = "p" + r.nextInt(6);
    referenced.add(from);
    referenced.add(to);
    String id = r.nextInt(3) == 0 ? "\"data\":{\"id\":\"k" + r.nextInt(3) + "\"}," : "";
    return "{\"edge\":\"Knows\"," + id + "\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
  }

  private record Row(String id, String a, String b, int line) {}

  /** The reference model: merge keeps the first position of an id and the last values. */
  private static void model(List<String> lines, Map<String, Row> persons, Map<String, Row> edges) {
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      int line = i + 1;
      if (l.startsWith("{\"type\"")) {
        String slug = l.replaceAll(".*\"slug\":\"(p\\d)\".*", "$1");
        String age = l.contains("\"age\"") ? l.replaceAll(".*\"age\":(\\d+).*", "$1") : null;
        persons.put(
            slug, new Row(slug, l.replaceAll(".*\"name\":\"([^\"]*)\".*", "$1"), age, line));
      } else if (l.startsWith("{\"edge\"")) {
        String id = l.contains("\"id\"") ? l.replaceAll(".*\"id\":\"(k\\d)\".*", "$1") : null;
        String from = l.replaceAll(".*\"from\":\"(p\\d)\".*", "$1");
        String to = l.replaceAll(".*\"to\":\"(p\\d)\".*", "$1");
        edges.put(id == null ? "#" + line : id, new Row(id, from, to, line));
      }
    }
  }

  @Test
  void mergeMatchesTheReferenceModel() {
    PropertyCheck.forAllValues(
        "merge model",
        3_000,
        LoadProperties::validBatch,
        lines -> {
          Map<String, Row> persons = new LinkedHashMap<>();
          Map<String, Row> edges = new LinkedHashMap<>();
          model(lines, persons, edges);
          String text = String.join("\n", lines);
          StagedBatch b = LoadTesting.read(LoadTesting.reader(EMPTY, LoadMode.MERGE), text);
          assertPersons(b, new ArrayList<>(persons.values()));
          assertEdges(b, new ArrayList<>(edges.values()));
          StagedBatch seq =
              LoadTesting.read(LoadTesting.reader(EMPTY, LoadMode.MERGE).parallel(false), text);
          assertThat(render(seq)).isEqualTo(render(b));
        });
  }

  private static void assertPersons(StagedBatch b, List<Row> expected) {
    StagedNodes p = b.nodes("Person").orElse(null);
    assertThat(p == null ? 0 : p.size()).isEqualTo(expected.size());
    for (int row = 0; row < expected.size(); row++) {
      Row e = expected.get(row);
      assertThat(p.id(row)).isEqualTo(e.id());
      assertThat(p.value(row, "name")).isEqualTo(e.a());
      assertThat(p.value(row, "age")).isEqualTo(e.b() == null ? null : Long.parseLong(e.b()));
      assertThat(p.line(row)).isEqualTo(e.line());
    }
  }

  private static void assertEdges(StagedBatch b, List<Row> expected) {
    StagedEdges k = b.edges("Knows").orElse(null);
    assertThat(k == null ? 0 : k.size()).isEqualTo(expected.size());
    for (int row = 0; row < expected.size(); row++) {
      Row e = expected.get(row);
      if (e.id() != null) {
        assertThat(k.id(row)).isEqualTo(e.id());
      } else {
        assertThat(k.id(row)).hasSize(26);
      }
      assertThat(k.src(row)).isEqualTo(e.a());
      assertThat(k.dst(row)).isEqualTo(e.b());
      assertThat(k.line(row)).isEqualTo(e.line());
    }
  }

  private static String render(StagedBatch b) {
    StringBuilder sb = new StringBuilder(b.summaryJson().toString());
    for (StagedEdges e : b.edges()) {
      for (int row = 0; row < e.size(); row++) {
        sb.append('\n').append(e.id(row)).append(e.src(row)).append(e.dst(row));
      }
    }
    return sb.toString();
  }

  private static final String[][] FAULTS = {
    {"not json", "bad_record"},
    {"{\"type\":\"Ghost\",\"data\":{}}", "unknown_type"},
    {
      "{\"type\":\"Person\",\"data\":{\"slug\":\"p0\",\"name\":\"x\",\"age\":999}}",
      "range_violation"
    },
    {"{\"type\":\"Person\",\"data\":{\"slug\":\"p0\",\"nmae\":\"x\"}}", "unknown_property"},
    {"{\"type\":\"Person\",\"edge\":\"Knows\"}", "bad_record"},
    {"{\"type\":\"Person\",\"data\":{\"slug\":\"p0\",\"slug\":\"p1\"}}", "duplicate_member"},
    {"{\"type\":\"Person\",\"data\":{\"slug\":\"p0\",\"name\":7}}", "type_mismatch"},
    {"{\"type\":\"Person\",\"data\":{\"slug\":\"p0\"}}", "missing_property"},
    {"{\"edge\":\"Knows\",\"from\":\"p0\"}", "bad_record"},
  };

  @Test
  void aLineLocalFaultIsReportedAtItsLine() {
    PropertyCheck.forAllValues(
        "line-local fault",
        3_000,
        r -> {
          List<String> lines = new ArrayList<>(validBatch(r));
          lines.add(LoadTesting.person("p0"));
          int at = r.nextInt(lines.size());
          String[] fault = FAULTS[r.nextInt(FAULTS.length)];
          lines.set(at, fault[0]);
          return new Object[] {lines, at + 1, fault[1]};
        },
        input -> {
          @SuppressWarnings("unchecked")
          List<String> lines = (List<String>) input[0];
          LoadException e = LoadTesting.fails(EMPTY, LoadMode.MERGE, String.join("\n", lines));
          assertThat(e.line()).as(e.getMessage()).isEqualTo((int) input[1]);
          assertThat(e.code()).as(e.getMessage()).isEqualTo(input[2]);
        });
  }

  @Test
  void mutatedBatchesFailOnlyWithLineNumberedLoadErrors() {
    List<String> seeds = new ArrayList<>();
    Random r = new Random(11);
    for (int i = 0; i < 20; i++) {
      seeds.add(String.join("\n", validBatch(r)));
    }
    seeds.add(
        "{\"type\":\"Person\",\"data\":{\"slug\":\"a\",\"name\":\"A\",\"tags\":[\"x\"],"
            + "\"emb\":[1,2,3],\"born\":\"2024-01-01\",\"seen\":1,\"email\":\"a@b.org\"}}\n"
            + "{\"type\":\"Org\",\"data\":{\"num\":1,\"name\":\"o\"}}\n"
            + "{\"edge\":\"WorksAt\",\"from\":\"a\",\"to\":\"[\\\"o\\\",\\\"1\\\"]\"}");
    PropertyCheck.forAll(
        "mutated batches",
        4_000, // each text is loaded in all three modes: 12,000 loads
        rnd -> Mutations.mutated(rnd, seeds),
        text -> {
          long lines = text.isEmpty() ? 0 : text.split("\n", -1).length;
          for (LoadMode mode : LoadMode.values()) {
            try {
              LoadTesting.load(EMPTY, mode, text);
            } catch (LoadException e) {
              assertThat(e.getMessage()).startsWith("line " + e.line() + ": ");
              assertThat(e.line()).isBetween(1L, lines + 1);
            }
          }
        });
  }
}
