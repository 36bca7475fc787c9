package dev.jamfmcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.confirm.ConfirmationGate;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.tools.support.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One id rule for every registered tool (issue #16: "ids are strings in some tools, numbers in
 * others"). An id-like argument (its name ends with {@code Id}, {@code Ids}, {@code Identifier} or
 * {@code Identifiers}, or is {@code identifier}) is a string made by {@link Ids}: a device argument
 * (named for a device, computer, mobile device, or an identifier) names the {@code
 * computer:<id>}/{@code mobile:<id>} forms it accepts; any other is a Jamf object id, digits only
 * ({@link Ids#OBJECT_PATTERN}; a site may be -1, a software update plan's id is a UUID). In
 * results, every id-like property ({@code id}, {@code ref}, {@code ...Id}) is a string. Exempt:
 * {@code approvalId} (the confirmation gate's own token) and fetch's {@code id} (ChatGPT's
 * connector contract; it takes what search prints).
 */
class IdSchemaRuleTest {
  private static final Pattern ID_LIKE =
      Pattern.compile("identifiers?|.*[a-z0-9](Id|Ids|Identifier|Identifiers)");
  private static final Pattern DEVICE_NAME = Pattern.compile("(?i).*(device|computer|mobile).*");

  @Test
  void everyIdArgumentAndResultFollowsTheRule() {
    List<Tool> tools;
    try (JamfClient jamf = ToolListBytes.offlineClient()) {
      tools = JamfTools.create(jamf, s -> s.confirmationKey(new byte[32])).tools();
    }
    List<String> findings = new ArrayList<>();
    int checked = 0;
    for (Tool tool : tools) {
      for (Map.Entry<String, JsonNode> p : tool.inputSchema().path("properties").properties()) {
        if (ID_LIKE.matcher(p.getKey()).matches()
            && !p.getKey().equals(ConfirmationGate.APPROVAL_ARGUMENT)) {
          checked++;
          inputFinding(p.getKey(), p.getValue())
              .ifPresent(f -> findings.add(tool.name() + "." + p.getKey() + ": " + f));
        }
      }
      if (tool.outputSchema() != null) {
        outputFindings(tool.name(), tool.outputSchema(), findings);
      }
    }
    assertThat(checked).as("id arguments checked").isGreaterThan(10);
    assertThat(findings).as("id arguments and results off the rule (use support.Ids)").isEmpty();
  }

  /** The check itself: what it refuses, and what Ids makes passes. */
  @Test
  void theRuleRefusesIntegersUnpatternedObjectIdsAndDevicesWithoutForms() {
    assertThat(inputFinding("policyId", Ids.object("Jamf policy id"))).isEmpty();
    assertThat(inputFinding("deviceId", Ids.device(Ids.Platform.COMPUTER, "The Mac"))).isEmpty();
    assertThat(inputFinding("deviceIds", Ids.devices(Ids.Platform.ANY, "The devices", 100)))
        .isEmpty();
    assertThat(inputFinding("identifier", Ids.device(Ids.Platform.MOBILE, "The device"))).isEmpty();
    assertThat(inputFinding("policyId", schema("{\"type\":\"integer\"}"))).isPresent();
    assertThat(inputFinding("groupId", schema("{\"type\":\"string\",\"maxLength\":10}")))
        .isPresent();
    assertThat(
            inputFinding(
                "identifier", schema("{\"type\":\"string\",\"description\":\"Jamf id or name\"}")))
        .isPresent();
    List<String> findings = new ArrayList<>();
    outputFindings(
        "t",
        schema(
            "{\"type\":\"object\",\"properties\":{\"rows\":{\"type\":\"array\",\"items\":"
                + "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}}}}"),
        findings);
    assertThat(findings).containsExactly("t result rows[].id: not a string");
  }

  static java.util.Optional<String> inputFinding(String name, JsonNode schema) {
    boolean device =
        DEVICE_NAME.matcher(name).matches() || name.toLowerCase(Locale.ROOT).contains("identifier");
    JsonNode one = schema;
    String description = schema.path("description").asString("");
    if (name.endsWith("Ids") || name.endsWith("Identifiers") || name.equals("identifiers")) {
      if (!"array".equals(schema.path("type").asString(""))) {
        return java.util.Optional.of("a list of ids must be an array of strings");
      }
      one = schema.path("items");
    }
    if (!"string".equals(one.path("type").asString(""))) {
      return java.util.Optional.of("ids are strings (Ids.object / Ids.device), not " + one);
    }
    if (device) {
      if (one.path("maxLength").asInt(Integer.MAX_VALUE) > Ids.MAX_DEVICE_LENGTH
          || !(description.contains("computer:<id>") || description.contains("mobile:<id>"))) {
        return java.util.Optional.of(
            "a device argument names the computer:<id>/mobile:<id> forms it accepts"
                + " (Ids.device)");
      }
      return java.util.Optional.empty();
    }
    if (!java.util.Set.of(Ids.OBJECT_PATTERN, Ids.SITE_PATTERN, Ids.UUID_PATTERN)
        .contains(one.path("pattern").asString(""))) {
      return java.util.Optional.of("a Jamf object id is digits only (Ids.object)");
    }
    return java.util.Optional.empty();
  }

  static void outputFindings(String path, JsonNode node, List<String> findings) {
    walk(path + " result", node, findings);
  }

  private static void walk(String path, JsonNode node, List<String> findings) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
      String name = p.getKey();
      String here = path.endsWith(" result") ? path + " " + name : path + "." + name;
      if ((name.equals("id") || name.equals("ref") || ID_LIKE.matcher(name).matches())
          && !stringish(p.getValue())) {
        findings.add(here + ": not a string");
      }
      walk(here, p.getValue(), findings);
    }
    if (node.has("items")) {
      walk(path + "[]", node.get("items"), findings);
    }
    for (JsonNode branch : node.path("anyOf")) {
      walk(path, branch, findings);
    }
  }

  /** A string, a nullable string, or an array of strings. */
  private static boolean stringish(JsonNode schema) {
    String type = schema.path("type").asString("");
    if (type.equals("string")) {
      return true;
    }
    if (type.equals("array")) {
      return stringish(schema.path("items"));
    }
    if (schema.path("type").isArray()) {
      for (JsonNode t : schema.path("type")) {
        if (!t.asString().equals("string") && !t.asString().equals("null")) {
          return false;
        }
      }
      return true;
    }
    JsonNode anyOf = schema.path("anyOf");
    if (anyOf.isEmpty()) {
      return false;
    }
    for (JsonNode branch : anyOf) {
      if (!branch.path("type").asString("").equals("null") && !stringish(branch)) {
        return false;
      }
    }
    return true;
  }

  private static ObjectNode schema(String json) {
    return (ObjectNode) Json.mapper().readTree(json);
  }
}
