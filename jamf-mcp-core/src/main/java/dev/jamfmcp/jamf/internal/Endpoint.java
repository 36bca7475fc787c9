package dev.jamfmcp.jamf.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation of the Jamf Pro or Classic API: method plus path template. Instances exist only in
 * {@link Endpoints}, and a {@link JamfRequest} can only be made from one, so the catalogue is the
 * complete list of what this client can send (the contract test relies on that).
 */
public final class Endpoint {

  /** Which of Jamf's two APIs an endpoint belongs to. */
  public enum Api {
    PRO,
    CLASSIC
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^}/]+}");

  private final String method;
  private final String template;
  private final Api api;
  private final boolean bearer;
  private final boolean deprecated;
  private final List<String> privileges;

  Endpoint(String method, String template, boolean bearer) {
    this(method, template, bearer, false, List.of());
  }

  private Endpoint(
      String method, String template, boolean bearer, boolean deprecated, List<String> privileges) {
    this.method = method;
    this.template = template;
    this.api = template.startsWith("/JSSResource/") ? Api.CLASSIC : Api.PRO;
    this.bearer = bearer;
    this.deprecated = deprecated;
    this.privileges = List.copyOf(privileges);
  }

  /** This endpoint, marked as one Jamf's API description deprecates. */
  Endpoint markedDeprecated() {
    return new Endpoint(method, template, bearer, true, privileges);
  }

  /**
   * This endpoint with the API role privileges it needs. For the Pro API they are the schema's
   * {@code x-required-privileges} (the contract test keeps them equal); the Classic swagger has
   * none, so Classic ones are mapped by hand from Jamf's privilege names ({@link
   * #privilegesMappedByHand()}).
   */
  Endpoint privileges(String... names) {
    return new Endpoint(method, template, bearer, deprecated, List.of(names));
  }

  /**
   * The API role privileges this operation needs, e.g. {@code [Read Computers]}; empty for the
   * token endpoints and the version, which any authenticated caller may use.
   */
  public List<String> privileges() {
    return privileges;
  }

  /**
   * True for the Classic API, whose swagger declares no privileges: {@link #privileges()} then
   * comes from Jamf's documentation naming (CRUD on the object type), not from the schema.
   */
  public boolean privilegesMappedByHand() {
    return api == Api.CLASSIC;
  }

  public String method() {
    return method;
  }

  /** The path template as the client sends it, e.g. {@code /api/v1/scripts/{id}}. */
  public String template() {
    return template;
  }

  public Api api() {
    return api;
  }

  /** False only for the token endpoints, which authenticate with the credentials themselves. */
  public boolean bearer() {
    return bearer;
  }

  /**
   * True when Jamf's API description deprecates this operation and the client still uses it; the
   * contract test keeps this flag equal to the description's, so a newly deprecated operation is
   * noticed when a Jamf Pro version is adopted.
   */
  public boolean deprecated() {
    return deprecated;
  }

  /** A request for this endpoint, filling the placeholders in order with path-encoded values. */
  public JamfRequest request(Object... pathArgs) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder path = new StringBuilder();
    int i = 0;
    while (m.find()) {
      if (i >= pathArgs.length) {
        throw new IllegalArgumentException("missing value for " + m.group() + " in " + template);
      }
      String value = String.valueOf(pathArgs[i++]);
      if (value.isEmpty()) {
        throw new IllegalArgumentException("empty value for " + m.group() + " in " + template);
      }
      m.appendReplacement(path, Matcher.quoteReplacement(encodeSegment(value)));
    }
    m.appendTail(path);
    if (i != pathArgs.length) {
      throw new IllegalArgumentException(
          template + " takes " + i + " path values, got " + pathArgs.length);
    }
    return JamfRequest.of(this, path.toString());
  }

  static String encodeSegment(String value) {
    // "+" and "," are legal path characters and Jamf documents them literally
    // (".../interval/Zero+Days", ".../id/1,2,3/status/Pending+Failed").
    return URLEncoder.encode(value, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("%2B", "+")
        .replace("%2C", ",");
  }

  @Override
  public String toString() {
    return method + " " + template;
  }
}
