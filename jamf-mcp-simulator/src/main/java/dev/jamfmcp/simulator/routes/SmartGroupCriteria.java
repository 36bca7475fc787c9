package dev.jamfmcp.simulator.routes;

import dev.jamfmcp.simulator.rsql.RsqlNode;
import dev.jamfmcp.simulator.rsql.RsqlParser;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;

/** Shows a smart group's RSQL criteria the way Jamf's UI-built criteria look. */
final class SmartGroupCriteria {
  private static final Map<String, String> NAMES =
      Map.of(
          "id", "Computer ID",
          "operatingSystem.version", "Operating System Version",
          "diskEncryption.fileVault2Enabled", "FileVault 2 Status",
          "general.lastContactTime", "Last Check-in",
          "userAndLocation.departmentId", "Department",
          "hardware.appleSilicon", "Apple Silicon",
          "security.firewallEnabled", "Firewall Enabled");

  private SmartGroupCriteria() {}

  static void write(JsonGenerator json, String rsql) {
    RsqlNode node = RsqlParser.parse(rsql).orElseThrow();
    List<RsqlNode> terms = node instanceof RsqlNode.And and ? and.children() : List.of(node);
    int priority = 0;
    for (RsqlNode term : terms) {
      RsqlNode.Comparison c = (RsqlNode.Comparison) term;
      String value = c.arguments().get(0);
      boolean like = value.indexOf(RsqlParser.WILDCARD) >= 0;
      json.writeStartObject();
      json.writeStringProperty("name", NAMES.getOrDefault(c.selector(), c.selector()));
      json.writeNumberProperty("priority", priority++);
      json.writeStringProperty("andOr", "and");
      json.writeStringProperty("searchType", searchType(c, like));
      json.writeStringProperty("value", value.replace(String.valueOf(RsqlParser.WILDCARD), ""));
      json.writeBooleanProperty("openingParen", false);
      json.writeBooleanProperty("closingParen", false);
      json.writeEndObject();
    }
  }

  private static String searchType(RsqlNode.Comparison c, boolean like) {
    switch (c.operator()) {
      case EQ:
        return like ? "like" : "is";
      case NE:
        return like ? "not like" : "is not";
      case LT:
      case LE:
        return "before (yyyy-mm-dd)";
      case GT:
      case GE:
        return "more than";
      default:
        return "is";
    }
  }
}
