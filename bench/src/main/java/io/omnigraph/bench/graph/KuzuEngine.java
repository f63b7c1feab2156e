package io.omnigraph.bench.graph;

import com.kuzudb.Connection;
import com.kuzudb.Database;
import com.kuzudb.FlatTuple;
import com.kuzudb.PreparedStatement;
import com.kuzudb.QueryResult;
import com.kuzudb.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Kuzu (embedded, in-process): COPY FROM the workload's CSV files; prepared Cypher reads. */
final class KuzuEngine implements GraphEngine {
  static final List<String> DDL =
      List.of(
          "CREATE NODE TABLE Person(slug STRING PRIMARY KEY, name STRING, age INT32, city STRING)",
          "CREATE NODE TABLE Company(slug STRING PRIMARY KEY, name STRING, industry STRING)",
          "CREATE REL TABLE Knows(FROM Person TO Person)",
          "CREATE REL TABLE WorksAt(FROM Person TO Company)");
  private Database db;
  private Connection conn;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  @Override
  public String name() {
    return "kuzu";
  }

  static Path dbPath(Path dir) {
    return dir.resolve("kuzu.db");
  }

  @Override
  public long load(Workload w, Workload.Files3 files, Path dir) {
    Path csv = dir.resolve("csv");
    w.writeCsv(csv);
    long t0 = System.nanoTime();
    db = new Database(dbPath(dir).toString());
    conn = new Connection(db);
    for (String ddl : DDL) {
      check(conn.query(ddl));
    }
    copy("Person", csv.resolve("person.csv"));
    copy("Company", csv.resolve("company.csv"));
    copy("Knows", csv.resolve("knows.csv"));
    copy("WorksAt", csv.resolve("worksat.csv"));
    long t = System.nanoTime() - t0;
    for (Queries.Q q : Queries.ALL) {
      PreparedStatement ps = conn.prepare(q.kuzu());
      if (!ps.isSuccess()) {
        throw new IllegalStateException("kuzu " + q.name() + ": " + ps.getErrorMessage());
      }
      prepared.put(q.name(), ps);
    }
    return t;
  }

  private void copy(String table, Path file) {
    check(conn.query("COPY " + table + " FROM '" + file + "' (HEADER=true)"));
  }

  private static void check(QueryResult r) {
    try (r) {
      if (!r.isSuccess()) {
        throw new IllegalStateException("kuzu: " + r.getErrorMessage());
      }
    }
  }

  @Override
  public List<List<String>> run(Queries.Q q, String param) {
    Map<String, Value> params = Map.of(q.param(), new Value(param));
    try (QueryResult r = conn.execute(prepared.get(q.name()), params)) {
      return rows(r);
    } finally {
      params.values().forEach(Value::close);
    }
  }

  static List<List<String>> rows(QueryResult r) {
    if (!r.isSuccess()) {
      throw new IllegalStateException("kuzu: " + r.getErrorMessage());
    }
    int n = (int) r.getNumColumns();
    List<List<String>> out = new ArrayList<>();
    while (r.hasNext()) {
      FlatTuple t = r.getNext();
      List<String> cells = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        try (Value v = t.getValue(i)) {
          cells.add(GraphEngine.cell(v.isNull() ? null : v.getValue()));
        }
      }
      out.add(cells);
    }
    return out;
  }

  /** The cold-process side: open the database, answer Q1 once, print the rows. */
  static List<List<String>> coldQ1(Path dir, String slug) {
    try (Database d = new Database(dbPath(dir).toString());
        Connection c = new Connection(d)) {
      PreparedStatement ps = c.prepare(Queries.ALL.get(0).kuzu());
      Map<String, Value> params = Map.of("slug", new Value(slug));
      try (QueryResult r = c.execute(ps, params)) {
        return rows(r);
      }
    }
  }

  @Override
  public List<String> coldCommand(Path dir, String slug) {
    return ColdMain.command("kuzu", dir, slug);
  }

  @Override
  public void close() {
    prepared.values().forEach(PreparedStatement::close);
    prepared.clear();
    if (conn != null) {
      conn.close();
      db.close();
      conn = null;
      db = null;
    }
  }
}
