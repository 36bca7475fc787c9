package dev.jamfmcp.jamf.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error answer into a short text a person can act on. Jamf Pro API errors are JSON ({@code
 * {"httpStatus":..,"errors":[{"code":..,"description":..}]}}), token errors follow RFC 6749, and
 * the Classic API answers with an HTML status page.
 */
final class ErrorBodies {

  private static final int MAX_TEXT = 300;
  private static final Pattern SCRIPT_OR_STYLE =
      Pattern.compile("(?is)<(script|style|head)[^>]*>.*?</\\1>");
  private static final Pattern TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern SPACE = Pattern.compile("\\s+");

  /** What the error answer said: Jamf's error code if any, and a description. */
  record Detail(String code, String text) {}

  private ErrorBodies() {}

  static Detail describe(JamfResponse response) {
    if (response.body().length == 0) {
      return new Detail(null, "");
    }
    String type = response.contentType();
    String text = response.bodyText().trim();
    if (type.contains("json") || text.startsWith("{")) {
      Detail d = fromJson(response.body());
      if (d != null) {
        return d;
      }
    }
    if (type.contains("html") || text.startsWith("<")) {
      return new Detail(null, fromHtml(text));
    }
    return new Detail(null, cap(SPACE.matcher(text).replaceAll(" ")));
  }

  private static Detail fromJson(byte[] body) {
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      if (root.has("errors") && root.get("errors").isArray()) {
        String code = null;
        List<String> texts = new ArrayList<>();
        for (JsonNode error : root.get("errors")) {
          if (code == null && error.hasNonNull("code")) {
            code = error.get("code").asString();
          }
          String description = error.path("description").asString("");
          String field = error.path("field").asString("");
          if (!description.isEmpty()) {
            texts.add(field.isEmpty() ? description : field + ": " + description);
          }
        }
        return new Detail(code, cap(String.join("; ", texts)));
      }
      if (root.has("error")) {
        String description = root.path("error_description").asString("");
        return new Detail(root.get("error").asString(), cap(description));
      }
      return null;
    } catch (JacksonException e) {
      return null;
    }
  }

  static String fromHtml(String html) {
    String text = SCRIPT_OR_STYLE.matcher(html).replaceAll(" ");
    text = TAG.matcher(text).replaceAll(" ");
    text =
        text.replace("&nbsp;", " ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
    return cap(SPACE.matcher(text).replaceAll(" ").trim());
  }

  private static String cap(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
  }
}
