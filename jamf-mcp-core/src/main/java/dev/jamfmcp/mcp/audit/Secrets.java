package dev.jamfmcp.mcp.audit;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Secret arguments (a lock or erase PIN, an unlock token, passcodes, recovery keys) are marked in
 * the tool's input schema with {@code "writeOnly": true} and {@code "x-secret": true} ({@link
 * #mark}); everything that records or shows arguments ({@link AuditEvent}s, previews) passes them
 * through {@link #redact}, which writes each present secret as {@code "set"}. The schema is the one
 * place that says what is secret, so a new secret field is redacted everywhere once it is marked.
 */
public final class Secrets {
  /** The schema keyword that marks a property as a secret. */
  public static final String MARKER = "x-secret";

  /** What an audit line says instead of a secret's value. */
  public static final String REDACTED = "set";

  private Secrets() {}

  /** Marks a property's schema as a secret: {@code writeOnly} plus {@value #MARKER}. */
  public static ObjectNode mark(ObjectNode propertySchema) {
    return propertySchema.put("writeOnly", true).put(MARKER, true);
  }

  public static boolean isSecret(JsonNode propertySchema) {
    return propertySchema != null && propertySchema.path(MARKER).asBoolean(false);
  }

  /**
   * A copy of {@code arguments} in which every property the object {@code schema} marks secret, at
   * any depth of nested object properties, reads {@value #REDACTED}. A null schema redacts nothing.
   */
  public static ObjectNode redact(ObjectNode arguments, JsonNode schema) {
    ObjectNode copy = arguments.deepCopy();
    if (schema != null) {
      redactInPlace(copy, schema);
    }
    return copy;
  }

  private static void redactInPlace(ObjectNode node, JsonNode schema) {
    JsonNode properties = schema.path("properties");
    for (Map.Entry<String, JsonNode> p : properties.properties()) {
      JsonNode value = node.get(p.getKey());
      if (value == null || value.isNull()) {
        continue;
      }
      if (isSecret(p.getValue())) {
        node.put(p.getKey(), REDACTED);
      } else if (value.isObject()) {
        redactInPlace((ObjectNode) value, p.getValue());
      }
    }
  }
}
