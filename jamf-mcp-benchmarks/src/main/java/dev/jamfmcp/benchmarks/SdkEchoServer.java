package dev.jamfmcp.benchmarks;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The load-test reference: the same {@code echo} tool as {@code CiTools.echo()}, built on the
 * official MCP Java SDK's Streamable HTTP servlet transport on embedded Jetty 12.
 *
 * <pre>java -cp benchmarks.jar dev.jamfmcp.benchmarks.SdkEchoServer [port]</pre>
 */
public final class SdkEchoServer {
  private SdkEchoServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3002;
    var mapper = McpJsonDefaults.getMapper();
    var transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(mapper)
            .mcpEndpoint("/mcp")
            .build();
    // The SDK's builder as its users write it today (deprecated in favour of one still changing).
    @SuppressWarnings("deprecation")
    McpSchema.Tool echo =
        McpSchema.Tool.builder()
            .name("echo")
            .title("Echo")
            .description("Returns the text it is given.")
            .inputSchema(
                mapper,
                """
            {"type":"object",
             "properties":{"text":{"type":"string","description":"What to echo"}},
             "required":["text"],"additionalProperties":false}""")
            .build();
    McpServer.sync(transport)
        .serverInfo("sdk-echo", "2.1.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(
            SyncToolSpecification.builder()
                .tool(echo)
                .callHandler(
                    (exchange, request) ->
                        McpSchema.CallToolResult.builder()
                            .addTextContent(String.valueOf(request.arguments().get("text")))
                            .build())
                .build())
        .build();
    Server jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    // The same listen backlog as this library's plugin gives its connector (Jetty's default is the
    // JDK's 50), so that connection bursts in the SSE and HTTP benchmarks treat both alike.
    connector.setAcceptQueueSize(1024);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.addServlet(new ServletHolder(transport), "/*");
    jetty.setHandler(context);
    jetty.start();
    System.out.println("MCP Java SDK echo server on http://127.0.0.1:" + port + "/mcp");
    jetty.join();
  }
}
