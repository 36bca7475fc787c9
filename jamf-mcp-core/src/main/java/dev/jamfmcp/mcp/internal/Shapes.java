package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.prompt.PromptArgument;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceContents;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Content;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire shapes of results, and every version difference in them: one place decides what a client
 * of a given version sees, so handlers never do.
 */
final class Shapes {
  static final String META_SERVER_INFO = "io.modelcontextprotocol/serverInfo";

  /** Results of these methods may be cached by 2026-07-28 clients. */
  private static final Set<String> CACHEABLE_LISTS =
      Set.of(
          "tools/list",
          "resources/list",
          "resources/templates/list",
          "prompts/list",
          "server/discover");

  private Shapes() {}

  /**
   * What the server offers to a client of {@code version}. List changes and resource updates are
   * delivered only on {@code subscriptions/listen} streams (2026-07-28); earlier versions would get
   * them on the session's GET stream, which does not carry them here, so they are declared false
   * there. {@code subscribe} is true only when the application reports resource changes. The
   * exception is the tool list when sessions switch toolsets: the one change a 2025 session can
   * cause, it is told on the stream of the {@code enableToolsets} call that caused it (and stdio on
   * stdout), so {@code tools.listChanged} is true then.
   */
  static ObjectNode capabilities(
      ProtocolVersion version, boolean resourceUpdates, boolean toolsetSwitching) {
    boolean listen = version.hasSubscriptionsListen();
    ObjectNode caps = Json.object();
    caps.putObject("tools").put("listChanged", listen || toolsetSwitching);
    caps.putObject("resources")
        .put("subscribe", listen && resourceUpdates)
        .put("listChanged", listen);
    caps.putObject("prompts").put("listChanged", listen);
    caps.putObject("logging");
    caps.putObject("completions");
    return caps;
  }

  static final String META_SUBSCRIPTION_ID = "io.modelcontextprotocol/subscriptionId";

  /** Most resource URIs one listen may subscribe to. */
  static final int MAX_RESOURCE_SUBSCRIPTIONS = 100;

  /** The notification types of one listen stream ({@code SubscriptionFilter}). */
  record Filter(boolean tools, boolean prompts, boolean resources, List<String> resourceUris) {
    boolean wants(Registry.Kind kind) {
      return switch (kind) {
        case TOOLS -> tools;
        case PROMPTS -> prompts;
        case RESOURCES -> resources;
      };
    }

    ObjectNode toJson() {
      ObjectNode node = Json.object();
      if (tools) {
        node.put("toolsListChanged", true);
      }
      if (prompts) {
        node.put("promptsListChanged", true);
      }
      if (resources) {
        node.put("resourcesListChanged", true);
      }
      if (!resourceUris.isEmpty()) {
        resourceUris.forEach(node.putArray("resourceSubscriptions")::add);
      }
      return node;
    }
  }

  /**
   * The filter of a {@code subscriptions/listen} request, narrowed to what this server honors: the
   * three list-changed flags, and resource subscriptions only when the application reports resource
   * changes. Types the server does not support (including ones it does not know, from later
   * revisions or extensions) are left out of the grant, as the spec asks, rather than refused. A
   * missing or mistyped field is -32602.
   */
  static Filter grant(ObjectNode params, boolean resourceUpdates) {
    JsonNode notifications = params.get("notifications");
    if (notifications == null || !notifications.isObject()) {
      throw McpError.invalidParams(
          "Invalid params: subscriptions/listen needs a 'notifications' object, e.g."
              + " {\"toolsListChanged\":true}");
    }
    boolean tools = flag(notifications, "toolsListChanged");
    boolean prompts = flag(notifications, "promptsListChanged");
    boolean resources = flag(notifications, "resourcesListChanged");
    List<String> uris = new ArrayList<>();
    JsonNode subscriptions = notifications.get("resourceSubscriptions");
    if (subscriptions != null && !subscriptions.isNull()) {
      if (!subscriptions.isArray()) {
        throw McpError.invalidParams(
            "Invalid params: notifications.resourceSubscriptions must be an array of URIs");
      }
      if (subscriptions.size() > MAX_RESOURCE_SUBSCRIPTIONS) {
        throw McpError.invalidParams(
            "Invalid params: notifications.resourceSubscriptions may name at most "
                + MAX_RESOURCE_SUBSCRIPTIONS
                + " URIs per listen");
      }
      for (JsonNode uri : subscriptions) {
        if (!uri.isString() || uri.stringValue().isBlank()) {
          throw McpError.invalidParams(
              "Invalid params: every entry of notifications.resourceSubscriptions must be a"
                  + " non-empty URI string");
        }
        if (!uris.contains(uri.stringValue())) {
          uris.add(uri.stringValue());
        }
      }
    }
    return new Filter(tools, prompts, resources, resourceUpdates ? List.copyOf(uris) : List.of());
  }

  private static boolean flag(JsonNode notifications, String name) {
    JsonNode value = notifications.get(name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw McpError.invalidParams(
          "Invalid params: notifications." + name + " must be true or false");
    }
    return value.booleanValue();
  }

  /** The first message of a listen stream: what the server agreed to send. */
  static JsonRpcMessage acknowledged(JsonNode subscriptionId, Filter granted) {
    ObjectNode params = Json.object();
    params.set("notifications", granted.toJson());
    return subscriptionNotification(
        "notifications/subscriptions/acknowledged", params, subscriptionId);
  }

  /** A notification on a listen stream, tagged with the stream's subscription id. */
  static JsonRpcMessage subscriptionNotification(
      String method, ObjectNode params, JsonNode subscriptionId) {
    ObjectNode body = params == null ? Json.object() : params.deepCopy();
    body.putObject("_meta").set(META_SUBSCRIPTION_ID, subscriptionId);
    return new JsonRpcMessage.Notification(method, body);
  }

  /** The result that ends a listen gracefully (the server tears the subscription down). */
  static ObjectNode listenClosed(JsonNode subscriptionId) {
    ObjectNode result = Json.object();
    result.putObject("_meta").set(META_SUBSCRIPTION_ID, subscriptionId);
    return result;
  }

  static String listChangedMethod(Registry.Kind kind) {
    return switch (kind) {
      case TOOLS -> "notifications/tools/list_changed";
      case PROMPTS -> "notifications/prompts/list_changed";
      case RESOURCES -> "notifications/resources/list_changed";
    };
  }

  static ObjectNode implementation(Implementation info, ProtocolVersion version) {
    ObjectNode node = Json.object().put("name", info.name());
    if (info.title() != null && version.hasStructuredContent()) {
      node.put("title", info.title());
    }
    return node.put("version", info.version());
  }

  static ObjectNode tool(Tool tool, ProtocolVersion version) {
    ObjectNode node = Json.object().put("name", tool.name());
    boolean modern = version.hasStructuredContent();
    if (tool.title() != null && modern) {
      node.put("title", tool.title());
    }
    node.put("description", tool.description());
    node.set("inputSchema", tool.inputSchema());
    if (tool.outputSchema() != null && modern) {
      node.set("outputSchema", tool.outputSchema());
    }
    if (version.hasToolAnnotations()) {
      ObjectNode hints = node.putObject("annotations");
      if (tool.title() != null) {
        hints.put("title", tool.title());
      }
      hints.put("readOnlyHint", tool.annotations().readOnlyHint());
      hints.put("destructiveHint", tool.annotations().destructiveHint());
      hints.put("idempotentHint", tool.annotations().idempotentHint());
      hints.put("openWorldHint", tool.annotations().openWorldHint());
    }
    return node;
  }

  static ObjectNode toolResult(ToolResult.Complete result, ProtocolVersion version) {
    ObjectNode node = Json.object();
    ArrayNode content = node.putArray("content");
    for (Content block : result.content()) {
      if (block instanceof Content.Text text) {
        content.addObject().put("type", "text").put("text", text.text());
      } else if (block instanceof Content.ResourceLink link) {
        if (!version.hasStructuredContent()) {
          continue; // resource links arrived with 2025-06-18
        }
        ObjectNode item =
            content
                .addObject()
                .put("type", "resource_link")
                .put("uri", link.uri())
                .put("name", link.name());
        if (link.description() != null) {
          item.put("description", link.description());
        }
        if (link.mimeType() != null) {
          item.put("mimeType", link.mimeType());
        }
      }
    }
    if (result.structuredContent() != null && version.hasStructuredContent()) {
      node.set("structuredContent", result.structuredContent());
    }
    if (result.isError()) {
      node.put("isError", true);
    }
    return node;
  }

  static ObjectNode inputRequired(ToolResult.InputRequired result) {
    ObjectNode node = Json.object().put("resultType", "input_required");
    node.set("inputRequests", result.inputRequests());
    if (result.requestState() != null) {
      node.put("requestState", result.requestState());
    }
    return node;
  }

  static ObjectNode resource(Resource resource, ProtocolVersion version) {
    ObjectNode node = Json.object().put("uri", resource.uri()).put("name", resource.name());
    putCommon(node, resource.title(), resource.description(), resource.mimeType(), version);
    return node;
  }

  static ObjectNode template(ResourceTemplate template, ProtocolVersion version) {
    ObjectNode node =
        Json.object().put("uriTemplate", template.uriTemplate()).put("name", template.name());
    putCommon(node, template.title(), template.description(), template.mimeType(), version);
    return node;
  }

  private static void putCommon(
      ObjectNode node, String title, String description, String mimeType, ProtocolVersion v) {
    if (title != null && v.hasStructuredContent()) {
      node.put("title", title);
    }
    if (description != null) {
      node.put("description", description);
    }
    if (mimeType != null) {
      node.put("mimeType", mimeType);
    }
  }

  static ObjectNode contents(List<ResourceContents> contents) {
    ObjectNode node = Json.object();
    ArrayNode array = node.putArray("contents");
    for (ResourceContents c : contents) {
      ObjectNode item = array.addObject().put("uri", c.uri());
      if (c.mimeType() != null) {
        item.put("mimeType", c.mimeType());
      }
      item.put("text", c.text());
    }
    return node;
  }

  static ObjectNode prompt(Prompt prompt, ProtocolVersion version) {
    ObjectNode node = Json.object().put("name", prompt.name());
    if (prompt.title() != null && version.hasStructuredContent()) {
      node.put("title", prompt.title());
    }
    if (prompt.description() != null) {
      node.put("description", prompt.description());
    }
    ArrayNode args = node.putArray("arguments");
    for (PromptArgument argument : prompt.arguments()) {
      ObjectNode a = args.addObject().put("name", argument.name());
      if (argument.description() != null) {
        a.put("description", argument.description());
      }
      a.put("required", argument.required());
    }
    return node;
  }

  /**
   * The last touch on every result: 2026-07-28 results carry resultType and serverInfo, and lists
   * carry caching hints. Earlier versions get the result as the handler made it.
   */
  static ObjectNode finish(
      String method,
      ObjectNode result,
      ProtocolVersion version,
      Implementation server,
      Duration listTtl) {
    if (!version.hasResultType()) {
      return result;
    }
    if (!result.has("resultType")) {
      result.put("resultType", "complete");
    }
    ObjectNode meta =
        result.has("_meta") && result.get("_meta").isObject()
            ? (ObjectNode) result.get("_meta")
            : result.putObject("_meta");
    meta.set(META_SERVER_INFO, implementation(server, version));
    if (CACHEABLE_LISTS.contains(method)) {
      result.put("ttlMs", listTtl.toMillis());
      result.put("cacheScope", "public");
    } else if ("resources/read".equals(method)) {
      // Device data is never cached, by us or by anyone we answer.
      result.put("ttlMs", 0);
      result.put("cacheScope", "private");
    }
    return result;
  }
}
