package io.omnigraph.bench.graph;

import java.util.List;

/**
 * Q1–Q7 of the standard workload: our {@code .gq} text and the Cypher the anchors run, written so
 * the answers are equal under our traversal semantics (docs/languages.md, "Read execution"): a
 * bounded traversal reports each node reached at a hop within the bounds once per source (the start
 * included when a cycle reaches it), {@code count($x)} counts distinct nodes, and the final order
 * is total (user keys, then ids — here the slug, which is the key).
 */
public final class Queries {
  private Queries() {}

  /** One query: its name in the .gq file, its parameter name, and the Cypher of each anchor. */
  public record Q(String name, String param, boolean city, String kuzu, String neo4j) {
    /** The parameter values this query runs with. */
    public List<String> values(Workload w) {
      return city ? w.cityParams() : w.personParams();
    }
  }

  public static final String GQ =
      """
      // The standard graph workload's queries (bench/README.md). Keep them stable.

      // Q1 key lookup
      query q1($slug: String) {
          match { $p: Person { slug: $slug } }
          return { $p.name, $p.age, $p.city }
      }

      // Q2 names of the persons p knows, ordered, limit 20
      query q2($slug: String) {
          match {
              $p: Person { slug: $slug }
              $p knows $f
          }
          return { $f.name }
          order { $f.name }
          limit 20
      }

      // Q3 count of distinct persons 2 hops from p
      query q3($slug: String) {
          match {
              $p: Person { slug: $slug }
              $p knows{2,2} $f
          }
          return { count($f) as n }
      }

      // Q4 count of distinct persons within 1..3 hops of p
      query q4($slug: String) {
          match {
              $p: Person { slug: $slug }
              $p knows{1,3} $f
          }
          return { count($f) as n }
      }

      // Q5 persons older than 30 in a city, ordered by name, limit 10
      query q5($city: String) {
          match {
              $p: Person { city: $city }
              $p.age > 30
          }
          return { $p.slug, $p.name, $p.age }
          order { $p.name }
          limit 10
      }

      // Q6 the persons p knows, counted per city, by count desc then city
      query q6($slug: String) {
          match {
              $p: Person { slug: $slug }
              $p knows $f
          }
          return { $f.city, count($f) as n }
          order { n desc, $f.city }
      }

      // Q7 the persons p knows who do not work at p's company
      query q7($slug: String) {
          match {
              $p: Person { slug: $slug }
              $p worksAt $c
              $p knows $f
              not { $f worksAt $c }
          }
          return { $f.slug, $f.name }
          order { $f.slug }
      }
      """;

  private static final String Q7_TAIL =
      " AND NOT EXISTS { MATCH (f)-[:WorksAt]->(c) } RETURN f.slug, f.name ORDER BY f.slug";

  public static final List<Q> ALL =
      List.of(
          new Q(
              "q1",
              "slug",
              false,
              "MATCH (p:Person) WHERE p.slug = $slug RETURN p.name, p.age, p.city",
              "MATCH (p:Person {slug: $slug}) RETURN p.name, p.age, p.city"),
          new Q(
              "q2",
              "slug",
              false,
              "MATCH (p:Person)-[:Knows]->(f:Person) WHERE p.slug = $slug"
                  + " RETURN f.name ORDER BY f.name, f.slug LIMIT 20",
              "MATCH (p:Person {slug: $slug})-[:Knows]->(f:Person)"
                  + " RETURN f.name ORDER BY f.name, f.slug LIMIT 20"),
          new Q(
              "q3",
              "slug",
              false,
              "MATCH (p:Person)-[:Knows]->(:Person)-[:Knows]->(f:Person) WHERE p.slug = $slug"
                  + " RETURN count(DISTINCT f)",
              "MATCH (p:Person {slug: $slug})-[:Knows]->(:Person)-[:Knows]->(f:Person)"
                  + " RETURN count(DISTINCT f)"),
          new Q(
              "q4",
              "slug",
              false,
              "MATCH (p:Person)-[:Knows*1..3]->(f:Person) WHERE p.slug = $slug"
                  + " RETURN count(DISTINCT f)",
              "MATCH (p:Person {slug: $slug})-[:Knows*1..3]->(f:Person)"
                  + " RETURN count(DISTINCT f)"),
          new Q(
              "q5",
              "city",
              true,
              "MATCH (p:Person) WHERE p.city = $city AND p.age > 30"
                  + " RETURN p.slug, p.name, p.age ORDER BY p.name, p.slug LIMIT 10",
              "MATCH (p:Person {city: $city}) WHERE p.age > 30"
                  + " RETURN p.slug, p.name, p.age ORDER BY p.name, p.slug LIMIT 10"),
          new Q(
              "q6",
              "slug",
              false,
              "MATCH (p:Person)-[:Knows]->(f:Person) WHERE p.slug = $slug"
                  + " RETURN f.city AS city, count(DISTINCT f) AS n ORDER BY n DESC, city",
              "MATCH (p:Person {slug: $slug})-[:Knows]->(f:Person)"
                  + " RETURN f.city AS city, count(DISTINCT f) AS n ORDER BY n DESC, city"),
          new Q(
              "q7",
              "slug",
              false,
              "MATCH (p:Person)-[:WorksAt]->(c:Company), (p)-[:Knows]->(f:Person)"
                  + " WHERE p.slug = $slug"
                  + Q7_TAIL,
              "MATCH (p:Person {slug: $slug})-[:WorksAt]->(c:Company), (p)-[:Knows]->(f:Person)"
                  + " WHERE true"
                  + Q7_TAIL));
}
