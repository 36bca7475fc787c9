package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Tools, resources and prompts. Registered at start-up and changeable while the server runs: each
 * change replaces an immutable snapshot (readers never lock and never see a half-made change) and
 * then tells {@code onChange} which list changed, so open {@code subscriptions/listen} streams hear
 * of it. Tools are listed in a stable order (by name); each tool's schemas are compiled once, when
 * it is added.
 */
public final class Registry {
  /** A tool with its compiled schemas. */
  record RegisteredTool(Tool tool, SchemaValidator input, SchemaValidator output) {}

  /** Which list a change touched. */
  enum Kind {
    TOOLS,
    RESOURCES,
    PROMPTS
  }

  private final Object writeLock = new Object();
  private final Consumer<Kind> onChange;
  private volatile Map<String, RegisteredTool> tools;
  private volatile Map<String, Resource> resources;
  private final List<ResourceTemplate> templates;
  private volatile Map<String, Prompt> prompts;

  Registry(
      List<Tool> toolList,
      List<Resource> resourceList,
      List<ResourceTemplate> templateList,
      List<Prompt> promptList,
      Consumer<Kind> onChange) {
    this.onChange = onChange;
    Map<String, RegisteredTool> toolMap = new TreeMap<>();
    toolList.stream().sorted(Comparator.comparing(Tool::name)).forEach(t -> addTool(toolMap, t));
    this.tools = toolMap;
    Map<String, Resource> resourceMap = new LinkedHashMap<>();
    resourceList.forEach(r -> addResource(resourceMap, r));
    this.resources = resourceMap;
    this.templates = List.copyOf(templateList);
    Map<String, Prompt> promptMap = new LinkedHashMap<>();
    promptList.forEach(p -> addPrompt(promptMap, p));
    this.prompts = promptMap;
  }

  private static void addTool(Map<String, RegisteredTool> into, Tool tool) {
    SchemaValidator input = compile(tool, "inputSchema", tool.inputSchema());
    SchemaValidator output =
        tool.outputSchema() == null ? null : compile(tool, "outputSchema", tool.outputSchema());
    if (into.putIfAbsent(tool.name(), new RegisteredTool(tool, input, output)) != null) {
      throw new IllegalArgumentException("Tool registered twice: " + tool.name());
    }
  }

  private static void addResource(Map<String, Resource> into, Resource resource) {
    if (into.putIfAbsent(resource.uri(), resource) != null) {
      throw new IllegalArgumentException("Resource registered twice: " + resource.uri());
    }
  }

  private static void addPrompt(Map<String, Prompt> into, Prompt prompt) {
    if (into.putIfAbsent(prompt.name(), prompt) != null) {
      throw new IllegalArgumentException("Prompt registered twice: " + prompt.name());
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

  /** Adds a tool; a name already taken or an invalid schema is refused and changes nothing. */
  public void add(Tool tool) {
    synchronized (writeLock) {
      Map<String, RegisteredTool> next = new TreeMap<>(tools);
      addTool(next, tool);
      tools = next;
    }
    onChange.accept(Kind.TOOLS);
  }

  /** Removes the named tool; false (and no notification) if there was none. */
  public boolean removeTool(String name) {
    synchronized (writeLock) {
      if (!tools.containsKey(name)) {
        return false;
      }
      Map<String, RegisteredTool> next = new TreeMap<>(tools);
      next.remove(name);
      tools = next;
    }
    onChange.accept(Kind.TOOLS);
    return true;
  }

  /** Adds a resource; a URI already taken is refused and changes nothing. */
  public void add(Resource resource) {
    synchronized (writeLock) {
      Map<String, Resource> next = new LinkedHashMap<>(resources);
      addResource(next, resource);
      resources = next;
    }
    onChange.accept(Kind.RESOURCES);
  }

  /** Removes the resource with this URI; false (and no notification) if there was none. */
  public boolean removeResource(String uri) {
    synchronized (writeLock) {
      if (!resources.containsKey(uri)) {
        return false;
      }
      Map<String, Resource> next = new LinkedHashMap<>(resources);
      next.remove(uri);
      resources = next;
    }
    onChange.accept(Kind.RESOURCES);
    return true;
  }

  /** Adds a prompt; a name already taken is refused and changes nothing. */
  public void add(Prompt prompt) {
    synchronized (writeLock) {
      Map<String, Prompt> next = new LinkedHashMap<>(prompts);
      addPrompt(next, prompt);
      prompts = next;
    }
    onChange.accept(Kind.PROMPTS);
  }

  /** Removes the named prompt; false (and no notification) if there was none. */
  public boolean removePrompt(String name) {
    synchronized (writeLock) {
      if (!prompts.containsKey(name)) {
        return false;
      }
      Map<String, Prompt> next = new LinkedHashMap<>(prompts);
      next.remove(name);
      prompts = next;
    }
    onChange.accept(Kind.PROMPTS);
    return true;
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
