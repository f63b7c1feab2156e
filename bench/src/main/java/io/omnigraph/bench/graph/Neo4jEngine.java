package io.omnigraph.bench.graph;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;
import org.neo4j.io.ByteUnit;

/**
 * Neo4j embedded: the data in batch transactions of the core API, then the schema (unique slugs,
 * indexes on age and city, awaited online); every read in its own transaction.
 */
final class Neo4jEngine implements GraphEngine {
  private static final Label PERSON = Label.label("Person");
  private static final Label COMPANY = Label.label("Company");
  private static final RelationshipType KNOWS = RelationshipType.withName("Knows");
  private static final RelationshipType WORKS_AT = RelationshipType.withName("WorksAt");
  private static final int BATCH = 50_000;
  private DatabaseManagementService dbms;
  private GraphDatabaseService db;

  @Override
  public String name() {
    return "neo4j";
  }

  static DatabaseManagementService start(Path dir) {
    return new DatabaseManagementServiceBuilder(dir.resolve("neo4j"))
        .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(512))
        .build();
  }

  @Override
  public long load(Workload w, Workload.Files3 files, Path dir) {
    long t0 = System.nanoTime();
    dbms = start(dir);
    db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    long[] persons = new long[Workload.PERSONS];
    long[] companies = new long[Workload.COMPANIES];
    for (int from = 0; from < Workload.PERSONS; from += BATCH) {
      try (Transaction tx = db.beginTx()) {
        for (int i = from; i < Math.min(from + BATCH, Workload.PERSONS); i++) {
          Node n = tx.createNode(PERSON);
          n.setProperty("slug", Workload.person(i));
          n.setProperty("name", w.personName[i]);
          n.setProperty("age", w.age[i]);
          n.setProperty("city", Workload.cityName(w.city[i]));
          persons[i] = n.getId();
        }
        tx.commit();
      }
    }
    try (Transaction tx = db.beginTx()) {
      for (int j = 0; j < Workload.COMPANIES; j++) {
        Node n = tx.createNode(COMPANY);
        n.setProperty("slug", Workload.company(j));
        n.setProperty("name", w.companyName[j]);
        n.setProperty("industry", Workload.industryName(w.industry[j]));
        companies[j] = n.getId();
      }
      tx.commit();
    }
    for (int from = 0; from < Workload.KNOWS; from += BATCH) {
      try (Transaction tx = db.beginTx()) {
        for (int e = from; e < Math.min(from + BATCH, Workload.KNOWS); e++) {
          tx.getNodeById(persons[w.knowsSrc[e]])
              .createRelationshipTo(tx.getNodeById(persons[w.knowsDst[e]]), KNOWS);
        }
        tx.commit();
      }
    }
    for (int from = 0; from < Workload.PERSONS; from += BATCH) {
      try (Transaction tx = db.beginTx()) {
        for (int i = from; i < Math.min(from + BATCH, Workload.PERSONS); i++) {
          tx.getNodeById(persons[i])
              .createRelationshipTo(tx.getNodeById(companies[w.worksAt[i]]), WORKS_AT);
        }
        tx.commit();
      }
    }
    // Constraints and indexes after the data: building them once is faster than maintaining them.
    try (Transaction tx = db.beginTx()) {
      tx.schema().constraintFor(PERSON).assertPropertyIsUnique("slug").create();
      tx.schema().constraintFor(COMPANY).assertPropertyIsUnique("slug").create();
      tx.schema().indexFor(PERSON).on("age").create();
      tx.schema().indexFor(PERSON).on("city").create();
      tx.commit();
    }
    try (Transaction tx = db.beginTx()) {
      tx.schema().awaitIndexesOnline(30, TimeUnit.MINUTES);
    }
    return System.nanoTime() - t0;
  }

  @Override
  public List<List<String>> run(Queries.Q q, String param) {
    return run(db, q.neo4j(), Map.of(q.param(), param));
  }

  static List<List<String>> run(GraphDatabaseService db, String cypher, Map<String, Object> p) {
    try (Transaction tx = db.beginTx();
        Result r = tx.execute(cypher, p)) {
      List<String> cols = r.columns();
      List<List<String>> out = new ArrayList<>();
      while (r.hasNext()) {
        Map<String, Object> row = r.next();
        List<String> cells = new ArrayList<>(cols.size());
        for (String c : cols) {
          cells.add(GraphEngine.cell(row.get(c)));
        }
        out.add(cells);
      }
      tx.commit();
      return out;
    }
  }

  /** The cold-process side: start the DBMS on the stored database, answer Q1 once. */
  static List<List<String>> coldQ1(Path dir, String slug) {
    DatabaseManagementService d = start(dir);
    try {
      GraphDatabaseService g = d.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
      return run(g, Queries.ALL.get(0).neo4j(), Map.of("slug", slug));
    } finally {
      d.shutdown();
    }
  }

  @Override
  public List<String> coldCommand(Path dir, String slug) {
    return ColdMain.command("neo4j", dir, slug);
  }

  @Override
  public void close() {
    if (dbms != null) {
      dbms.shutdown();
      dbms = null;
      db = null;
    }
  }
}
