package io.omnigraph.compiler.query;

import java.util.List;
import java.util.Random;

/**
 * Generates grammatical {@code .gq} text against {@link TestSchema}: every output parses. Each
 * element is either drawn from a "good" pool (names and types that fit the schema, so a fair share
 * of queries compile and reach IR building and the descriptor) or from a random pool (valid and
 * invalid names, operators and literals, to drive the checker's error paths).
 */
final class QueryGen {
  private static final List<String> VARS =
      List.of("$p", "$f", "$c", "$d", "$w", "$_", "$n", "$v", "$q");
  private static final List<String> TYPES = List.of("Person", "Company", "Doc", "Knows", "Nope");
  private static final List<String> EDGES = List.of("knows", "worksAt", "about", "nope");
  private static final List<String> PROPS =
      List.of(
          "name", "age", "tags", "emb", "photo", "status", "slug", "text", "vec", "rank", "born",
          "seen", "ok", "big", "weight", "note", "role", "size", "nope");
  private static final List<String> LITERALS =
      List.of(
          "\"x\"",
          "\"active\"",
          "1",
          "0",
          "1.5",
          "true",
          "date(\"2024-01-01\")",
          "datetime(\"2024-01-01T00:00:00Z\")",
          "[1.0, 2.0, 3.0]",
          "[\"a\"]",
          "[]",
          "99999999999999999999",
          "date(\"nope\")");
  private static final List<String> OPS =
      List.of("=", "!=", "<", "<=", ">", ">=", "contains", "starts_with");
  private static final List<String> COMPARE = List.of("=", "!=", "<", "<=", ">", ">=");

  /** Filters on {@code $p: Person} that type-check. */
  private static final List<String> GOOD_FILTERS =
      List.of(
          "$p.name = $n",
          "$p.nick starts_with \"a\"",
          "$p.bio contains $n",
          "$p.age > 1",
          "$p.big >= $i",
          "$p.score < 1.5",
          "$p.tags contains \"a\"",
          "$p.status = \"active\"",
          "$p.status != $n",
          "$p.born < date(\"2024-01-01\")",
          "$p.seen > now()",
          "$p.ok = true",
          "$p != $f",
          "$f.age <= $p.age",
          "search($p.bio, $n)",
          "fuzzy($p.name, $n, 2)",
          "match_text($p.bio, \"x\")",
          "bm25($p.bio, $n) > 0.5");

  private static final List<String> GOOD_CLAUSES =
      List.of(
          "$p knows $f",
          "$p knows{1,3} $f",
          "$p <knows> $f",
          "$p $w:knows $f",
          "$p worksAt $c",
          "$d about $p",
          "$f: Person { status: \"retired\" }",
          "not { $p knows $_ }",
          "not { $p worksAt $c2\n $c2.name = $n }",
          "$c: Company { slug: $n }");
  private static final List<String> GOOD_COLUMNS =
      List.of(
          "$p.name",
          "$p.age",
          "$p",
          "$p.tags",
          "$p.emb",
          "$p.status",
          "$p.born",
          "$p.seen",
          "$p.big",
          "now()",
          "\"lit\"",
          "bm25($p.bio, $n)",
          "search($p.bio, $n)",
          "nearest($p.emb, $v)");
  private static final List<String> GOOD_AGGREGATES =
      List.of("count($p)", "sum($p.age)", "avg($p.score)", "min($p.name)", "max($p.big)");
  private static final List<String> GOOD_STATEMENTS =
      List.of(
          "insert Company { slug: $n, name: $n, size: 3 }",
          "insert Person { name: $n, status: \"active\", age: 1, seen: now() }",
          "insert Person { name: $n, status: $n, emb: $v, tags: [\"a\"] }",
          "insert Doc { text: $n, rank: 1 }",
          "insert Knows { from: $n, to: $n, weight: 1.5, since: date(\"2024-01-01\") }",
          "update Person set { nick: $n, age: 3 } where name = $n",
          "update Company set { size: $i } where slug != $n");
  private static final List<String> GOOD_DELETES =
      List.of(
          "delete Person where name = $n",
          "delete Knows where from = $n",
          "delete Doc where id = $n");

  private static final String READ_PARAMS =
      "($n: String, $v: Vector(3), $q: String?, $i: I64, $l: [F32])";
  private static final String MUTATION_PARAMS = "($n: String, $v: Vector(3), $i: I64, $b: Blob)";

  private final Random rnd;

  QueryGen(Random rnd) {
    this.rnd = rnd;
  }

  String file() {
    StringBuilder sb = new StringBuilder();
    int n = 1 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      sb.append(rnd.nextInt(4) == 0 ? mutation(i) : read(i)).append('\n');
    }
    return sb.toString();
  }

  private boolean good() {
    return rnd.nextInt(10) < 7;
  }

  private String read(int i) {
    StringBuilder sb = new StringBuilder("query r" + i + READ_PARAMS + " {\n  match {\n");
    sb.append("    $p: Person\n");
    int clauses = rnd.nextInt(4);
    for (int c = 0; c < clauses; c++) {
      sb.append("    ").append(clause(0)).append('\n');
    }
    sb.append("  }\n  return { ");
    boolean aggregate = rnd.nextInt(4) == 0;
    int cols = 1 + rnd.nextInt(3);
    for (int c = 0; c < cols; c++) {
      String col =
          aggregate && c == 0 ? pick(GOOD_AGGREGATES) : good() ? goodColumn(aggregate) : expr(0);
      sb.append(c == 0 ? "" : ", ").append(col);
      if (rnd.nextInt(3) == 0) {
        sb.append(" as a").append(c);
      }
    }
    sb.append(" }\n");
    boolean ranked = false;
    if (rnd.nextBoolean()) {
      String key = good() ? goodOrder() : expr(0);
      ranked = key.contains("nearest") || key.contains("rrf");
      sb.append("  order { ").append(key).append(pick(List.of("", " asc", " desc"))).append(" }\n");
    }
    if (ranked ? good() : rnd.nextBoolean()) {
      sb.append("  limit ").append(rnd.nextInt(20)).append('\n');
    }
    return sb.append("}\n").toString();
  }

  private String goodColumn(boolean aggregate) {
    return aggregate ? pick(List.of("$p.name", "$p", "$p.status")) : pick(GOOD_COLUMNS);
  }

  private String goodOrder() {
    return pick(
        List.of(
            "$p.name",
            "$p.age desc, $p.name",
            "nearest($p.emb, $v)",
            "nearest($p.emb, $n)",
            "rrf(nearest($p.emb, $v), bm25($p.bio, $n))",
            "rrf(nearest($p.emb, $l), bm25($p.bio, $n), 10)",
            "bm25($p.bio, $n)"));
  }

  private String clause(int depth) {
    if (good()) {
      return rnd.nextBoolean() ? pick(GOOD_FILTERS) : pick(GOOD_CLAUSES);
    }
    int k = rnd.nextInt(depth < 2 ? 6 : 5);
    return switch (k) {
      case 0, 1 -> binding();
      case 2 -> traversal();
      case 3 -> pick(VARS) + "." + pick(PROPS) + " " + pick(OPS) + " " + value();
      case 4 -> textCall();
      default ->
          "not { " + clause(depth + 1) + " " + (rnd.nextBoolean() ? clause(depth + 1) : "") + " }";
    };
  }

  private String binding() {
    String b = pick(VARS) + ": " + pick(TYPES);
    if (rnd.nextBoolean()) {
      b += " { " + pick(PROPS) + ": " + value();
      b += (rnd.nextBoolean() ? ", " + pick(PROPS) + ": " + value() : "") + " }";
    }
    return b;
  }

  private String traversal() {
    String edge = pick(EDGES);
    String e = rnd.nextInt(4) == 0 ? "<" + edge + ">" : edge;
    String bound = rnd.nextInt(4) == 0 ? pick(VARS) + ":" : "";
    String hops = "";
    if (rnd.nextInt(4) == 0) {
      hops = "{" + rnd.nextInt(3) + "," + (rnd.nextBoolean() ? rnd.nextInt(4) : "") + "}";
    }
    return pick(VARS) + " " + bound + e + hops + " " + pick(VARS);
  }

  private String textCall() {
    String fn = pick(List.of("search", "fuzzy", "match_text"));
    String extra = "";
    if (fn.equals("fuzzy") && rnd.nextBoolean()) {
      extra = ", " + pick(List.of("2", "1.5", "$i"));
    }
    return fn + "(" + pick(VARS) + "." + pick(PROPS) + ", " + value() + extra + ")";
  }

  private String expr(int depth) {
    int k = rnd.nextInt(depth < 2 ? 7 : 4);
    return switch (k) {
      case 0 -> pick(VARS);
      case 1 -> pick(VARS) + "." + pick(PROPS);
      case 2 -> pick(LITERALS);
      case 3 -> rnd.nextBoolean() ? "now()" : "a" + rnd.nextInt(3);
      case 4 -> pick(List.of("count", "sum", "avg", "min", "max")) + "(" + expr(depth + 1) + ")";
      case 5 ->
          "nearest("
              + pick(VARS)
              + "."
              + pick(PROPS)
              + ", "
              + pick(List.of("$v", "$q", "$l", "[1.0, 2.0]", "$i"))
              + ")";
      default -> rank(depth);
    };
  }

  private String rank(int depth) {
    if (rnd.nextBoolean()) {
      return "bm25(" + pick(VARS) + "." + pick(PROPS) + ", " + value() + ")";
    }
    String k = rnd.nextBoolean() ? "" : ", " + pick(List.of("60", "0", "1.5", "$i"));
    return "rrf(" + expr(depth + 1) + ", " + expr(depth + 1) + k + ")";
  }

  private String value() {
    int k = rnd.nextInt(4);
    return k == 0 ? pick(VARS) : k == 1 ? "now()" : pick(LITERALS);
  }

  private String mutation(int i) {
    StringBuilder sb = new StringBuilder("query m" + i + MUTATION_PARAMS + " {\n");
    boolean deletes = rnd.nextInt(3) == 0;
    int n = 1 + rnd.nextInt(2);
    for (int s = 0; s < n; s++) {
      String stmt = good() ? pick(deletes ? GOOD_DELETES : GOOD_STATEMENTS) : statement();
      sb.append("  ").append(stmt).append('\n');
    }
    return sb.append("}\n").toString();
  }

  private String statement() {
    String type = pick(TYPES);
    return switch (rnd.nextInt(3)) {
      case 0 -> "insert " + type + " { " + assignments() + " }";
      case 1 -> "update " + type + " set { " + assignments() + " } where " + predicate();
      default -> "delete " + type + " where " + predicate();
    };
  }

  private String assignments() {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(4);
    for (int a = 0; a < n; a++) {
      String prop = rnd.nextInt(5) == 0 ? pick(List.of("from", "to")) : pick(PROPS);
      sb.append(prop).append(": ").append(rnd.nextInt(4) == 0 ? "$b" : value()).append(", ");
    }
    return sb.toString();
  }

  private String predicate() {
    String prop = rnd.nextInt(5) == 0 ? pick(List.of("id", "from", "to")) : pick(PROPS);
    return prop + " " + pick(COMPARE) + " " + value();
  }

  private String pick(List<String> items) {
    return items.get(rnd.nextInt(items.size()));
  }
}
