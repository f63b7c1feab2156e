package io.omnigraph.bench.graph;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The standard graph workload (keep it stable: later issues compare against it). Everything is
 * derived from {@code new java.util.Random(42)} in a fixed order, so the same files come out on
 * every JVM. See {@code bench/README.md} for the definition.
 *
 * <ul>
 *   <li>100,000 {@code Person}: {@code slug} "p&lt;i&gt;", {@code name} = first + " " + last name
 *       (duplicates exist on purpose), {@code age} uniform 16..90, {@code city} one of 50.
 *   <li>5,000 {@code Company}: {@code slug} "c&lt;j&gt;", {@code name}, {@code industry} one of 20.
 *   <li>1,000,000 {@code Knows}: source uniform, destination Zipf(1.0) over a random permutation of
 *       the persons; a self loop or a repeated pair is drawn again.
 *   <li>one {@code WorksAt} per person; company Zipf(1.0) over a random permutation of companies.
 * </ul>
 */
public final class Workload {
  public static final long SEED = 42;
  public static final int PERSONS = 100_000;
  public static final int COMPANIES = 5_000;
  public static final int KNOWS = 1_000_000;

  /** How many parameter values each query runs with (timed round robin, all checked). */
  public static final int PARAMS = 10;

  static final String[] FIRST = {
    "Ada", "Ben", "Cara", "Dan", "Eva", "Finn", "Gia", "Hugo", "Iris", "Jon", "Kai", "Lena", "Milo",
    "Nora", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vic", "Wen", "Xena", "Yara",
    "Zoe", "Arlo", "Bea", "Cyrus", "Dara", "Eli", "Faye", "Gus", "Hana", "Ivo", "Jade", "Kurt",
    "Lia", "Max", "Nia"
  };
  static final String[] LAST = {
    "Abbot",
    "Baker",
    "Chen",
    "Diaz",
    "Evans",
    "Fischer",
    "Garcia",
    "Hansen",
    "Ito",
    "Jensen",
    "Khan",
    "Lopez",
    "Meyer",
    "Nakamura",
    "Okafor",
    "Patel",
    "Quispe",
    "Rossi",
    "Silva",
    "Tanaka",
    "Ueda",
    "Vogel",
    "Wagner",
    "Xu",
    "Young",
    "Zhang",
    "Alvarez",
    "Bauer",
    "Costa",
    "Dubois",
    "Eriksen",
    "Ferrari",
    "Gomez",
    "Horvat",
    "Ivanov",
    "Jovanovic",
    "Kowalski",
    "Larsen",
    "Moreau",
    "Novak",
    "Olsen",
    "Petrov",
    "Ramos",
    "Schmidt",
    "Torres",
    "Urban",
    "Varga",
    "Weber",
    "Yilmaz",
    "Zimmer"
  };
  static final String[] CITIES = {
    "Amsterdam",
    "Athens",
    "Auckland",
    "Bangkok",
    "Barcelona",
    "Berlin",
    "Bogota",
    "Boston",
    "Brussels",
    "Budapest",
    "Cairo",
    "Chicago",
    "Copenhagen",
    "Delhi",
    "Dublin",
    "Edinburgh",
    "Helsinki",
    "Istanbul",
    "Jakarta",
    "Johannesburg",
    "Kyiv",
    "Lagos",
    "Lima",
    "Lisbon",
    "London",
    "Madrid",
    "Manila",
    "Melbourne",
    "Mexico City",
    "Milan",
    "Montreal",
    "Mumbai",
    "Munich",
    "Nairobi",
    "Oslo",
    "Paris",
    "Prague",
    "Rome",
    "Santiago",
    "Sao Paulo",
    "Seattle",
    "Seoul",
    "Singapore",
    "Stockholm",
    "Sydney",
    "Taipei",
    "Tokyo",
    "Toronto",
    "Vienna",
    "Warsaw"
  };
  static final String[] INDUSTRIES = {
    "aerospace", "agriculture", "automotive", "banking", "biotech", "chemicals", "construction",
    "education", "energy", "entertainment", "food", "healthcare", "insurance", "logistics",
    "media", "mining", "retail", "software", "telecom", "tourism"
  };
  static final String[] COMPANY_WORDS = {
    "Acme",
    "Blue",
    "Cedar",
    "Delta",
    "Ember",
    "Falcon",
    "Granite",
    "Harbor",
    "Indigo",
    "Juniper",
    "Keystone",
    "Lumen",
    "Meridian",
    "Nimbus",
    "Orbit",
    "Pioneer",
    "Quartz",
    "Raven",
    "Summit",
    "Titan"
  };
  static final String[] COMPANY_SUFFIX = {"Labs", "Group", "Systems", "Works", "Partners"};

  // Persons
  final String[] personName = new String[PERSONS];
  final int[] age = new int[PERSONS];
  final int[] city = new int[PERSONS];
  // Companies
  final String[] companyName = new String[COMPANIES];
  final int[] industry = new int[COMPANIES];
  // Edges (person row → person row / company row)
  final int[] knowsSrc = new int[KNOWS];
  final int[] knowsDst = new int[KNOWS];
  final int[] worksAt = new int[PERSONS];
  // Parameters
  final List<String> personParams = new ArrayList<>();
  final List<String> cityParams = new ArrayList<>();

  private Workload() {}

  /** Generates the workload (about a second). */
  public static Workload generate() {
    Workload w = new Workload();
    Random r = new Random(SEED);
    for (int i = 0; i < PERSONS; i++) {
      w.personName[i] = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
      w.age[i] = 16 + r.nextInt(75);
      w.city[i] = r.nextInt(CITIES.length);
    }
    for (int j = 0; j < COMPANIES; j++) {
      w.companyName[j] =
          COMPANY_WORDS[r.nextInt(COMPANY_WORDS.length)]
              + " "
              + COMPANY_SUFFIX[r.nextInt(COMPANY_SUFFIX.length)]
              + " "
              + j;
      w.industry[j] = r.nextInt(INDUSTRIES.length);
    }
    int[] personPerm = permutation(PERSONS, r);
    double[] personCdf = zipfCdf(PERSONS);
    long[] seen = new long[1 << 22]; // open addressing set of src*N+dst+1, load < 0.25
    int n = 0;
    while (n < KNOWS) {
      int s = r.nextInt(PERSONS);
      int d = personPerm[sample(personCdf, r)];
      if (s == d || !add(seen, (long) s * PERSONS + d + 1)) {
        continue;
      }
      w.knowsSrc[n] = s;
      w.knowsDst[n] = d;
      n++;
    }
    int[] companyPerm = permutation(COMPANIES, r);
    double[] companyCdf = zipfCdf(COMPANIES);
    for (int i = 0; i < PERSONS; i++) {
      w.worksAt[i] = companyPerm[sample(companyCdf, r)];
    }
    Random p = new Random(SEED + 1);
    for (int k = 0; k < PARAMS; k++) {
      w.personParams.add("p" + p.nextInt(PERSONS));
      w.cityParams.add(CITIES[p.nextInt(CITIES.length)]);
    }
    return w;
  }

  static int[] permutation(int n, Random r) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
    return a;
  }

  /** Cumulative Zipf(1.0) probabilities over ranks 1..n (index 0 = rank 1). */
  static double[] zipfCdf(int n) {
    double[] cdf = new double[n];
    double sum = 0;
    for (int k = 1; k <= n; k++) {
      sum += 1.0 / k;
      cdf[k - 1] = sum;
    }
    for (int k = 0; k < n; k++) {
      cdf[k] /= sum;
    }
    cdf[n - 1] = 1.0;
    return cdf;
  }

  static int sample(double[] cdf, Random r) {
    int i = Arrays.binarySearch(cdf, r.nextDouble());
    return i >= 0 ? i : -i - 1;
  }

  private static boolean add(long[] set, long key) {
    int mask = set.length - 1;
    int h = (int) ((key * 0x9E3779B97F4A7C15L) >>> 42) & mask;
    while (set[h] != 0) {
      if (set[h] == key) {
        return false;
      }
      h = (h + 1) & mask;
    }
    set[h] = key;
    return true;
  }

  public List<String> personParams() {
    return personParams;
  }

  public List<String> cityParams() {
    return cityParams;
  }

  static String person(int i) {
    return "p" + i;
  }

  static String company(int j) {
    return "c" + j;
  }

  static String cityName(int c) {
    return CITIES[c];
  }

  static String industryName(int c) {
    return INDUSTRIES[c];
  }

  /** The workload's schema ({@code graph.pg}). */
  public static final String SCHEMA =
      """
      // The standard graph workload (bench/README.md). Keep it stable.
      node Person {
          slug: String @key
          name: String
          age: I32 @index
          city: String @index
      }

      node Company {
          slug: String @key
          name: String
          industry: String
      }

      edge Knows: Person -> Person
      edge WorksAt: Person -> Company
      """;

  /** Writes {@code graph.pg}, {@code graph.jsonl} and {@code queries.gq} into {@code dir}. */
  public Files3 write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path schema = dir.resolve("graph.pg");
      Files.writeString(schema, SCHEMA);
      Path queries = dir.resolve("queries.gq");
      Files.writeString(queries, Queries.GQ);
      Path jsonl = dir.resolve("graph.jsonl");
      writeJsonl(jsonl);
      return new Files3(schema, jsonl, queries);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The three files of the workload. */
  public record Files3(Path schema, Path jsonl, Path queries) {}

  private void writeJsonl(Path file) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < PERSONS; i++) {
        out.write("{\"type\":\"Person\",\"data\":{\"slug\":\"p" + i + "\",\"name\":\"");
        out.write(personName[i]);
        out.write("\",\"age\":" + age[i] + ",\"city\":\"" + CITIES[city[i]] + "\"}}\n");
      }
      for (int j = 0; j < COMPANIES; j++) {
        out.write("{\"type\":\"Company\",\"data\":{\"slug\":\"c" + j + "\",\"name\":\"");
        out.write(companyName[j]);
        out.write("\",\"industry\":\"" + INDUSTRIES[industry[j]] + "\"}}\n");
      }
      for (int e = 0; e < KNOWS; e++) {
        out.write(
            "{\"edge\":\"Knows\",\"from\":\"p"
                + knowsSrc[e]
                + "\",\"to\":\"p"
                + knowsDst[e]
                + "\",\"data\":{}}\n");
      }
      for (int i = 0; i < PERSONS; i++) {
        out.write(
            "{\"edge\":\"WorksAt\",\"from\":\"p"
                + i
                + "\",\"to\":\"c"
                + worksAt[i]
                + "\",\"data\":{}}\n");
      }
    }
  }

  /** Writes the CSV files Kuzu's COPY FROM reads (header row, comma-separated, quoted text). */
  public void writeCsv(Path dir) {
    try {
      Files.createDirectories(dir);
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("person.csv"))) {
        out.write("slug,name,age,city\n");
        for (int i = 0; i < PERSONS; i++) {
          out.write("p" + i + ",\"" + personName[i] + "\"," + age[i] + ",\"" + CITIES[city[i]]);
          out.write("\"\n");
        }
      }
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("company.csv"))) {
        out.write("slug,name,industry\n");
        for (int j = 0; j < COMPANIES; j++) {
          out.write("c" + j + ",\"" + companyName[j] + "\"," + INDUSTRIES[industry[j]] + "\n");
        }
      }
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("knows.csv"))) {
        out.write("from,to\n");
        for (int e = 0; e < KNOWS; e++) {
          out.write("p" + knowsSrc[e] + ",p" + knowsDst[e] + "\n");
        }
      }
      try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("worksat.csv"))) {
        out.write("from,to\n");
        for (int i = 0; i < PERSONS; i++) {
          out.write("p" + i + ",c" + worksAt[i] + "\n");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
