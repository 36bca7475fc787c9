package dev.jamfmcp.jamf.internal;

import java.time.Duration;
import java.time.Instant;

/** A bearer token and its lifetime. {@link #toString()} never shows the value. */
record Token(String value, Instant obtainedAt, Instant expiresAt) {

  /**
   * Usable if it will not expire within the safety margin: a quarter of its lifetime, at most a
   * minute, so a request started now does not arrive with a token that expired on the way.
   */
  boolean usableAt(Instant now) {
    Duration lifetime = Duration.between(obtainedAt, expiresAt);
    Duration margin = lifetime.dividedBy(4);
    if (margin.compareTo(Duration.ofMinutes(1)) > 0) {
      margin = Duration.ofMinutes(1);
    }
    return now.isBefore(expiresAt.minus(margin));
  }

  boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "Token[value=***, expiresAt=" + expiresAt + "]";
  }
}
