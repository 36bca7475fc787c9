package dev.jamfmcp.mcp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The RFC 5424 severities MCP log messages use, least severe first. */
public enum LogLevel {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL,
  ALERT,
  EMERGENCY;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<LogLevel> parse(String wire) {
    return Arrays.stream(values()).filter(l -> l.wire().equals(wire)).findFirst();
  }
}
