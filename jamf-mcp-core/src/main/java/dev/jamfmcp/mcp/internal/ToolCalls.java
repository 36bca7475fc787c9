package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Cancellation;
import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolException;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code tools/call}: find the tool, check scopes, validate the arguments, run the handler, and
 * turn whatever happens into a result the model can read.
 */
final class ToolCalls {
  private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);
  private final Registry registry;
  private final Toolsets toolsets;
  private final Consumer<String> toolsChangedFor;

  /**
   * @param toolsChangedFor tells a principal's {@code subscriptions/listen} streams that its tool
   *     list changed (2026-07-28)
   */
  ToolCalls(Registry registry, Toolsets toolsets, Consumer<String> toolsChangedFor) {
    this.registry = registry;
    this.toolsets = toolsets;
    this.toolsChangedFor = toolsChangedFor;
  }

  ObjectNode call(Call call) throws Exception {
    String name = call.requireString("name");
    Registry.RegisteredTool registered =
        registry
            .tool(name)
            .filter(t -> toolsets.exists(name))
            .orElseThrow(
                () ->
                    McpError.invalidParams(
                        "Invalid params: unknown tool '"
                            + name
                            + "'; tools/list names the tools this server offers"));
    Tool tool = registered.tool();
    Scopes.require(call.scope().principal(), tool.requiredScopes(), "the tool " + name);
    if (toolsets.on() && !toolsets.isOn(name, Toolsets.key(call))) {
      return shape(call, Toolsets.switchOnFirst(name, toolsets.groupOf(name)));
    }

    JsonNode given = call.params().get("arguments");
    if (given != null && !given.isNull() && !given.isObject()) {
      return shape(
          call,
          ToolResult.error(
              "Invalid arguments for tool '" + name + "': arguments must be a JSON object"));
    }
    ObjectNode arguments =
        given == null || given.isNull()
            ? dev.jamfmcp.mcp.jsonrpc.Json.object()
            : (ObjectNode) given;
    List<String> problems = registered.input().validate(arguments);
    if (!problems.isEmpty()) {
      return shape(
          call,
          ToolResult.error(
              "Invalid arguments for tool '"
                  + name
                  + "': "
                  + SchemaValidator.summarize(problems)
                  + ". Nothing was done; fix the arguments and"
                  + " call again."));
    }
    ToolResult result;
    if (toolsets.on() && Toolsets.LIST.equals(name)) {
      result = toolsets.list(call, registry);
    } else if (toolsets.on() && Toolsets.ENABLE.equals(name)) {
      String subject = call.scope().principal().subject();
      result = toolsets.enable(arguments, call, registry, () -> toolsChangedFor.accept(subject));
    } else {
      result = invoke(tool, arguments, call);
    }
    return shape(call, checkOutput(registered, result));
  }

  private ToolResult invoke(Tool tool, ObjectNode arguments, Call call) throws Exception {
    try {
      ToolResult result = tool.handler().call(arguments, call.scope());
      if (result == null) {
        throw new IllegalStateException("tool " + tool.name() + " returned null");
      }
      return result;
    } catch (ToolException e) {
      return ToolResult.error(e.getMessage());
    } catch (Cancellation.CancelledException | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      if (call.scope().cancellation().isCancelled()) {
        throw new Cancellation.CancelledException(call.scope().cancellation().reason());
      }
      String reference = UUID.randomUUID().toString().substring(0, 8);
      log.error("Tool {} failed (reference {})", tool.name(), reference, e);
      return ToolResult.error(
          "The tool '"
              + tool.name()
              + "' failed with an internal error"
              + " (reference "
              + reference
              + "). The server log has the details.");
    }
  }

  /** A result that breaks the tool's own output schema is a server bug: never send it. */
  private static ToolResult checkOutput(Registry.RegisteredTool registered, ToolResult result) {
    if (!(result instanceof ToolResult.Complete complete)
        || complete.isError()
        || registered.output() == null) {
      return result;
    }
    if (complete.structuredContent() == null) {
      return fail(registered, "returned no structured content");
    }
    List<String> problems = registered.output().validate(complete.structuredContent());
    return problems.isEmpty()
        ? result
        : fail(registered, "broke its output schema: " + SchemaValidator.summarize(problems));
  }

  private static ToolResult fail(Registry.RegisteredTool registered, String why) {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    log.error("Tool {} {} (reference {})", registered.tool().name(), why, reference);
    return ToolResult.error(
        "The tool '"
            + registered.tool().name()
            + "' produced an invalid"
            + " result (reference "
            + reference
            + "); the server log has the details.");
  }

  private static ObjectNode shape(Call call, ToolResult result) {
    if (result instanceof ToolResult.InputRequired input) {
      if (!call.frame().version().isStateless()) {
        throw new McpError(
            JsonRpcError.internal(
                "Internal error: the tool asked for input in a"
                    + " way protocol "
                    + call.frame().version()
                    + " cannot carry"));
      }
      return Shapes.inputRequired(input);
    }
    return Shapes.toolResult((ToolResult.Complete) result, call.frame().version());
  }
}
