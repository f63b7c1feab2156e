package io.omnigraph.bench;

import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.query.CompiledQueryFile;
import io.omnigraph.compiler.query.QueryCompiler;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.compiler.source.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse + type-check throughput over the cookbook corpus. {@code file100} is a 100-query file made
 * of the cookbook's stored queries (renamed {@code q0…q99}, cycling through them) compiled against
 * the cookbook schema — the target is under 20 ms warm. {@code queriesPerSecond} reports
 * the same work as queries per second; {@code schema} compiles the cookbook schema.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompilerBenchmark {
  static final int QUERIES = 100;

  @Param({"industry-intel", "pharma-intel"})
  public String book;

  private String schemaText;
  private Catalog catalog;
  private SourceText file100;

  @Setup
  public void setup() {
    Path dir = BenchFixtures.cookbooks().resolve(book);
    schemaText = BenchFixtures.read(dir.resolve("schema.pg"));
    catalog = SchemaCompiler.compile("schema.pg", schemaText).value().catalog();
    file100 = new SourceText("file100.gq", hundredQueries(dir));
    Result<CompiledQueryFile> check = QueryCompiler.compile(catalog, file100);
    if (!check.ok()) {
      throw new IllegalStateException("benchmark corpus does not compile: " + check.errors());
    }
  }

  /** The cookbook's query declarations, renamed q0…q99, cycling until there are 100. */
  static String hundredQueries(Path dir) {
    List<String> decls = new ArrayList<>();
    Pattern start = Pattern.compile("(?m)^query\\s+\\w+");
    for (Path f : BenchFixtures.queryFiles(dir)) {
      String text = BenchFixtures.read(f);
      Matcher m = start.matcher(text);
      List<Integer> starts = new ArrayList<>();
      while (m.find()) {
        starts.add(m.start());
      }
      for (int i = 0; i < starts.size(); i++) {
        int end = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
        decls.add(text.substring(starts.get(i), end));
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < QUERIES; i++) {
      sb.append(decls.get(i % decls.size()).replaceFirst("^query\\s+\\w+", "query q" + i))
          .append('\n');
    }
    return sb.toString();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public Result<CompiledQueryFile> file100() {
    return QueryCompiler.compile(catalog, file100);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(QUERIES)
  public Result<CompiledQueryFile> queriesPerSecond() {
    return QueryCompiler.compile(catalog, file100);
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Result<CompiledSchema> schema() {
    return SchemaCompiler.compile("schema.pg", schemaText);
  }
}
