package dev.jamfmcp.simulator.routes;

import java.time.Instant;
import java.time.ZoneOffset;

/** Jamf's date formats: ISO instants with millis, and plain dates. */
final class Dates {
    private Dates() {
    }

    static String instant(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    static String date(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }
}
