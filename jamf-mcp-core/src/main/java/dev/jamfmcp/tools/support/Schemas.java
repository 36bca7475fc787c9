package dev.jamfmcp.tools.support;

import dev.jamfmcp.mcp.audit.Secrets;
import dev.jamfmcp.mcp.jsonrpc.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small builder for the JSON Schemas of tool arguments and results, so that each tool states its
 * limits and descriptions in a few readable lines.
 */
public final class Schemas {
  private final ObjectNode schema = Json.object().put("type", "object");
  private final ObjectNode properties = schema.putObject("properties");
  private final ArrayNode required = Json.mapper().createArrayNode();

  private Schemas() {}

  /** An object schema; {@link #build()} for arguments, {@link #buildOpen()} for results. */
  public static Schemas object() {
    return new Schemas();
  }

  public Schemas string(String name, String description, int maxLength) {
    properties
        .putObject(name)
        .put("type", "string")
        .put("minLength", 1)
        .put("maxLength", maxLength)
        .put("description", description);
    return this;
  }

  /**
   * A secret string (a PIN, an unlock token, a passcode): marked {@code writeOnly} and {@code
   * x-secret} ({@link Secrets}), so it is redacted from audit lines and never shown back.
   */
  public Schemas secret(String name, String description, int maxLength, String pattern) {
    ObjectNode p =
        properties
            .putObject(name)
            .put("type", "string")
            .put("minLength", 1)
            .put("maxLength", maxLength)
            .put("description", description);
    if (pattern != null) {
      p.put("pattern", pattern);
    }
    Secrets.mark(p);
    return this;
  }

  public Schemas enumeration(String name, String description, String... values) {
    ObjectNode p = properties.putObject(name).put("type", "string").put("description", description);
    ArrayNode allowed = p.putArray("enum");
    for (String value : values) {
      allowed.add(value);
    }
    return this;
  }

  public Schemas integer(String name, String description, int min, int max, Integer byDefault) {
    ObjectNode p =
        properties
            .putObject(name)
            .put("type", "integer")
            .put("minimum", min)
            .put("maximum", max)
            .put("description", description);
    if (byDefault != null) {
      p.put("default", byDefault);
    }
    return this;
  }

  public Schemas bool(String name, String description, Boolean byDefault) {
    ObjectNode p =
        properties.putObject(name).put("type", "boolean").put("description", description);
    if (byDefault != null) {
      p.put("default", byDefault);
    }
    return this;
  }

  /** An array of strings, 1..maxItems long, each 1..maxLength characters. */
  public Schemas strings(String name, String description, int maxItems, int maxLength) {
    ObjectNode p =
        properties
            .putObject(name)
            .put("type", "array")
            .put("minItems", 1)
            .put("maxItems", maxItems)
            .put("description", description);
    p.putObject("items").put("type", "string").put("minLength", 1).put("maxLength", maxLength);
    return this;
  }

  /**
   * The result shape of the list tools that cap their answer: {@code total} matching, {@code
   * returned} in this answer, and the items under {@code field}; all three required.
   */
  public Schemas limitedList(String field, String plural, ObjectNode item) {
    property("total", typed("integer", plural + " matching, before the limit"));
    property("returned", typed("integer", plural + " in this answer"));
    property(field, arrayOf(item));
    return required("total", "returned", field);
  }

  /** Any schema for a property, built elsewhere. */
  public Schemas property(String name, ObjectNode propertySchema) {
    properties.set(name, propertySchema);
    return this;
  }

  public Schemas required(String... names) {
    for (String name : names) {
      required.add(name);
    }
    return this;
  }

  /** The input schema: undeclared arguments are refused, so typos surface as errors. */
  public ObjectNode build() {
    ObjectNode result = schema.deepCopy();
    if (!required.isEmpty()) {
      result.set("required", required.deepCopy());
    }
    result.put("additionalProperties", false);
    return result;
  }

  /** The schema of a result object; undeclared properties are allowed. */
  public ObjectNode buildOpen() {
    ObjectNode result = schema.deepCopy();
    if (!required.isEmpty()) {
      result.set("required", required.deepCopy());
    }
    return result;
  }

  /** {@code {"type":"array","items":items}}. */
  public static ObjectNode arrayOf(ObjectNode items) {
    ObjectNode array = Json.object().put("type", "array");
    array.set("items", items);
    return array;
  }

  /** A property schema of one JSON type, with a description. */
  public static ObjectNode typed(String type, String description) {
    return Json.object().put("type", type).put("description", description);
  }

  /** A property that may be a string or null (Jamf leaves many fields empty). */
  public static ObjectNode nullableString(String description) {
    ObjectNode node = Json.object().put("description", description);
    node.putArray("type").add("string").add("null");
    return node;
  }
}
