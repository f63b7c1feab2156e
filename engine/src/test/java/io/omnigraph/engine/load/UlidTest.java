package io.omnigraph.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UlidTest {
  /** Randomness that returns the given longs in turn. */
  private static RandomGenerator fixed(long... values) {
    int[] i = {0};
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return values[i[0]++ % values.length];
      }
    };
  }

  @Test
  void encodesTimeThenRandomnessInCrockfordBase32() {
    Ulid u = new Ulid(() -> 0L, fixed(0, 0));
    assertThat(u.next()).isEqualTo("00000000000000000000000000");
    Ulid max = new Ulid(() -> (1L << 48) - 1, fixed(-1L, -1L));
    assertThat(max.next()).isEqualTo("7ZZZZZZZZZZZZZZZZZZZZZZZZZ");
    Ulid one = new Ulid(() -> 1L, fixed(0, 1));
    assertThat(one.next()).isEqualTo("00000000010000000000000001");
  }

  @Test
  void formatAndParseRoundTrip() {
    SplittableRandom r = new SplittableRandom(1);
    for (int i = 0; i < 1000; i++) {
      long msb = r.nextLong() & ~(0L);
      long lsb = r.nextLong();
      String s = Ulid.format(msb, lsb);
      assertThat(s).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
      assertThat(Ulid.parse(s)).isEqualTo(new Ulid.Value(msb, lsb));
      assertThat(Ulid.parse(s.toLowerCase())).isEqualTo(new Ulid.Value(msb, lsb));
    }
  }

  @Test
  void monotonicWithinAMillisecondAndAcrossClockSteps() {
    AtomicLong clock = new AtomicLong(1_000);
    Ulid u = new Ulid(clock::get, new SplittableRandom(3));
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      if (i % 1000 == 0) {
        clock.addAndGet(i % 3000 == 0 ? -5 : 1); // the clock also steps back
      }
      ids.add(u.next());
    }
    for (int i = 1; i < ids.size(); i++) {
      assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
    }
  }

  @Test
  void incrementCarriesIntoTheHighRandomBitsThenTheTime() {
    Ulid u = new Ulid(() -> 5L, fixed(0xFFFF, -1L));
    Ulid.Value a = u.nextValue();
    Ulid.Value b = u.nextValue();
    assertThat(a.timeMs()).isEqualTo(5);
    assertThat(b.timeMs()).isEqualTo(6);
    assertThat(b.toString()).isGreaterThan(a.toString());
    Ulid carry = new Ulid(() -> 5L, fixed(0x0001, -1L));
    Ulid.Value c = carry.nextValue();
    Ulid.Value d = carry.nextValue();
    assertThat(d.msb()).isEqualTo(c.msb() + 1);
    assertThat(d.lsb()).isZero();
  }

  @Test
  void rejectsNonUlids() {
    assertThatThrownBy(() -> Ulid.parse("short")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ulid.parse("8ZZZZZZZZZZZZZZZZZZZZZZZZZ"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ulid.parse("0000000000000000000000000U"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDefaultGeneratorUsesTheWallClock() {
    long before = System.currentTimeMillis();
    Ulid.Value v = new Ulid().nextValue();
    assertThat(v.timeMs()).isBetween(before, System.currentTimeMillis() + 1);
  }
}
