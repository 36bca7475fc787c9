package dev.jamfmcp.simulator.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class DatesTest {
  /** Years 1970 to 2100: every date the fleet can hold. */
  @Property(tries = 2000)
  void instantsFormatExactlyLikeInstantToString(
      @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long millis) {
    assertThat(Dates.instant(millis)).isEqualTo(Instant.ofEpochMilli(millis).toString());
    assertThat(Dates.date(millis))
        .isEqualTo(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC).toLocalDate().toString());
  }

  @Property(tries = 200)
  void wholeSecondsHaveNoFraction(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long seconds) {
    assertThat(Dates.instant(seconds * 1000)).isEqualTo(Instant.ofEpochSecond(seconds).toString());
  }
}
