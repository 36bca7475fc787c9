package dev.jamfmcp.javalin.internal;

import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Host and Origin rules of a server that may be bound to loopback (issue 19 V14/V15, issue 18 item
 * 9). Bound to loopback, a browser page on the machine itself ({@code localhost}, {@code
 * 127.0.0.1}, {@code [::1]}, any port) may call: its requests are not refused. CORS grants, which
 * let a page on another origin read the answers, go only to the configured origins. Without
 * authentication the Host must name the machine too (DNS rebinding: a page on {@code evil.example}
 * whose name now resolves to 127.0.0.1 arrives with {@code Host: evil.example}).
 */
public final class LocalOrigins {
  private static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

  private final Set<String> configured;
  private final boolean hostMustBeLocal;
  private volatile boolean loopbackBound;

  /**
   * @param configured origins given CORS (and allowed on any bind); {@code *} for any
   * @param hostMustBeLocal whether Host must name this machine (serving without authentication)
   */
  public LocalOrigins(Set<String> configured, boolean hostMustBeLocal) {
    this.configured = Set.copyOf(configured);
    this.hostMustBeLocal = hostMustBeLocal;
    this.loopbackBound = hostMustBeLocal;
  }

  /** Told the address the server binds, when it starts. */
  public void boundTo(String host) {
    loopbackBound = hostMustBeLocal || Loopback.isLoopbackAddress(host);
  }

  /** Whether browsers on {@code origin} get CORS grants: only configured origins. */
  public boolean grantsCors(String origin) {
    return origin != null && (configured.contains("*") || configured.contains(origin));
  }

  /** The 403 a request gets, if any. */
  public Optional<HttpReply> check(Function<String, Optional<String>> header) {
    if (hostMustBeLocal && !isLocalHost(header.apply("Host").orElse(null))) {
      return Optional.of(
          HttpReply.jsonRpcError(
              403,
              ErrorCodes.INVALID_REQUEST,
              "Forbidden: this server only answers requests addressed to localhost"));
    }
    String origin = header.apply("Origin").orElse(null);
    if (origin == null || grantsCors(origin) || (loopbackBound && isLocalOrigin(origin))) {
      return Optional.empty();
    }
    return Optional.of(
        HttpReply.jsonRpcError(
            403,
            ErrorCodes.INVALID_REQUEST,
            "Forbidden: requests from origin " + origin + " are not allowed"));
  }

  /** Whether a {@code Host} header names this machine (any port). A missing Host does not. */
  public static boolean isLocalHost(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String name = host.trim().toLowerCase(Locale.ROOT);
    if (name.startsWith("[")) {
      int end = name.indexOf(']');
      return end > 0
          && NAMES.contains(name.substring(0, end + 1))
          && isPortOrNothing(name.substring(end + 1));
    }
    int colon = name.indexOf(':');
    return colon < 0
        ? NAMES.contains(name)
        : NAMES.contains(name.substring(0, colon)) && isPortOrNothing(name.substring(colon));
  }

  private static boolean isPortOrNothing(String rest) {
    return rest.isEmpty() || rest.matches(":[0-9]{1,5}");
  }

  /** Whether a browser {@code Origin} is a page served from this machine (http or https). */
  public static boolean isLocalOrigin(String origin) {
    try {
      URI uri = new URI(origin);
      String scheme = uri.getScheme();
      return ("http".equals(scheme) || "https".equals(scheme))
          && uri.getRawUserInfo() == null
          && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
          && uri.getRawAuthority() != null
          && isLocalHost(uri.getRawAuthority());
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
