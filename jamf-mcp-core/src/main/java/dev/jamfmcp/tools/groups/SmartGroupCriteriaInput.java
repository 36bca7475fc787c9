package dev.jamfmcp.tools.groups;

import dev.jamfmcp.jamf.groups.SmartCriterion;
import dev.jamfmcp.jamf.groups.SmartGroups.Platform;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.tools.support.Schemas;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The criteria argument of createSmartGroup and updateSmartGroup: its schema (Jamf's search types
 * as an enum), the checks Jamf would make (parentheses balanced, a number of days or a date where
 * the search type needs one), priorities numbered in order, and the criteria as one line of text.
 */
final class SmartGroupCriteriaInput {
  static final int MAX_CRITERIA = 40;

  /** Jamf Pro's search types, as its smart group editor and API spell them. */
  static final List<String> SEARCH_TYPES =
      List.of(
          "is",
          "is not",
          "like",
          "not like",
          "has",
          "does not have",
          "matches regex",
          "does not match regex",
          "greater than",
          "less than",
          "greater than or equal",
          "less than or equal",
          "more than",
          "more than x days ago",
          "less than x days ago",
          "before (yyyy-mm-dd)",
          "after (yyyy-mm-dd)",
          "in more than x days",
          "in less than x days",
          "member of",
          "not member of",
          "current",
          "not current");

  private SmartGroupCriteriaInput() {}

  static ObjectNode schema(String description) {
    ObjectNode item =
        Schemas.object()
            .string("name", "Jamf criterion, e.g. Model, Operating System Version", 255)
            .enumeration(
                "searchType", "How the field is compared", SEARCH_TYPES.toArray(String[]::new))
            .property(
                "value",
                Json.object()
                    .put("type", "string")
                    .put("maxLength", 255)
                    .put(
                        "description",
                        "Value to compare with (days for x days, yyyy-mm-dd for dates)"))
            .enumeration("andOr", "Join to the criterion before (default and)", "and", "or")
            .bool("openingParen", "( before it", null)
            .bool("closingParen", ") after it", null)
            .required("name", "searchType", "value")
            .build();
    ObjectNode array = Schemas.arrayOf(item);
    array.put("minItems", 1).put("maxItems", MAX_CRITERIA).put("description", description);
    return array;
  }

  /** The criteria in order with priorities 0, 1, 2, ...; a {@link ToolException} when invalid. */
  static List<SmartCriterion> parse(JsonNode node) {
    List<SmartCriterion> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int depth = 0;
    int i = 0;
    for (JsonNode c : node) {
      String where = "criterion " + (i + 1);
      String searchType = c.path("searchType").asString("");
      String value = c.path("value").asString("");
      boolean open = c.path("openingParen").asBoolean(false);
      boolean close = c.path("closingParen").asBoolean(false);
      if (searchType.contains("x days")) {
        if (!value.trim().matches("\\d{1,6}")) {
          problems.add(
              where + ": '" + searchType + "' needs a whole number of days, not '" + value + "'");
        }
      } else if (searchType.contains("yyyy-mm-dd")) {
        try {
          LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
          problems.add(
              where + ": '" + searchType + "' needs a date as yyyy-mm-dd, not '" + value + "'");
        }
      }
      depth += open ? 1 : 0;
      if (close && --depth < 0) {
        problems.add(where + " closes a parenthesis that is not open");
        depth = 0;
      }
      String andOr = i == 0 ? "and" : c.path("andOr").asString("and").toLowerCase(Locale.ROOT);
      out.add(
          new SmartCriterion(
              c.path("name").asString("").trim(), i, andOr, searchType, value, open, close));
      i++;
    }
    if (depth > 0) {
      problems.add(depth + " parenthesis(es) opened and never closed");
    }
    if (!problems.isEmpty()) {
      throw new ToolException(
          "The criteria are not valid:\n- "
              + String.join("\n- ", problems)
              + "\nNothing was done.");
    }
    return out;
  }

  /** The criteria as one line: {@code Model like 'MacBook' and (A is 'x' or B is 'y')}. */
  static String text(List<SmartCriterion> criteria) {
    if (criteria.isEmpty()) {
      return "no criteria (every device)";
    }
    StringBuilder text = new StringBuilder();
    for (SmartCriterion c : criteria) {
      if (text.length() > 0) {
        text.append(' ').append(c.andOr()).append(' ');
      }
      text.append(c.openingParen() ? "(" : "")
          .append(c.name())
          .append(' ')
          .append(c.searchType())
          .append(" '")
          .append(c.value())
          .append('\'')
          .append(c.closingParen() ? ")" : "");
    }
    return text.toString();
  }

  static ArrayNode json(List<SmartCriterion> criteria) {
    ArrayNode out = Json.mapper().createArrayNode();
    for (SmartCriterion c : criteria) {
      out.addObject()
          .put("name", c.name())
          .put("searchType", c.searchType())
          .put("value", c.value())
          .put("andOr", c.andOr())
          .put("openingParen", c.openingParen())
          .put("closingParen", c.closingParen());
    }
    return out;
  }

  static Platform platform(JsonNode args) {
    return "mobile".equals(args.path("platform").asString("computer"))
        ? Platform.MOBILE
        : Platform.COMPUTER;
  }

  static String noun(Platform platform) {
    return platform == Platform.COMPUTER ? "smart computer group" : "smart mobile device group";
  }

  /** Where the groups of a platform are listed, for error messages. */
  static String lister(Platform platform) {
    return platform == Platform.COMPUTER
        ? "listComputerGroups with type smart lists them"
        : "listJamfObjects with kind mobileSmartGroups lists them";
  }
}
