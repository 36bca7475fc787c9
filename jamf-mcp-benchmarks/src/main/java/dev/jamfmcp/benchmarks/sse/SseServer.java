package dev.jamfmcp.benchmarks.sse;

import dev.jamfmcp.examples.conformance.CiTools;
import dev.jamfmcp.examples.conformance.ConformanceServer;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import io.javalin.Javalin;
import java.time.Duration;

/**
 * The server side of {@link SseHold}: {@link CiTools} over the Javalin plugin on 127.0.0.1 without
 * authentication (as {@code ConformanceServer}), with the ping interval and the session limit set
 * from the command line. Prints its MCP URL once it serves.
 *
 * <pre>java -cp benchmarks.jar dev.jamfmcp.benchmarks.sse.SseServer port pingSeconds maxSessions
 * </pre>
 */
public final class SseServer {
  private SseServer() {}

  public static void main(String[] args) {
    int port = Integer.parseInt(args[0]);
    Duration ping = Duration.ofSeconds(Long.parseLong(args[1]));
    int maxSessions = Integer.parseInt(args[2]);
    McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of("jamf-mcp-sse-hold", "0.1.0"))
                    .tools(CiTools.all()));
    Javalin app =
        ConformanceServer.serveOnLoopback(
            server,
            port,
            mcp -> mcp.transport(t -> t.pingInterval(ping).maxSessions(maxSessions)),
            "sse-server-stop");
    System.out.println("MCP SSE hold server on http://127.0.0.1:" + app.port() + "/mcp");
  }
}
