package io.omnigraph.engine.load;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A deterministic bench-like graph batch produced on the fly (never held whole): {@code persons}
 * Person nodes, then {@code knowsPerPerson} Knows edges per person, then per person one WorksAt
 * edge — written before the Company nodes it points to, so they are forward references — and
 * finally the companies.
 */
final class GeneratedBatch extends InputStream {
  static final String SCHEMA =
      """
      node Person {
        slug: String @key
        name: String
        age: I32 @index
        city: String @index
        @range(age, 16..90)
      }
      node Company {
        slug: String @key
        name: String
        industry: enum(energy, finance, health, media, retail, tech)
      }
      edge Knows: Person -> Person
      edge WorksAt: Person -> Company @card(1..1)
      """;

  private static final String[] INDUSTRIES = {
    "energy", "finance", "health", "media", "retail", "tech"
  };

  final int persons;
  final int companies;
  final int knowsPerPerson;
  private final SplittableRandom random;
  private long index;
  private byte[] current = new byte[0];
  private int pos;

  GeneratedBatch(int persons, int companies, int knowsPerPerson, long seed) {
    this.persons = persons;
    this.companies = companies;
    this.knowsPerPerson = knowsPerPerson;
    this.random = new SplittableRandom(seed);
  }

  long lines() {
    return (long) persons * (2 + knowsPerPerson) + companies;
  }

  long knowsEdges() {
    return (long) persons * knowsPerPerson;
  }

  private String line(long i) {
    if (i < persons) {
      return "{\"type\":\"Person\",\"data\":{\"slug\":\"p"
          + i
          + "\",\"name\":\"Person "
          + i
          + "\",\"age\":"
          + (16 + random.nextInt(75))
          + ",\"city\":\"city-"
          + random.nextInt(50)
          + "\"}}";
    }
    i -= persons;
    if (i < (long) persons * knowsPerPerson) {
      long src = i / knowsPerPerson;
      long dst = (src + 1 + random.nextInt(persons - 1)) % persons;
      return "{\"edge\":\"Knows\",\"from\":\"p" + src + "\",\"to\":\"p" + dst + "\",\"data\":{}}";
    }
    i -= (long) persons * knowsPerPerson;
    if (i < persons) {
      return "{\"edge\":\"WorksAt\",\"from\":\"p"
          + i
          + "\",\"to\":\"c"
          + random.nextInt(companies)
          + "\"}";
    }
    i -= persons;
    return "{\"type\":\"Company\",\"data\":{\"slug\":\"c"
        + i
        + "\",\"name\":\"Company "
        + i
        + "\",\"industry\":\""
        + INDUSTRIES[(int) (i % INDUSTRIES.length)]
        + "\"}}";
  }

  private boolean advance() {
    if (index >= lines()) {
      return false;
    }
    current = (line(index++) + "\n").getBytes(StandardCharsets.UTF_8);
    pos = 0;
    return true;
  }

  @Override
  public int read() {
    if (pos == current.length && !advance()) {
      return -1;
    }
    return current[pos++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) {
    int n = 0;
    while (n < len) {
      if (pos == current.length && !advance()) {
        return n == 0 ? -1 : n;
      }
      int k = Math.min(len - n, current.length - pos);
      System.arraycopy(current, pos, b, off + n, k);
      pos += k;
      n += k;
    }
    return n;
  }
}
