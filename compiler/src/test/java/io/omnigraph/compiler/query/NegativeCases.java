package io.omnigraph.compiler.query;

import io.omnigraph.compiler.query.QueryNegativeTest.Case;
import java.util.List;

/**
 * The negative corpus against {@link TestSchema}. {@code «} marks where the first error must be
 * reported.
 */
final class NegativeCases {
  private NegativeCases() {}

  private static Case c(String name, String code, String text) {
    return new Case(name, code, text);
  }

  /** A read query with the given match clauses and return list. */
  private static String read(String match, String ret) {
    return read(match, ret, "");
  }

  /** A read query with match clauses, return list and the lines after return (order, limit). */
  private static String read(String match, String ret, String tail) {
    return "query q($n: String, $i: I64, $v: Vector(3), $x: F64, $on: String?) {\n"
        + "  match { "
        + match
        + " }\n  return { "
        + ret
        + " }\n"
        + tail
        + "}\n";
  }

  static List<Case> all() {
    return List.of(
        // ── syntax (Q000) ──
        c("unclosed query brace", "Q000", "query q() { match { $p: Person } return { $p.name }\n«"),
        c("unclosed match block", "Q000", "query q() { match { $p: Person \n«"),
        c("hop bounds with ..", "Q000", read("$a knows{1«..3} $b", "$b.name")),
        c("hop bounds without comma", "Q000", read("$a knows{2«} $b", "$b.name")),
        c("missing return", "Q000", "query q() { match { $p: Person } «}"),
        c("garbage", "Q000", "«hello world"),
        c("garbage inside match", "Q000", read("$p: Person «) ", "$p")),
        c(
            "enum parameter",
            "Q000",
            "query q($s: «enum(a, b)) { match { $p: Person } return { $p } }"),
        c(
            "unknown parameter type",
            "Q000",
            "query q($s: «Strin) { match { $p: Person } return { $p } }"),
        c("negative literal", "Q000", read("$p: Person\n $p.age > «-1", "$p")),
        c("unknown function", "Q000", read("$p: Person", "«foo($p.name)")),
        c("lower-case type in binding", "Q000", read("$p: «person", "$p")),
        c("upper-case word after variable", "Q000", read("$p «Person", "$p")),
        c(
            "unknown annotation",
            "Q000",
            "query q() @«tag(\"x\") { match { $p: Person } return { $p } }"),
        c("delete without where", "Q000", "query q($n: String) { delete Person «}"),
        c("empty match block", "Q000", "query q() { match { «} return { 1 } }"),
        c("invalid character", "Q000", read("$p: Person «# comment", "$p")),
        c("wrong arity", "Q000", read("$p: Person\n «search($p.name)", "$p")),
        c(
            "contains in where",
            "Q000",
            "query q($n: String) { delete Person where name «contains $n }"),
        c("limit without number", "Q000", read("$p: Person", "$p.name }\n  limit «ten\n  {")),
        c(
            "order after limit",
            "Q000",
            "query q() { match { $p: Person } return { $p.name } limit 3 «order { $p.name } }"),
        // ── declaration rules (Q001–Q005) ──
        c(
            "mixed insert and delete",
            "Q001",
            "query q($n: String) {\n  insert Company { slug: $n, name: $n }\n  «delete Person where"
                + " name = $n\n}"),
        c(
            "duplicate query name",
            "Q002",
            "query a() { match { $p: Person } return { $p } }\nquery «a() { match { $p: Person }"
                + " return { $p } }"),
        c(
            "duplicate parameter",
            "Q003",
            "query q($a: String, «$a: I64) { match { $p: Person } return { $p } }"),
        c(
            "reserved now parameter",
            "Q003",
            "query q(«$__nanograph_now: DateTime) { match { $p: Person } return { $p } }"),
        c("parameter used as match variable", "Q003", read("«$n: Person", "$n")),
        c("duplicate alias", "Q005", read("$p: Person", "$p.name as x, $p.age as «x")),
        // ── T1–T5: bindings and traversals ──
        c("unknown node type", "T1", read("$p: «Persn", "$p")),
        c("edge type in binding", "T1", read("$p: «Knows", "$p")),
        c("binding unknown property", "T2", read("$p: Person { «nme: $n }", "$p")),
        c("binding value type", "T3", read("$p: Person { age: «\"old\" }", "$p")),
        c("binding enum value not in set", "T3", read("$p: Person { status: «\"gone\" }", "$p")),
        c("binding on Blob", "T3", read("$p: Person { photo: «$n }", "$p")),
        c("binding list equality", "T3", read("$p: Person { tags: «$n }", "$p")),
        c("binding vector dimension", "T3", read("$p: Person { emb: «[1.0, 2.0] }", "$p")),
        c("binding optional param on required", "T3", read("$p: Person { name: «$on }", "$p")),
        c(
            "binding bad date literal",
            "T3",
            read("$p: Person { born: «date(\"2024-13-40\") }", "$p")),
        c("unknown edge", "T4", read("$p: Person\n $p «likes $f", "$f")),
        c(
            "variable contains variable is a traversal",
            "T4",
            read("$p: Person\n $p «contains $f", "$p")),
        c("endpoint type", "T5", read("$c: Company\n $p knows «$c", "$p")),
        c("rebinding with another type", "T5", read("$p: Person\n $p: «Company", "$p")),
        // ── T6–T9: expressions ──
        c("unknown property in filter", "T6", read("$p: Person\n $p.«nme = $n", "$p")),
        c("unbound variable in return", "T6", read("$p: Person", "«$zz.name")),
        c("unknown alias", "T6", read("$p: Person", "$p.name, «nick_name")),
        c("property of a parameter", "T6", read("$p: Person\n «$n.size = 1", "$p")),
        c(
            "variable bound only inside not",
            "T6",
            read("$p: Person\n not { $p knows $f }", "«$f.name")),
        c("filter operand types", "T7", read("$p: Person\n $p.age «= \"x\"", "$p")),
        c("list compared with =", "T7", read("$p: Person\n $p.tags «= $n", "$p")),
        c("contains on an integer", "T7", read("$p: Person\n $p.age «contains 1", "$p")),
        c("starts_with on a number", "T7", read("$p: Person\n $p.score «starts_with \"1\"", "$p")),
        c("Blob in filter", "T7", read("$p: Person\n $p.photo «= $n", "$p")),
        c("enum filter value not in set", "T7", read("$p: Person\n $p.status «= \"gone\"", "$p")),
        c("string against datetime", "T7", read("$p: Person\n $p.seen «> \"2024-01-01\"", "$p")),
        c("bool ordering", "T7", read("$p: Person\n $p.ok «< true", "$p")),
        c("sum of a String", "T8", read("$p: Person", "sum(«$p.name)")),
        c("min of a Bool", "T8", read("$p: Person", "$p.status, min(«$p.ok)")),
        c("nested aggregates", "T8", read("$p: Person", "count(«count($p))")),
        c(
            "nearest order without limit",
            "T17",
            read("$p: Person", "$p.name", "  order { «nearest($p.emb, $v) }\n")),
        c("negation without outer variable", "T9", read("$p: Person\n «not { $a knows $b }", "$p")),
        c("literal column in aggregate query", "T9", read("$p: Person", "«1, count($p)")),
        c("aggregate in match", "T9", read("$p: Person\n «count($p) > 1", "$p")),
        c(
            "order by an aggregate without aggregates",
            "T9",
            read("$p: Person", "$p.name", "  order { «count($p) }\n")),
        c(
            "order by a non-grouped property",
            "T9",
            read("$p: Person", "$p.name, count($p) as n", "  order { «$p.age }\n")),
        // ── T10–T16: mutations ──
        c("unknown insert target", "T10", "query q($n: String) { insert «Persn { name: $n } }"),
        c("insert without assignments", "T10", "query q() { «insert Company {} }"),
        c(
            "update without assignments",
            "T10",
            "query q($n: String) { «update Person set {} where name = $n }"),
        c(
            "insert unknown property",
            "T11",
            "query q($n: String) { insert Company { slug: $n, name: $n, «ceo: $n } }"),
        c("Blob in where", "T11", "query q($n: String) { delete Person where «photo = $n }"),
        c(
            "update of a key property",
            "T11",
            "query q($n: String) { update Person set { «name: $n } where name = $n }"),
        c(
            "insert missing a required property",
            "T12",
            "query q($n: String) { insert «Company { slug: $n } }"),
        c("edge insert missing to", "T12", "query q($n: String) { insert «Knows { from: $n } }"),
        c(
            "insert missing an embedded vector and its source",
            "T12",
            "query q($i: I32) { insert «Doc { rank: $i } }"),
        c(
            "duplicate assignment",
            "T13",
            "query q($n: String) { insert Company { slug: $n, name: $n, «name: $n } }"),
        c(
            "undeclared mutation variable",
            "T14",
            "query q($n: String) { insert Company { slug: $n, name: «$m } }"),
        c(
            "undeclared variable in where",
            "T14",
            "query q($n: String) { delete Person where name = «$m }"),
        c(
            "assignment type",
            "T7",
            "query q($n: String) { insert Company { slug: $n, name: $n, size: «\"big\" } }"),
        c(
            "update an edge",
            "T16",
            "query q($n: String) { update «Knows set { weight: 1.0 } where from = $n }"),
        // ── T15, T17–T21: bounds, search and ranking ──
        c("unbounded traversal", "T15", read("$p: Person\n $p knows«{1,} $f", "$f")),
        c("hop min zero", "T15", read("$p: Person\n $p knows«{0,2} $f", "$f")),
        c("hop max below min", "T15", read("$p: Person\n $p knows«{3,2} $f", "$f")),
        c("nearest on a non-vector", "T15", read("$p: Person", "$p.name, nearest(«$p.name, $v)")),
        c("nearest dimension mismatch", "T15", read("$p: Person", "nearest($p.emb, «[1.0, 2.0])")),
        c("nearest unknown variable", "T15", read("$p: Person", "nearest(«$zz.emb, $v)")),
        c(
            "nearest as a filter operand",
            "T15",
            read("$p: Person\n «nearest($p.emb, $v) < 1.0", "$p")),
        c(
            "alias ordering with nearest",
            "T18",
            read(
                "$p: Person",
                "$p.name as who",
                "  order { nearest($p.emb, $v), «who }\n  limit 5\n")),
        c("search on a number", "T19", read("$p: Person\n search(«$p.age, $n)", "$p")),
        c("fuzzy max_edits float", "T19", read("$p: Person\n fuzzy($p.name, $n, «1.5)", "$p")),
        c("search query not a String", "T19", read("$p: Person\n search($p.name, «$i)", "$p")),
        c("bm25 on a number", "T20", read("$p: Person", "bm25(«$p.age, $n)")),
        c(
            "bm25 ranking on an unknown property",
            "T15",
            read("$p: Person", "$p.name", "  order { bm25($p.«nope, $n) desc }\n")),
        c(
            "match_text query not a String",
            "T20",
            read("$p: Person\n match_text($p.bio, «$x)", "$p")),
        c(
            "rrf with a non-rank argument",
            "T21",
            read("$p: Person", "rrf(«$p.score, bm25($p.bio, $n))", "  limit 3\n")),
        c(
            "rrf with k = 0",
            "T21",
            read(
                "$p: Person",
                "$p.name",
                "  order { rrf(nearest($p.emb, $v), bm25($p.bio, $n), «0) }\n  limit 3\n")),
        c(
            "rrf without limit",
            "T21",
            read("$p: Person", "«rrf(nearest($p.emb, $v), bm25($p.bio, $n))")),
        // ── T22–T24 ──
        c("undirected asymmetric edge", "T22", read("$p: Person\n $p <«worksAt> $c", "$c")),
        c("edge binding with hops", "T23", read("$p: Person\n $p $w:knows«{1,2} $f", "$f")),
        c("edge binding reuses a name", "T23", read("$p: Person\n $p «$p:knows $f", "$f")),
        c("edge binding returned bare", "T23", read("$p: Person\n $p $w:knows $f", "«$w")),
        c(
            "edge binding as endpoint",
            "T23",
            read("$p: Person\n $p $w:knows $f\n $f knows «$w", "$f")),
        c(
            "search on an edge binding",
            "T23",
            read("$p: Person\n $p $w:knows $f\n search(«$w.weight, $n)", "$f")),
        c("return a Blob", "T24", read("$p: Person", "$p.name, «$p.photo")),
        c("order by a Blob", "T24", read("$p: Person", "$p.name", "  order { «$p.photo }\n")),
        c(
            "Blob parameter in a read",
            "T24",
            "query q($b: «Blob) { match { $p: Person } return { $p } }"),
        c("count of a Blob", "T24", read("$p: Person", "«count($p.photo)")),
        c("edge Blob returned", "T24", read("$p: Person\n $p $w:knows $f", "«$w.note")));
  }
}
