package dev.jamfmcp.mcp.http.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection for a server that listens on a loopback address without authentication:
 * a page on {@code evil.example} whose name now resolves to 127.0.0.1 reaches the server with
 * {@code Host: evil.example}, so only requests that name the machine itself are served, and browser
 * pages on the machine itself may call.
 */
public final class LoopbackNames {
  private static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private LoopbackNames() {}

  /** Whether a {@code Host} header names this machine (any port). A missing Host does not. */
  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String name = host.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      return end > 0 && NAMES.contains(name.substring(0, end + 1));
    }
    int colon = name.indexOf(':');
    return NAMES.contains(colon < 0 ? name : name.substring(0, colon));
  }

  /** Whether a browser {@code Origin} is a page served from this machine. */
  public static boolean isLoopbackOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      return ("http".equals(scheme) || "https".equals(scheme))
          && uri.getRawAuthority() != null
          && isLoopbackHost(uri.getRawAuthority());
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }
}
