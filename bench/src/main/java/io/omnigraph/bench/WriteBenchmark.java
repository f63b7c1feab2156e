package io.omnigraph.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.query.ir.CompiledQuery;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import io.omnigraph.engine.load.LoadMode;
import io.omnigraph.engine.root.GraphRoot;
import io.omnigraph.engine.root.MergeResult;
import io.omnigraph.engine.root.MutationResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Write latency on a local Lance-backed graph of {@value #PEOPLE} keyed nodes (one chain of Knows
 * edges): a single keyed insert, an update by key and a delete by key through {@code
 * GraphRoot.mutate} (each one graph commit, snapshot materialisation included), and a three-way
 * branch merge of a branch with {@value #CHANGED} changed entities (half updates, half inserts).
 * Single-shot per invocation for the merge (its setup prepares a fresh branch).
 */
@State(Scope.Benchmark)
@Fork(1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class WriteBenchmark {
  static final int PEOPLE = 10_000;
  static final int CHANGED = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA =
      "node Person { slug: String @key\n name: String\n age: I32? }\n"
          + "edge Knows: Person -> Person\n";
  private static final String QUERIES =
      """
      query ins($slug: String, $name: String) { insert Person { slug: $slug, name: $name } }
      query upd($slug: String, $age: I32) { update Person set { age: $age } where slug = $slug }
      query del($slug: String) { delete Person where slug = $slug }
      """;

  private Path dir;
  private GraphRoot root;
  private CompiledQuery ins;
  private CompiledQuery upd;
  private CompiledQuery del;
  private int counter;
  private String victim;
  private String branch;

  @Setup(Level.Trial)
  public void setup() throws IOException {
    dir = Files.createTempDirectory("omnigraph-write-bench");
    String uri = dir.resolve("g").toString();
    CompiledSchema schema = SchemaCompiler.compile("s.pg", SCHEMA).value();
    GraphRoot.init(uri, schema, "bench", Map.of());
    root = GraphRoot.open(uri, Map.of());
    StringBuilder seed = new StringBuilder();
    for (int i = 0; i < PEOPLE; i++) {
      seed.append(person("p" + i, i % 90));
      if (i > 0) {
        seed.append("{\"edge\":\"Knows\",\"from\":\"p")
            .append(i - 1)
            .append("\",\"to\":\"p")
            .append(i)
            .append("\"}\n");
      }
    }
    root.load(jsonl(seed.toString()), LoadMode.MERGE, "main", "bench");
    SourceText src = new SourceText("q.gq", QUERIES);
    ins = QueryCompiler.compileOne(root.catalog(), src, "ins").value();
    upd = QueryCompiler.compileOne(root.catalog(), src, "upd").value();
    del = QueryCompiler.compileOne(root.catalog(), src, "del").value();
  }

  private static String person(String slug, int age) {
    return "{\"type\":\"Person\",\"data\":{\"slug\":\""
        + slug
        + "\",\"name\":\"N\",\"age\":"
        + age
        + "}}\n";
  }

  private static ByteArrayInputStream jsonl(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode params(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public MutationResult insertKeyed() {
    String slug = "new" + counter++;
    return root.mutate(
        ins, params("{\"slug\":\"" + slug + "\",\"name\":\"x\"}"), "main", "b", null);
  }

  @Benchmark
  public MutationResult updateByKey() {
    String slug = "p" + (counter++ % PEOPLE);
    return root.mutate(upd, params("{\"slug\":\"" + slug + "\",\"age\":7}"), "main", "b", null);
  }

  /** Deletes a node inserted (untimed) just before each invocation. */
  @State(Scope.Benchmark)
  public static class Victim {
    String slug;
    int n;

    @Setup(Level.Invocation)
    public void insert(WriteBenchmark b) {
      slug = "victim" + n++;
      b.root.mutate(b.ins, params("{\"slug\":\"" + slug + "\",\"name\":\"v\"}"), "main", "b", null);
    }
  }

  @Benchmark
  public MutationResult deleteByKey(Victim v) {
    return root.mutate(del, params("{\"slug\":\"" + v.slug + "\"}"), "main", "b", null);
  }

  /** A branch with {@value #CHANGED} changed entities and one change on main (untimed). */
  @State(Scope.Benchmark)
  public static class Branch {
    String name;
    int n;

    @Setup(Level.Invocation)
    public void prepare(WriteBenchmark b) throws IOException {
      name = "change" + n++;
      b.root.createBranch(name, "main");
      StringBuilder batch = new StringBuilder();
      for (int i = 0; i < CHANGED / 2; i++) {
        batch.append(person("p" + i, 100)); // updates
        batch.append(person(name + "-" + i, 1)); // inserts
      }
      b.root.load(jsonl(batch.toString()), LoadMode.MERGE, name, "bench");
      b.root.mutate(
          b.ins, params("{\"slug\":\"main" + name + "\",\"name\":\"m\"}"), "main", "b", null);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public MergeResult merge10k(Branch br) {
    return root.merge(br.name, "main", "bench", false);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    root.close();
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
