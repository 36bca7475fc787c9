package dev.jamfmcp.mcp.tool;

import dev.jamfmcp.mcp.jsonrpc.JacksonFloor;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool as clients see it in {@code tools/list}, plus the handler and the scopes it needs. Build
 * one with {@link #builder(String)}.
 *
 * @param approvalClass for a write tool, the highest {@link ApprovalClass} any of its calls needs
 *     (the gate and docs/TOOLS.md read it); null for tools that change nothing
 */
public record Tool(
    String name,
    String title,
    String description,
    ObjectNode inputSchema,
    ObjectNode outputSchema,
    ToolAnnotations annotations,
    Set<String> requiredScopes,
    ToolHandler handler,
    ApprovalClass approvalClass) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

  public Tool {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Tool name '" + name + "' must be 1-128 characters of A-Z, a-z, 0-9, _, . and -");
    }
    Objects.requireNonNull(description, "description of tool " + name);
    Objects.requireNonNull(inputSchema, "inputSchema of tool " + name);
    JsonNode type = inputSchema.get("type");
    if (type == null || !"object".equals(type.asString())) {
      throw new IllegalArgumentException("inputSchema of tool " + name + " must be of type object");
    }
    if (outputSchema != null) {
      JsonNode outType = outputSchema.get("type");
      if (outType == null || !"object".equals(outType.asString())) {
        throw new IllegalArgumentException(
            "outputSchema of tool " + name + " must be of type object");
      }
    }
    Objects.requireNonNull(annotations, "annotations of tool " + name);
    requiredScopes = Set.copyOf(requiredScopes);
    Objects.requireNonNull(handler, "handler of tool " + name);
    if (approvalClass != null && annotations.readOnlyHint()) {
      throw new IllegalArgumentException(
          "Tool " + name + " is read-only, so it has no approval class");
    }
  }

  /** A tool without an approval class (a read tool, or one built before classes existed). */
  public Tool(
      String name,
      String title,
      String description,
      ObjectNode inputSchema,
      ObjectNode outputSchema,
      ToolAnnotations annotations,
      Set<String> requiredScopes,
      ToolHandler handler) {
    this(
        name,
        title,
        description,
        inputSchema,
        outputSchema,
        annotations,
        requiredScopes,
        handler,
        null);
  }

  /**
   * Starts a tool.
   *
   * @throws IllegalStateException when the class path's jackson-annotations is too old for Jackson
   *     3, with the fix ({@link JacksonFloor})
   */
  public static Builder builder(String name) {
    JacksonFloor.require();
    return new Builder(name);
  }

  /** Assembles a {@link Tool}; every tool must say what it does and how it behaves. */
  public static final class Builder {
    private final String name;
    private String title;
    private String description;
    private ObjectNode inputSchema = emptyObjectSchema();
    private ObjectNode outputSchema;
    private ToolAnnotations annotations;
    private final Set<String> requiredScopes = new LinkedHashSet<>();
    private ToolHandler handler;
    private ApprovalClass approvalClass;

    private Builder(String name) {
      this.name = name;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder inputSchema(ObjectNode schema) {
      this.inputSchema = schema;
      return this;
    }

    /** Parses the schema from JSON text, handy for schemas written inline. */
    public Builder inputSchema(String json) {
      return inputSchema((ObjectNode) Json.mapper().readTree(json));
    }

    public Builder outputSchema(ObjectNode schema) {
      this.outputSchema = schema;
      return this;
    }

    public Builder outputSchema(String json) {
      return outputSchema((ObjectNode) Json.mapper().readTree(json));
    }

    public Builder annotations(ToolAnnotations annotations) {
      this.annotations = annotations;
      return this;
    }

    public Builder requiredScopes(String... scopes) {
      requiredScopes.addAll(Set.of(scopes));
      return this;
    }

    public Builder handler(ToolHandler handler) {
      this.handler = handler;
      return this;
    }

    /** For write tools: the highest approval class any call of this tool needs. */
    public Builder approvalClass(ApprovalClass approvalClass) {
      this.approvalClass = approvalClass;
      return this;
    }

    public Tool build() {
      return new Tool(
          name,
          title,
          description,
          inputSchema,
          outputSchema,
          annotations,
          requiredScopes,
          handler,
          approvalClass);
    }

    private static ObjectNode emptyObjectSchema() {
      ObjectNode schema = Json.object().put("type", "object");
      schema.putObject("properties");
      return schema;
    }
  }
}
