package dev.jamfmcp.simulator.routes;

import java.time.LocalDate;

/**
 * Jamf's date formats: ISO instants with millis, and plain dates. Hand-rolled because a page of
 * 2,000 computers formats 14,000 dates, and {@code Instant.toString} was a visible cost there; the
 * output is identical to {@code Instant.toString} for years 1000 to 9999.
 */
final class Dates {
  private Dates() {}

  /** The instant, or null for {@code Field.NULL} (a date Jamf has not got). */
  static String instantOrNull(long epochMillis) {
    return epochMillis == dev.jamfmcp.simulator.rsql.Field.NULL ? null : instant(epochMillis);
  }

  static String instant(long epochMillis) {
    long seconds = Math.floorDiv(epochMillis, 1000L);
    int millis = (int) Math.floorMod(epochMillis, 1000L);
    int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
    char[] out = new char[millis == 0 ? 20 : 24];
    digits(out, 0, day.getYear(), 4);
    out[4] = '-';
    digits(out, 5, day.getMonthValue(), 2);
    out[7] = '-';
    digits(out, 8, day.getDayOfMonth(), 2);
    out[10] = 'T';
    digits(out, 11, secondOfDay / 3600, 2);
    out[13] = ':';
    digits(out, 14, secondOfDay / 60 % 60, 2);
    out[16] = ':';
    digits(out, 17, secondOfDay % 60, 2);
    if (millis != 0) {
      out[19] = '.';
      digits(out, 20, millis, 3);
    }
    out[out.length - 1] = 'Z';
    return new String(out);
  }

  static String date(long epochMillis) {
    return LocalDate.ofEpochDay(Math.floorDiv(epochMillis, 86_400_000L)).toString();
  }

  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
