package io.omnigraph.engine.load;

import java.security.SecureRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * A monotonic ULID generator: 48-bit Unix milliseconds followed by 80 random bits, written as 26
 * Crockford base-32 characters. Within one millisecond (or when the clock steps back) the 80-bit
 * part of the previous ULID is incremented, so the ids one generator returns are strictly
 * increasing as strings; if that part overflows, the time part moves on by one millisecond.
 * Thread-safe.
 */
public final class Ulid {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final long MAX_TIME = (1L << 48) - 1;

  private final LongSupplier clock;
  private final RandomGenerator random;
  private long lastMs = -1;
  private long hi16;
  private long lo64;

  /** A ULID as two longs: {@code msb} = time (48 bits) then 16 random bits, {@code lsb}. */
  public record Value(long msb, long lsb) {
    /** Milliseconds since the epoch. */
    public long timeMs() {
      return msb >>> 16;
    }

    @Override
    public String toString() {
      return format(msb, lsb);
    }
  }

  public Ulid() {
    this(System::currentTimeMillis, new SecureRandom());
  }

  /** For tests: a fixed clock and seeded randomness. */
  public Ulid(LongSupplier clock, RandomGenerator random) {
    this.clock = clock;
    this.random = random;
  }

  /** The next ULID as a string. */
  public String next() {
    return nextValue().toString();
  }

  /** The next ULID as two longs (what the staging layer stores). */
  public synchronized Value nextValue() {
    long now = Math.min(clock.getAsLong(), MAX_TIME);
    if (now > lastMs) {
      lastMs = now;
      hi16 = random.nextLong() & 0xFFFF;
      lo64 = random.nextLong();
    } else if (++lo64 == 0 && (hi16 = (hi16 + 1) & 0xFFFF) == 0) {
      lastMs++;
    }
    return new Value((lastMs << 16) | hi16, lo64);
  }

  /** The 26-character spelling of a ULID given as two longs. */
  public static String format(long msb, long lsb) {
    char[] out = new char[26];
    for (int i = 0; i < 26; i++) {
      out[i] = ALPHABET[fiveBits(msb, lsb, 125 - 5 * i)];
    }
    return new String(out);
  }

  private static int fiveBits(long msb, long lsb, int shift) {
    if (shift >= 64) {
      return (int) ((msb >>> (shift - 64)) & 31);
    }
    if (shift <= 59) {
      return (int) ((lsb >>> shift) & 31);
    }
    return (int) (((msb << (64 - shift)) | (lsb >>> shift)) & 31);
  }

  /**
   * Parses a ULID (case-insensitive; Crockford's I/L read as 1 and O as 0).
   *
   * @throws IllegalArgumentException when {@code s} is not 26 base-32 characters below 2^128
   */
  public static Value parse(String s) {
    if (s.length() != 26) {
      throw new IllegalArgumentException("a ULID has 26 characters, got " + s.length());
    }
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 26; i++) {
      int d = digit(s.charAt(i));
      if (d < 0 || (i == 0 && d > 7)) {
        throw new IllegalArgumentException("not a ULID: " + s);
      }
      msb = (msb << 5) | (lsb >>> 59);
      lsb = (lsb << 5) | d;
    }
    return new Value(msb, lsb);
  }

  private static int digit(char c) {
    char u = Character.toUpperCase(c);
    if (u == 'I' || u == 'L') {
      return 1;
    }
    if (u == 'O') {
      return 0;
    }
    for (int i = 0; i < ALPHABET.length; i++) {
      if (ALPHABET[i] == u) {
        return i;
      }
    }
    return -1;
  }
}
