package dev.jamfmcp.simulator.auth;

import java.time.Instant;

/** An issued bearer token: an API-client token or a user-account token. */
public record Token(String value, Kind kind, String subject, Instant expiresAt) {
  public enum Kind {
    API_CLIENT,
    USER
  }

  public boolean validAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
