package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.prompt.PromptArgument;
import dev.jamfmcp.mcp.prompt.PromptMessage;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceContents;
import dev.jamfmcp.mcp.resource.ResourceNotFoundException;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The list, read and get methods over the registry. */
final class Catalog {
  private final Registry registry;
  private final int pageSize;
  private final Toolsets toolsets;

  Catalog(Registry registry, int pageSize, Toolsets toolsets) {
    this.registry = registry;
    this.pageSize = pageSize;
    this.toolsets = toolsets;
  }

  /** The session's tools: with toolset switching, those of the toolsets it has on. */
  ObjectNode listTools(Call call) {
    List<Tool> all = registry.tools();
    if (toolsets.on()) {
      Set<String> enabled = toolsets.enabled(Toolsets.key(call), true);
      all = all.stream().filter(t -> toolsets.listed(t.name(), enabled)).toList();
    }
    return list(call, "tools", all, Shapes::tool);
  }

  ObjectNode listResources(Call call) {
    return list(call, "resources", registry.resources(), Shapes::resource);
  }

  ObjectNode listTemplates(Call call) {
    return list(call, "resourceTemplates", registry.templates(), Shapes::template);
  }

  ObjectNode listPrompts(Call call) {
    return list(call, "prompts", registry.prompts(), Shapes::prompt);
  }

  private <T> ObjectNode list(
      Call call, String field, List<T> all, BiFunction<T, ProtocolVersion, ObjectNode> shape) {
    Paging.Page<T> page = Paging.page(field, all, call.optionalString("cursor"), pageSize);
    ObjectNode result = Json.object();
    ArrayNode items = result.putArray(field);
    page.items().forEach(item -> items.add(shape.apply(item, call.frame().version())));
    if (page.nextCursor() != null) {
      result.put("nextCursor", page.nextCursor());
    }
    return result;
  }

  ObjectNode readResource(Call call) throws Exception {
    String uri = call.requireString("uri");
    Optional<Resource> fixed = registry.resource(uri);
    try {
      if (fixed.isPresent()) {
        Scopes.require(
            call.scope().principal(), fixed.get().requiredScopes(), "the resource " + uri);
        return Shapes.contents(fixed.get().reader().read(uri, Map.of(), call.scope()));
      }
      for (ResourceTemplate template : registry.templates()) {
        Optional<Map<String, String>> variables = template.match(uri);
        if (variables.isPresent()) {
          Scopes.require(
              call.scope().principal(), template.requiredScopes(), "the resource " + uri);
          List<ResourceContents> contents =
              template.reader().read(uri, variables.get(), call.scope());
          return Shapes.contents(contents);
        }
      }
    } catch (ResourceNotFoundException e) {
      throw notFound(call, uri, e.getMessage());
    } catch (ToolException e) {
      throw new McpError(JsonRpcError.internal(e.getMessage()));
    }
    throw notFound(call, uri, "Resource not found: " + uri);
  }

  private static McpError notFound(Call call, String uri, String message) {
    ObjectNode data = Json.object().put("uri", uri);
    return new McpError(
        new JsonRpcError(call.frame().version().resourceNotFoundCode(), message, data));
  }

  ObjectNode getPrompt(Call call) throws Exception {
    String name = call.requireString("name");
    Prompt prompt =
        registry
            .prompt(name)
            .orElseThrow(
                () ->
                    McpError.invalidParams(
                        "Invalid params: unknown prompt '"
                            + name
                            + "'; prompts/list names the prompts"));
    Map<String, String> arguments = new LinkedHashMap<>();
    JsonNode given = call.params().get("arguments");
    if (given != null && !given.isNull()) {
      if (!given.isObject()) {
        throw McpError.invalidParams("Invalid params: prompt arguments must be an object");
      }
      for (Map.Entry<String, JsonNode> entry : given.properties()) {
        if (!entry.getValue().isString()) {
          throw McpError.invalidParams(
              "Invalid params: prompt argument '" + entry.getKey() + "' must be a string");
        }
        arguments.put(entry.getKey(), entry.getValue().stringValue());
      }
    }
    for (PromptArgument argument : prompt.arguments()) {
      if (argument.required() && !arguments.containsKey(argument.name())) {
        throw McpError.invalidParams(
            "Invalid params: prompt '" + name + "' needs the argument '" + argument.name() + "'");
      }
    }
    List<PromptMessage> messages;
    try {
      messages = prompt.handler().render(arguments, call.scope());
    } catch (ToolException e) {
      throw McpError.invalidParams(e.getMessage());
    }
    ObjectNode result = Json.object();
    if (prompt.description() != null) {
      result.put("description", prompt.description());
    }
    ArrayNode array = result.putArray("messages");
    for (PromptMessage message : messages) {
      ObjectNode item = array.addObject().put("role", message.role());
      item.putObject("content").put("type", "text").put("text", message.text());
    }
    return result;
  }

  /** No argument of ours has a closed set of values worth completing yet: always empty. */
  ObjectNode complete(Call call) {
    JsonNode ref = call.params().get("ref");
    if (ref == null || !ref.isObject()) {
      throw McpError.invalidParams("Invalid params: completion/complete needs a 'ref' object");
    }
    ObjectNode result = Json.object();
    ObjectNode completion = result.putObject("completion");
    completion.putArray("values");
    completion.put("total", 0).put("hasMore", false);
    return result;
  }
}
