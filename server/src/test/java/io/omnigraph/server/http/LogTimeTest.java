package io.omnigraph.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTimeTest {
  @Test
  void formatsUtcWithMicrosecondsAndParsesBack() {
    Instant t = Instant.parse("2026-11-26T03:15:23.000042999Z");
    assertThat(LogTime.format(t)).isEqualTo("2026-11-26T03:15:23.000042Z");
    assertThat(Instant.parse(LogTime.format(t)))
        .isEqualTo(Instant.parse("2026-11-26T03:15:23.000042Z"));
  }

  @Test
  void theCachedSecondFollowsTheClock() {
    assertThat(LogTime.format(Instant.parse("2026-11-26T03:15:23.5Z")))
        .isEqualTo("2026-11-26T03:15:23.500000Z");
    assertThat(LogTime.format(Instant.parse("2026-11-26T03:15:24.000001Z")))
        .isEqualTo("2026-11-26T03:15:24.000001Z");
    assertThat(LogTime.format(Instant.parse("1999-12-31T23:59:59.999999Z")))
        .isEqualTo("1999-12-31T23:59:59.999999Z");
  }

  @Test
  void nowIsCloseToTheClock() {
    Instant before = Instant.now().minusSeconds(1);
    assertThat(Instant.parse(LogTime.now())).isAfter(before).isBefore(Instant.now().plusSeconds(1));
  }
}
