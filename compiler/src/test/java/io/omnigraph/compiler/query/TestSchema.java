package io.omnigraph.compiler.query;

import io.omnigraph.compiler.schema.Catalog;
import io.omnigraph.compiler.schema.SchemaCompiler;

/** A small schema that exercises every property shape, for query tests. */
final class TestSchema {
  static final String TEXT =
      """
      node Person {
        name: String @key
        age: I32?
        nick: String?
        score: F64?
        tags: [String]?
        status: enum(active, retired)
        born: Date?
        seen: DateTime?
        photo: Blob?
        bio: String?
        emb: Vector(3)? @embed("bio")
        ok: Bool?
        big: U64?
      }
      node Company {
        slug: String @key
        name: String
        size: I64?
      }
      node Doc {
        text: String
        vec: Vector(3) @embed("text")
        rank: I32
      }
      edge Knows: Person -> Person {
        since: Date?
        weight: F64?
        note: Blob?
      }
      edge WorksAt: Person -> Company {
        role: String?
      }
      edge About: Doc -> Person
      """;

  static final Catalog CATALOG = compile();

  private TestSchema() {}

  private static Catalog compile() {
    var r = SchemaCompiler.compile("test.pg", TEXT);
    if (!r.ok()) {
      throw new IllegalStateException(r.diagnostics().toString());
    }
    return r.value().catalog();
  }
}
