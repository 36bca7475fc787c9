package dev.jamfmcp.examples.conformance;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.List;

/** Tools that need no Jamf Pro: enough for protocol conformance runs and load tests. */
public final class CiTools {
  /** Local, read-only, idempotent, and touching no outside system. */
  private static final ToolAnnotations PURE = new ToolAnnotations(true, false, true, false);

  private CiTools() {}

  public static List<Tool> all() {
    return List.of(echo(), countWithProgress());
  }

  /** Returns its text; the cheapest possible tools/call, for load tests. */
  public static Tool echo() {
    return Tool.builder("echo")
        .title("Echo")
        .description("Returns the text it is given.")
        .inputSchema(
            """
            {"type":"object",
             "properties":{"text":{"type":"string","description":"What to echo"}},
             "required":["text"],"additionalProperties":false}""")
        .annotations(PURE)
        .handler((arguments, context) -> ToolResult.text(arguments.get("text").stringValue()))
        .build();
  }

  /** Counts to {@code steps}, reporting progress at each step when the client asks for it. */
  public static Tool countWithProgress() {
    return Tool.builder("count_with_progress")
        .title("Count with progress")
        .description(
            "Counts from 1 to steps (at most 100), sending a progress notification"
                + " for each step, and returns the count.")
        .inputSchema(
            """
            {"type":"object",
             "properties":{"steps":{"type":"integer","minimum":1,"maximum":100}},
             "required":["steps"],"additionalProperties":false}""")
        .outputSchema(
            """
            {"type":"object","properties":{"counted":{"type":"integer"}},"required":["counted"]}""")
        .annotations(PURE)
        .handler(
            (arguments, context) -> {
              int steps = arguments.get("steps").intValue();
              for (int step = 1; step <= steps; step++) {
                context.cancellation().throwIfCancelled();
                context.progress(step, (double) steps, "step " + step + " of " + steps);
              }
              return ToolResult.structured(Json.object().put("counted", steps));
            })
        .build();
  }
}
