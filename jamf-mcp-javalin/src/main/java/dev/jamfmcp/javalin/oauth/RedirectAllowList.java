package dev.jamfmcp.javalin.oauth;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redirect URIs the OAuth front may send a browser to. An entry is an exact URI, or a URI with one
 * {@code {id}} placeholder matching a single path segment of letters, digits, {@code -} and {@code
 * _}, and {@code {port}} matching a port number. The whole URI must match, so no query, fragment,
 * user-info or extra path slips by.
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

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(id|port)}");
  private final List<Pattern> patterns;

  public RedirectAllowList(List<String> entries) {
    this.patterns = entries.stream().map(RedirectAllowList::compile).toList();
  }

  private static Pattern compile(String entry) {
    StringBuilder regex = new StringBuilder();
    Matcher m = PLACEHOLDER.matcher(entry);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(entry.substring(last, m.start())));
      regex.append(m.group(1).equals("id") ? "[A-Za-z0-9_-]{1,128}" : "[1-9][0-9]{0,4}");
      last = m.end();
    }
    regex.append(Pattern.quote(entry.substring(last)));
    return Pattern.compile(regex.toString());
  }

  public boolean allows(String uri) {
    return uri != null
        && uri.length() <= 2048
        && patterns.stream().anyMatch(p -> p.matcher(uri).matches());
  }
}
