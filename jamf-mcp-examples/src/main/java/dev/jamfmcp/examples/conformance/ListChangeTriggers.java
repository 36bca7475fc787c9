package dev.jamfmcp.examples.conformance;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.prompt.PromptMessage;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.List;
import java.util.function.Supplier;

/**
 * The conformance suite's hooks for list changes ({@code test_trigger_tool_change}, {@code
 * test_trigger_prompt_change}): each call adds, or removes again, one tool or prompt on the running
 * server, through the same API an application would use, so that open {@code subscriptions/listen}
 * streams receive a real {@code list_changed}.
 */
public final class ListChangeTriggers {
  static final String DYNAMIC_TOOL = "conformance_dynamic_tool";
  static final String DYNAMIC_PROMPT = "conformance-dynamic-prompt";

  /** Changes state and nothing outside this process; not idempotent (it toggles). */
  private static final ToolAnnotations LOCAL_CHANGE =
      new ToolAnnotations(false, false, false, false);

  private ListChangeTriggers() {}

  /** Both triggers, for the server that {@code server} will return once it exists. */
  public static List<Tool> all(Supplier<McpServer> server) {
    return List.of(toolChange(server), promptChange(server));
  }

  static Tool toolChange(Supplier<McpServer> server) {
    return Tool.builder("test_trigger_tool_change")
        .description("Adds or removes the tool " + DYNAMIC_TOOL + ", changing the tool list.")
        .inputSchema("{\"type\":\"object\",\"additionalProperties\":false}")
        .annotations(LOCAL_CHANGE)
        .handler(
            (arguments, context) -> {
              McpServer mcp = server.get();
              if (mcp.removeTool(DYNAMIC_TOOL)) {
                return ToolResult.text("removed " + DYNAMIC_TOOL);
              }
              mcp.addTool(
                  Tool.builder(DYNAMIC_TOOL)
                      .description("Exists between two calls of test_trigger_tool_change.")
                      .inputSchema("{\"type\":\"object\",\"additionalProperties\":false}")
                      .annotations(new ToolAnnotations(true, false, true, false))
                      .handler((a, c) -> ToolResult.text("still here"))
                      .build());
              return ToolResult.text("added " + DYNAMIC_TOOL);
            })
        .build();
  }

  static Tool promptChange(Supplier<McpServer> server) {
    return Tool.builder("test_trigger_prompt_change")
        .description("Adds or removes the prompt " + DYNAMIC_PROMPT + ", changing the prompt list.")
        .inputSchema("{\"type\":\"object\",\"additionalProperties\":false}")
        .annotations(LOCAL_CHANGE)
        .handler(
            (arguments, context) -> {
              McpServer mcp = server.get();
              if (mcp.removePrompt(DYNAMIC_PROMPT)) {
                return ToolResult.text("removed " + DYNAMIC_PROMPT);
              }
              mcp.addPrompt(
                  new Prompt(
                      DYNAMIC_PROMPT,
                      null,
                      "Exists between two calls of test_trigger_prompt_change.",
                      List.of(),
                      (args, ctx) -> List.of(PromptMessage.user("hello"))));
              return ToolResult.text("added " + DYNAMIC_PROMPT);
            })
        .build();
  }
}
