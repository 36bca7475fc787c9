package dev.jamfmcp.tools.support;

import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.tools.Toolset;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each feature package adds what it offers; {@code JamfTools} then picks the toolsets. Not
 * API: embedders get the result from {@code JamfTools}.
 */
public final class Catalog {
  private final List<Entry> tools = new ArrayList<>();
  private final List<Resource> resources = new ArrayList<>();
  private final List<ResourceTemplate> templates = new ArrayList<>();
  private final List<Prompt> prompts = new ArrayList<>();

  /** One tool and the toolset that switches it on or off. */
  public record Entry(Toolset toolset, Tool tool) {}

  public Catalog tool(Toolset toolset, Tool tool) {
    tools.add(new Entry(toolset, tool));
    return this;
  }

  public Catalog resource(Resource resource) {
    resources.add(resource);
    return this;
  }

  public Catalog template(ResourceTemplate template) {
    templates.add(template);
    return this;
  }

  public Catalog prompt(Prompt prompt) {
    prompts.add(prompt);
    return this;
  }

  public List<Entry> tools() {
    return List.copyOf(tools);
  }

  public List<Resource> resources() {
    return List.copyOf(resources);
  }

  public List<ResourceTemplate> templates() {
    return List.copyOf(templates);
  }

  public List<Prompt> prompts() {
    return List.copyOf(prompts);
  }
}
