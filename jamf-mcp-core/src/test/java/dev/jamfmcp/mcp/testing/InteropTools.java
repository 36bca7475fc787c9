package dev.jamfmcp.mcp.testing;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two tools the interop tests drive: {@code echo} and {@code add}, both with output schemas.
 */
public final class InteropTools {
  /** Local, read-only, idempotent, and touching no outside system. */
  public static final ToolAnnotations PURE = new ToolAnnotations(true, false, true, false);

  private InteropTools() {}

  public static List<Tool> all() {
    return List.of(echo(), add());
  }

  public static Tool echo() {
    return Tool.builder("echo")
        .title("Echo")
        .description("Returns the text it is given, and its length.")
        .inputSchema(
            """
            {"type":"object",
             "properties":{"text":{"type":"string","description":"What to echo"}},
             "required":["text"],"additionalProperties":false}""")
        .outputSchema(
            """
            {"type":"object",
             "properties":{"text":{"type":"string"},"length":{"type":"integer"}},
             "required":["text","length"]}""")
        .annotations(PURE)
        .handler(
            (arguments, context) -> {
              String text = arguments.get("text").stringValue();
              ObjectNode out = Json.object().put("text", text).put("length", text.length());
              return ToolResult.structured(out);
            })
        .build();
  }

  public static Tool add() {
    return Tool.builder("add")
        .description("Adds two numbers.")
        .inputSchema(
            """
            {"type":"object",
             "properties":{"a":{"type":"number"},"b":{"type":"number"}},
             "required":["a","b"]}""")
        .outputSchema(
            """
            {"type":"object","properties":{"sum":{"type":"number"}},"required":["sum"]}""")
        .annotations(PURE)
        .handler(
            (arguments, context) -> {
              var sum = arguments.get("a").decimalValue().add(arguments.get("b").decimalValue());
              return ToolResult.structured(
                  "The sum is " + sum.toPlainString() + ".", Json.object().put("sum", sum));
            })
        .build();
  }
}
