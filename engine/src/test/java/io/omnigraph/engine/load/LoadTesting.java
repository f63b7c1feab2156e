package io.omnigraph.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omnigraph.compiler.diag.Result;
import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.CompiledSchema;
import io.omnigraph.compiler.schema.SchemaCompiler;
import io.omnigraph.engine.graph.GraphSnapshot;
import io.omnigraph.engine.graph.InMemoryGraph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Shared helpers: a schema covering every feature, empty snapshots, reading strings. */
final class LoadTesting {
  static final String SCHEMA =
      """
      node Person {
        slug: String @key
        name: String
        age: I32?
        score: F64?
        ratio: F32?
        big: I64?
        ubig: U64?
        small: U32?
        active: Bool?
        born: Date?
        seen: DateTime?
        tags: [String]?
        nums: [I64]?
        emb: Vector(3)?
        photo: Blob?
        mood: enum(happy, sad)?
        email: String?
        @range(age, 0..150)
        @range(ratio, ..0.1)
        @check(email, "[a-z]+@[a-z]+\\\\.org")
        @unique(email)
      }
      node Org {
        name: String
        num: I64
        @key(num, name)
      }
      node Day {
        day: Date @key
        label: String?
      }
      node Note {
        text: String
        lang: String?
        @unique(lang, text)
      }
      node Doc {
        text: String?
        emb: Vector(3) @embed("text")
      }
      edge Knows: Person -> Person {
        since: Date?
      }
      edge WorksAt: Person -> Org @card(0..1)
      edge Wrote: Note -> Person @card(1..2) {
        role: String?
        @unique(src, dst)
      }
      """;

  private LoadTesting() {}

  static Catalog catalog(String schema) {
    Result<CompiledSchema> r = SchemaCompiler.compile("test.pg", schema);
    assertThat(r.errors()).as("schema compiles").isEmpty();
    return r.value().catalog();
  }

  static Catalog catalog() {
    return catalog(SCHEMA);
  }

  static GraphSnapshot empty(Catalog c) {
    return InMemoryGraph.builder(c).build();
  }

  static GraphSnapshot empty() {
    return empty(catalog());
  }

  /** A reader with a pinned ULID source. */
  static GraphBatchReader.Builder reader(GraphSnapshot snapshot, LoadMode mode) {
    return GraphBatchReader.forSnapshot(snapshot)
        .mode(mode)
        .ulid(new Ulid(() -> 1_700_000_000_000L, new SplittableRandom(7)));
  }

  static StagedBatch read(GraphBatchReader.Builder b, String jsonl) {
    try {
      return b.build().read(new ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StagedBatch load(GraphSnapshot snapshot, LoadMode mode, String jsonl) {
    return read(reader(snapshot, mode), jsonl);
  }

  static StagedBatch merge(String jsonl) {
    return load(empty(), LoadMode.MERGE, jsonl);
  }

  static LoadException fails(GraphSnapshot snapshot, LoadMode mode, String jsonl) {
    LoadException e = catchThrowableOfType(LoadException.class, () -> load(snapshot, mode, jsonl));
    assertThat(e).as("expected a LoadException for:\n" + jsonl).isNotNull();
    return e;
  }

  static LoadException fails(String jsonl) {
    return fails(empty(), LoadMode.MERGE, jsonl);
  }

  /** Asserts code, line and that the message starts with {@code line N: } and has the parts. */
  static void assertError(LoadException e, String code, long line, String... parts) {
    assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
    assertThat(e.getMessage()).startsWith("line " + line + ": ");
    for (String p : parts) {
      assertThat(e.getMessage()).contains(p);
    }
  }

  /** A minimal valid Person record. */
  static String person(String slug) {
    return "{\"type\":\"Person\",\"data\":{\"slug\":\"" + slug + "\",\"name\":\"" + slug + "\"}}";
  }

  static String knows(String from, String to) {
    return "{\"edge\":\"Knows\",\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
  }

  static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }
}
