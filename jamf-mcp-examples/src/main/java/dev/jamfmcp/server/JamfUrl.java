package dev.jamfmcp.server;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * What {@code JAMF_URL} may be beyond an http(s) URL ({@link Values#url}): the server's address,
 * not one of its API or page URLs. The client appends {@code /api/...} and {@code /JSSResource/...}
 * to it, so {@code https://x.jamfcloud.com/JSSResource} would only ever get 404s, which start-up
 * would report as "not ready". An on-premises server under a context path ({@code
 * https://jamf.example.com/jss}) stays allowed; Jamf Cloud has none.
 */
final class JamfUrl {
  /** First path segments that are Jamf Pro's own routes, never a context path. */
  private static final Set<String> JAMF_ROUTES =
      Set.of("jssresource", "api", "uapi", "classicapi", "oauth", "v1", "v2", "v3");

  private JamfUrl() {}

  static void check(URI url) {
    String text = url.toString();
    String address = url.getScheme() + "://" + url.getRawAuthority();
    if (url.getRawUserInfo() != null) {
      throw ConfigException.of(
          Setting.JAMF_URL,
          "it carries a user name or password",
          "give the address only ("
              + url.getScheme()
              + "://"
              + url.getHost()
              + ") and the"
              + " credentials in JAMF_CLIENT_ID/JAMF_CLIENT_SECRET");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw ConfigException.of(
          Setting.JAMF_URL,
          "'" + text + "' has a query or fragment",
          "give the server's address only, like " + address);
    }
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    if (path.isEmpty()) {
      return;
    }
    String[] segments = path.substring(1).split("/", -1);
    String first = segments[0].toLowerCase(Locale.ROOT);
    String last = segments[segments.length - 1];
    boolean jamfCloud = url.getHost().toLowerCase(Locale.ROOT).endsWith(".jamfcloud.com");
    if (jamfCloud || JAMF_ROUTES.contains(first) || last.contains(".")) {
      throw ConfigException.of(
          Setting.JAMF_URL,
          "'"
              + text
              + "' has the path "
              + path
              + ", but the server's address is needed (the"
              + " API paths are added to it)",
          "set it to " + address);
    }
  }
}
