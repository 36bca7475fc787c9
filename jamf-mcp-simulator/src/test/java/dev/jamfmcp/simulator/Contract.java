package dev.jamfmcp.simulator;

import dev.jamfmcp.simulator.http.Json;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Jamf Pro 11.30.1 contract, as the subset extracted by {@code contract/extract_subset.py}:
 * operations by path and method, and a checker that every key a response carries is a property the
 * schema declares (recursively), and that required properties are present.
 */
final class Contract {
  private final JsonNode spec;

  private Contract(JsonNode spec) {
    this.spec = spec;
  }

  static Contract load() throws Exception {
    try (InputStream in =
        Contract.class.getResourceAsStream("/contract/jamf-pro-api-subset.json")) {
      return new Contract(Json.MAPPER.readTree(in));
    }
  }

  boolean hasProOperation(String method, String path) {
    return !spec.path("paths").path(path).path(method.toLowerCase()).isMissingNode();
  }

  boolean hasClassicOperation(String method, String path) {
    for (JsonNode op : spec.path("x-classic-operations")) {
      if (op.asString().equals(method + " " + path)) {
        return true;
      }
    }
    return false;
  }

  /** The schema of a JSON response of an operation (path relative to {@code /api}). */
  JsonNode responseSchema(String method, String path, int status) {
    JsonNode schema =
        spec.path("paths")
            .path(path)
            .path(method.toLowerCase())
            .path("responses")
            .path(String.valueOf(status))
            .path("content")
            .path("application/json")
            .path("schema");
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException(
          "no JSON response " + status + " for " + method + " " + path);
    }
    return schema;
  }

  JsonNode schema(String name) {
    return spec.path("components").path("schemas").path(name);
  }

  /** Every mismatch between {@code value} and {@code schema}, as readable paths. */
  List<String> problems(JsonNode value, JsonNode schema) {
    List<String> problems = new ArrayList<>();
    check(value, schema, "$", problems);
    return problems;
  }

  private void check(JsonNode value, JsonNode schema, String where, List<String> problems) {
    schema = resolve(schema);
    if (value.isArray()) {
      JsonNode items = itemsOf(schema);
      if (items != null) {
        for (int i = 0; i < Math.min(3, value.size()); i++) {
          check(value.get(i), items, where + "[" + i + "]", problems);
        }
      }
      return;
    }
    if (!value.isObject()) {
      return;
    }
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    collect(schema, properties, required, false);
    if (properties.isEmpty()) {
      return; // free-form object
    }
    for (String name : value.propertyNames()) {
      if (!properties.containsKey(name)) {
        problems.add(where + "." + name + " is not in the schema");
      } else if (!value.get(name).isNull()) {
        check(value.get(name), properties.get(name), where + "." + name, problems);
      }
    }
    for (String name : required) {
      if (!value.has(name)) {
        problems.add(where + "." + name + " is required but missing");
      }
    }
  }

  /**
   * Properties of a schema, its allOf parts, and (without their required lists) its oneOf/anyOf
   * variants.
   */
  private void collect(
      JsonNode schema, Map<String, JsonNode> properties, List<String> required, boolean variant) {
    schema = resolve(schema);
    schema
        .path("properties")
        .properties()
        .forEach(e -> properties.putIfAbsent(e.getKey(), e.getValue()));
    if (!variant) {
      schema.path("required").forEach(r -> required.add(r.asString()));
    }
    schema.path("allOf").forEach(part -> collect(part, properties, required, variant));
    schema.path("oneOf").forEach(part -> collect(part, properties, required, true));
    schema.path("anyOf").forEach(part -> collect(part, properties, required, true));
  }

  private JsonNode itemsOf(JsonNode schema) {
    if (schema.has("items")) {
      return schema.get("items");
    }
    for (JsonNode part : schema.path("allOf")) {
      JsonNode items = itemsOf(resolve(part));
      if (items != null) {
        return items;
      }
    }
    return null;
  }

  private JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      schema = schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }
}
