package dev.jamfmcp.javalin.oauth;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Redirect URIs the OAuth front may send a browser to. An entry is an exact URI, or a URI with one
 * {@code {id}} placeholder matching a single path segment of letters, digits, {@code -} and {@code
 * _}. The whole URI must match, so no query, fragment, user-info or extra path slips by.
 */
public final class RedirectAllowList {
  /** ChatGPT's current and older callback, Claude's callback. */
  public static final List<String> DEFAULTS =
      List.of(
          "https://chatgpt.com/connector/oauth/{id}",
          "https://chatgpt.com/connector_platform_oauth_redirect",
          "https://claude.ai/api/mcp/auth_callback");

  private final List<Pattern> patterns;

  public RedirectAllowList(List<String> entries) {
    this.patterns = entries.stream().map(RedirectAllowList::compile).toList();
  }

  private static Pattern compile(String entry) {
    int at = entry.indexOf("{id}");
    if (at < 0) {
      return Pattern.compile(Pattern.quote(entry));
    }
    return Pattern.compile(
        Pattern.quote(entry.substring(0, at))
            + "[A-Za-z0-9_-]{1,128}"
            + Pattern.quote(entry.substring(at + 4)));
  }

  public boolean allows(String uri) {
    return uri != null
        && uri.length() <= 2048
        && patterns.stream().anyMatch(p -> p.matcher(uri).matches());
  }
}
