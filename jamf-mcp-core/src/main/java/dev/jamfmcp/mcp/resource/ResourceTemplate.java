package dev.jamfmcp.mcp.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A family of resources named by an RFC 6570 level-1 template such as {@code
 * jamf://computers/{id}}. Each {@code {name}} matches one non-empty path segment.
 */
public record ResourceTemplate(
    String uriTemplate,
    String name,
    String title,
    String description,
    String mimeType,
    Set<String> requiredScopes,
    ResourceReader reader) {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  public ResourceTemplate {
    Objects.requireNonNull(uriTemplate, "uriTemplate");
    Objects.requireNonNull(name, "name");
    requiredScopes = Set.copyOf(requiredScopes);
    Objects.requireNonNull(reader, "reader");
  }

  /** The variables if {@code uri} is an instance of this template. */
  public Optional<Map<String, String>> match(String uri) {
    List<String> names = new java.util.ArrayList<>();
    StringBuilder regex = new StringBuilder();
    Matcher m = VARIABLE.matcher(uriTemplate);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(uriTemplate.substring(last, m.start())));
      regex.append("([^/?#]+)");
      names.add(m.group(1));
      last = m.end();
    }
    regex.append(Pattern.quote(uriTemplate.substring(last)));
    Matcher match = Pattern.compile(regex.toString()).matcher(uri);
    if (!match.matches()) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      values.put(
          names.get(i),
          java.net.URLDecoder.decode(match.group(i + 1), java.nio.charset.StandardCharsets.UTF_8));
    }
    return Optional.of(values);
  }
}
