package dev.jamfmcp.simulator;

import dev.jamfmcp.simulator.http.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Jamf API contract: {@code contract/jamf-pro-api.json} at the repository root, the facts of
 * Jamf's published description that {@code tools/jamf-api/extract_facts.py} generates (every Pro
 * and Classic operation, the Pro API's JSON answers and the schemas they refer to). Operations by
 * method and path, and a checker that every key a response carries is a property the schema
 * declares (recursively), and that required properties are present.
 */
final class Contract {
  /** The facts file, relative to the repository root. */
  static final String FILE = "contract/jamf-pro-api.json";

  private final JsonNode spec;

  private Contract(JsonNode spec) {
    this.spec = spec;
  }

  /**
   * The repository root: the first directory from the working directory up that holds both {@code
   * pom.xml} and {@code .mvn/} (where {@code ./mvnw} runs). The search stops there, so nothing
   * outside the repository is read.
   */
  static Path repositoryRoot() {
    Path start = Path.of("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve(".mvn"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No repository root (pom.xml and .mvn/) at or above " + start);
  }

  static Contract load() throws Exception {
    Path file = repositoryRoot().resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(
          file + " is missing; generate it with tools/jamf-api/extract_facts.py");
    }
    return new Contract(Json.MAPPER.readTree(Files.readAllBytes(file)));
  }

  String jamfProVersion() {
    return spec.path("jamfProVersion").asString();
  }

  int operationCount() {
    return spec.path("operations").size();
  }

  /** Whether the contract has {@code method path}, the path template exactly as Jamf writes it. */
  boolean hasOperation(String method, String path) {
    return operation(method, path) != null;
  }

  private JsonNode operation(String method, String path) {
    for (JsonNode op : spec.path("operations")) {
      if (op.path("method").asString().equals(method) && op.path("path").asString().equals(path)) {
        return op;
      }
    }
    return null;
  }

  /** The schema of a JSON response of a Jamf Pro API operation (path relative to {@code /api}). */
  JsonNode responseSchema(String method, String path, int status) {
    JsonNode op = operation(method, "/api" + path);
    JsonNode schema = op == null ? null : op.path("responses").get(String.valueOf(status));
    if (schema == null) {
      throw new IllegalArgumentException(
          "no JSON response " + status + " for " + method + " " + path);
    }
    return schema;
  }

  JsonNode schema(String name) {
    return spec.path("schemas").path(name);
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

  /** Follows {@code $ref}s (the facts file writes a schema's name, e.g. {@code "ApiError"}). */
  private JsonNode resolve(JsonNode schema) {
    while (schema.has("$ref")) {
      String ref = schema.get("$ref").asString();
      schema = schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return schema;
  }
}
