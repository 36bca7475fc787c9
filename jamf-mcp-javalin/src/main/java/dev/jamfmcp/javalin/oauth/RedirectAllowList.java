package dev.jamfmcp.javalin.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Redirect URIs the OAuth front may send a browser to. An entry is an absolute URI whose path may
 * hold {@code {id}} (one path segment of letters, digits, {@code -} and {@code _}) and whose port
 * may be {@code {port}} (any port). Entries and candidates are compared as parsed URIs, part by
 * part: scheme, host, port and path must each match, and a candidate with user-info, a query or a
 * fragment never matches. A string prefix would let {@code http://localhost.evil.example/cb} pass
 * for {@code http://localhost}, and {@code http://127.0.0.1@evil.example/cb} (user-info {@code
 * 127.0.0.1}, host {@code evil.example}) pass for {@code http://127.0.0.1}.
 *
 * <p>Entries are checked when the list is made ({@link #requireValidEntry}): https, or http only
 * for a loopback host ({@code 127.0.0.1}, {@code localhost}, {@code [::1]}); no user-info, query,
 * fragment or wildcard.
 */
public final class RedirectAllowList {
  /** ChatGPT's current and older callback, Claude's callback. */
  public static final List<String> DEFAULTS =
      List.of(
          "https://chatgpt.com/connector/oauth/{id}",
          "https://chatgpt.com/connector_platform_oauth_redirect",
          "https://claude.ai/api/mcp/auth_callback");

  /** Loopback callbacks of local clients (MCP Inspector and the like), for development. */
  public static final List<String> LOOPBACK =
      List.of(
          "http://127.0.0.1:{port}/callback",
          "http://127.0.0.1:{port}/oauth/callback",
          "http://localhost:{port}/callback",
          "http://localhost:{port}/oauth/callback");

  private static final int MAX_URI_CHARS = 2048;
  private static final int ANY_PORT = -2;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
  private static final Pattern PLAIN_SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]*");

  /** One parsed entry; {@code port} is {@link #ANY_PORT} for {@code {port}}. */
  private record Entry(String scheme, String host, int port, List<String> segments) {}

  private final List<Entry> entries;

  /**
   * @throws IllegalArgumentException naming the first entry that is not a safe redirect URI
   */
  public RedirectAllowList(List<String> entries) {
    this.entries = entries.stream().map(RedirectAllowList::parseEntry).toList();
  }

  /**
   * Checks one allow-list entry as the list does at start-up.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static void requireValidEntry(String entry) {
    parseEntry(entry);
  }

  private static Entry parseEntry(String entry) {
    Objects.requireNonNull(entry, "entry");
    if (entry.contains("*")) {
      throw invalid(entry, "has a wildcard; write {id} for the one path segment that varies");
    }
    int portHole = entry.indexOf(":{port}");
    String parsable = portHole < 0 ? entry : entry.replace(":{port}", ":1");
    URI uri;
    try {
      uri = new URI(parsable.replace("{id}", "id"));
    } catch (URISyntaxException e) {
      throw invalid(entry, "is not a URI");
    }
    if (!uri.isAbsolute() || uri.getRawAuthority() == null || uri.getHost() == null) {
      throw invalid(entry, "is not an absolute URI with a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw invalid(entry, "has user-info (the part before @ is not the host)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw invalid(entry, "has a query or fragment");
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(host))) {
      throw invalid(entry, "is not https (http only for 127.0.0.1, localhost or [::1])");
    }
    List<String> segments = segments(entry.substring(entry.indexOf("://") + 3));
    for (String segment : segments) {
      if (!segment.equals("{id}") && !PLAIN_SEGMENT.matcher(segment).matches()
          || segment.equals(".")
          || segment.equals("..")) {
        throw invalid(entry, "has a path segment that is not plain: " + segment);
      }
    }
    return new Entry(scheme, host, portHole < 0 ? effectivePort(scheme, uri) : ANY_PORT, segments);
  }

  /** The path segments after the authority at the start of {@code fromAuthority}. */
  private static List<String> segments(String fromAuthority) {
    int slash = fromAuthority.indexOf('/');
    if (slash < 0) {
      return List.of("");
    }
    return List.of(fromAuthority.substring(slash + 1).split("/", -1));
  }

  private static IllegalArgumentException invalid(String entry, String why) {
    return new IllegalArgumentException("Redirect URI '" + entry + "' " + why);
  }

  static boolean isLoopback(String host) {
    return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
  }

  private static int effectivePort(String scheme, URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return scheme.equals("https") ? 443 : 80;
  }

  public boolean allows(String candidate) {
    if (candidate == null || candidate.length() > MAX_URI_CHARS) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(candidate);
    } catch (URISyntaxException e) {
      return false;
    }
    if (!uri.isAbsolute()
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawPath() == null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = effectivePort(scheme, uri);
    String path = uri.getRawPath();
    List<String> segments =
        path.isEmpty() ? List.of("") : List.of(path.substring(1).split("/", -1));
    if (!path.isEmpty() && !path.startsWith("/")) {
      return false;
    }
    return entries.stream().anyMatch(e -> matches(e, scheme, host, port, uri, segments));
  }

  private static boolean matches(
      Entry entry, String scheme, String host, int port, URI uri, List<String> segments) {
    if (!entry.scheme().equals(scheme) || !entry.host().equals(host)) {
      return false;
    }
    if (entry.port() == ANY_PORT ? uri.getPort() < 1 : entry.port() != port) {
      return false;
    }
    if (entry.segments().size() != segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      String expected = entry.segments().get(i);
      String actual = segments.get(i);
      if (expected.equals("{id}") ? !ID.matcher(actual).matches() : !expected.equals(actual)) {
        return false;
      }
    }
    return true;
  }
}
