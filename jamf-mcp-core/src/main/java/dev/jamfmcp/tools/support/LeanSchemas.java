package dev.jamfmcp.tools.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Output schemas as clients receive them: the shape (properties, types, required, items) without
 * the words. Every tool's description already says what its result means, so descriptions inside an
 * output schema are paid twice in the context; and a nullable union ({@code "type":
 * ["string","null"]}) becomes {@code "anyOf": [{"type":"string"},{"type":"null"}]}, which accepts
 * the same values: the MCP Inspector's schema check (2.x) warns on a type array (not portable to
 * single-type dialects) and on a schema with no keyword at all, and takes this form silently.
 */
public final class LeanSchemas {
  private LeanSchemas() {}

  /** A lean copy of an output schema (null stays null). */
  public static ObjectNode output(ObjectNode schema) {
    if (schema == null) {
      return null;
    }
    ObjectNode copy = schema.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove("description");
      object.remove("title");
      JsonNode type = object.get("type");
      if (type != null && type.isArray() && contains(type, "null")) {
        object.remove("type");
        ArrayNode branches = object.putArray("anyOf");
        type.forEach(t -> branches.addObject().put("type", t.asString()));
      }
      JsonNode properties = object.get("properties");
      if (properties instanceof ObjectNode props) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(props.properties());
        entries.forEach(e -> strip(e.getValue()));
      }
      for (String key : List.of("items", "additionalProperties")) {
        strip(object.get(key));
      }
      for (String key : List.of("anyOf", "oneOf", "allOf")) {
        JsonNode list = object.get(key);
        if (list != null && list.isArray()) {
          list.forEach(LeanSchemas::strip);
        }
      }
    }
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.asString())) {
        return true;
      }
    }
    return false;
  }
}
