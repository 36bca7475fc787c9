package dev.jamfmcp.docs;

// snippet:begin readme-embedding-the-engine
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.stdio.StdioTransport;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolAnnotations;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.io.IOException;

public class EchoServer {
  public static void main(String[] commandLine) throws IOException {
    McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of("my-server", "1.0"))
                    .tool(
                        Tool.builder("echo")
                            .description("Repeats text.")
                            .inputSchema(
                                """
                {"type":"object","properties":{"text":{"type":"string"}},"required":["text"]}""")
                            .annotations(ToolAnnotations.readOnly())
                            .requiredScopes("read:jamf")
                            .handler((args, ctx) -> ToolResult.text(args.get("text").stringValue()))
                            .build()));

    // stdio: one session for the life of the process
    StdioTransport.serve(server, System.in, System.out, Principal.of("local", "read:jamf"));
  }
}
// snippet:end
