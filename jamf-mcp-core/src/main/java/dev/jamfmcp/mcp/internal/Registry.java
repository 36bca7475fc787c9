package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tools, resources and prompts, fixed at start-up. Tools are listed in a stable order (by name),
 * and each tool's schemas are compiled once, here.
 */
public final class Registry {
  /** A tool with its compiled schemas. */
  record RegisteredTool(Tool tool, SchemaValidator input, SchemaValidator output) {}

  private final Map<String, RegisteredTool> tools = new LinkedHashMap<>();
  private final Map<String, Resource> resources = new LinkedHashMap<>();
  private final List<ResourceTemplate> templates;
  private final Map<String, Prompt> prompts = new LinkedHashMap<>();

  Registry(
      List<Tool> toolList,
      List<Resource> resourceList,
      List<ResourceTemplate> templateList,
      List<Prompt> promptList) {
    toolList.stream().sorted(java.util.Comparator.comparing(Tool::name)).forEach(this::addTool);
    for (Resource resource : resourceList) {
      if (resources.putIfAbsent(resource.uri(), resource) != null) {
        throw new IllegalArgumentException("Resource registered twice: " + resource.uri());
      }
    }
    this.templates = List.copyOf(templateList);
    for (Prompt prompt : promptList) {
      if (prompts.putIfAbsent(prompt.name(), prompt) != null) {
        throw new IllegalArgumentException("Prompt registered twice: " + prompt.name());
      }
    }
  }

  private void addTool(Tool tool) {
    SchemaValidator input = compile(tool, "inputSchema", tool.inputSchema());
    SchemaValidator output =
        tool.outputSchema() == null ? null : compile(tool, "outputSchema", tool.outputSchema());
    if (tools.putIfAbsent(tool.name(), new RegisteredTool(tool, input, output)) != null) {
      throw new IllegalArgumentException("Tool registered twice: " + tool.name());
    }
  }

  private static SchemaValidator compile(
      Tool tool, String which, tools.jackson.databind.JsonNode s) {
    try {
      return SchemaValidator.compile(s);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "The "
              + which
              + " of tool "
              + tool.name()
              + " is not a valid JSON Schema: "
              + e.getMessage(),
          e);
    }
  }

  public List<Tool> tools() {
    return tools.values().stream().map(RegisteredTool::tool).toList();
  }

  Optional<RegisteredTool> tool(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  List<Resource> resources() {
    return List.copyOf(resources.values());
  }

  Optional<Resource> resource(String uri) {
    return Optional.ofNullable(resources.get(uri));
  }

  List<ResourceTemplate> templates() {
    return templates;
  }

  List<Prompt> prompts() {
    return List.copyOf(prompts.values());
  }

  Optional<Prompt> prompt(String name) {
    return Optional.ofNullable(prompts.get(name));
  }
}
