package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.McpMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** The transport settings the rules read, frozen. */
public record Settings(
    int maxBodyBytes,
    long retryMillis,
    String legacyMessagesPath,
    String resourceMetadataUrl,
    Set<String> allowedOrigins,
    Duration sessionIdleTimeout,
    Clock clock,
    boolean localhostOnly,
    McpMetrics metrics) {

  public Settings {
    allowedOrigins = Set.copyOf(allowedOrigins);
  }

  /** Requests without Origin come from non-browser clients and are allowed. */
  public boolean originAllowed(String origin) {
    return origin == null
        || allowedOrigins.contains("*")
        || allowedOrigins.contains(origin)
        || (localhostOnly && LoopbackNames.isLoopbackOrigin(origin));
  }

  /** False only when serving localhost alone and the Host header names another machine. */
  public boolean hostAllowed(String host) {
    return !localhostOnly || LoopbackNames.isLoopbackHost(host);
  }
}
