package dev.jamfmcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.tool.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every tool's input and output schema as clients receive it passes the MCP Inspector's schema
 * portability check (2.x, {@code --cli ... --method tools/list --strict}) without a warning: no
 * {@code "type"} array (nullable unions are {@code anyOf} branches), and no subschema without a
 * keyword that constrains (which is what dropping the type of a nullable left behind). The rules
 * are the Inspector's {@code lintNode}; the subschema keywords are the ones it walks.
 */
class SchemaPortabilityTest {
  /** Keywords that make a subschema constrain its instance (the Inspector's list). */
  static final Set<String> CONSTRAINING =
      Set.of(
          "type",
          "enum",
          "const",
          "multipleOf",
          "maximum",
          "exclusiveMaximum",
          "minimum",
          "exclusiveMinimum",
          "maxLength",
          "minLength",
          "pattern",
          "format",
          "contentMediaType",
          "contentEncoding",
          "contentSchema",
          "maxItems",
          "minItems",
          "uniqueItems",
          "maxContains",
          "minContains",
          "maxProperties",
          "minProperties",
          "required",
          "dependentRequired",
          "allOf",
          "anyOf",
          "oneOf",
          "not",
          "items",
          "prefixItems",
          "contains",
          "additionalItems",
          "unevaluatedItems",
          "properties",
          "patternProperties",
          "additionalProperties",
          "unevaluatedProperties",
          "propertyNames",
          "dependentSchemas",
          "dependencies",
          "$ref");

  static final List<String> MAPS = List.of("properties", "patternProperties", "$defs");
  static final List<String> ARRAYS = List.of("allOf", "anyOf", "oneOf", "prefixItems");
  static final List<String> SINGLE =
      List.of("items", "contains", "not", "propertyNames", "additionalProperties");

  @Test
  void everyToolSchemaIsPortable() {
    List<String> findings = new ArrayList<>();
    List<Tool> tools;
    try (JamfClient jamf = ToolListBytes.offlineClient()) {
      tools = JamfTools.create(jamf, s -> s.confirmationKey(new byte[32])).tools();
    }
    assertThat(tools).hasSizeGreaterThan(30);
    int outputs = 0;
    for (Tool tool : tools) {
      lint(tool.name() + " inputSchema", tool.inputSchema(), null, findings);
      if (tool.outputSchema() != null) {
        outputs++;
        lint(tool.name() + " outputSchema", tool.outputSchema(), null, findings);
      }
    }
    assertThat(outputs).as("tools with an output schema").isEqualTo(tools.size());
    assertThat(findings).as("schema portability findings").isEmpty();
  }

  /** The check itself finds what the Inspector found on the old schemas. */
  @Test
  void theCheckFindsTypeArraysAndEmptySchemas() {
    List<String> findings = new ArrayList<>();
    ObjectNode schema =
        (ObjectNode)
            dev.jamfmcp.mcp.jsonrpc.Json.mapper()
                .readTree(
                    "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":[\"string\",\"null\"]},"
                        + "\"b\":{},\"c\":{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}}}");
    lint("t", schema, null, findings);
    assertThat(findings)
        .containsExactly("t/properties/a: type array", "t/properties/b: no keyword");
  }

  static void lint(String path, JsonNode node, String keyword, List<String> findings) {
    if (node == null || !node.isObject()) {
      if (node != null && node.isBoolean() && !"additionalProperties".equals(keyword)) {
        findings.add(path + ": boolean schema");
      }
      return;
    }
    if (node.path("type").isArray()) {
      findings.add(path + ": type array");
    }
    boolean constrains = false;
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      constrains |= CONSTRAINING.contains(e.getKey());
    }
    if (!constrains && !"not".equals(keyword)) {
      findings.add(path + ": no keyword");
    }
    for (String key : MAPS) {
      if (node.get(key) instanceof ObjectNode map) {
        for (Map.Entry<String, JsonNode> e : map.properties()) {
          lint(path + "/" + key + "/" + e.getKey(), e.getValue(), key, findings);
        }
      }
    }
    for (String key : ARRAYS) {
      JsonNode list = node.get(key);
      if (list != null && list.isArray()) {
        for (int i = 0; i < list.size(); i++) {
          lint(path + "/" + key + "/" + i, list.get(i), key, findings);
        }
      }
    }
    for (String key : SINGLE) {
      if (node.has(key)) {
        lint(path + "/" + key, node.get(key), key, findings);
      }
    }
  }
}
