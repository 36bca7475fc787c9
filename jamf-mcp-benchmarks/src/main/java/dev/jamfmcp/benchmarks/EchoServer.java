package dev.jamfmcp.benchmarks;

import dev.jamfmcp.examples.conformance.CiTools;
import dev.jamfmcp.examples.conformance.ConformanceServer;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import io.javalin.Javalin;
import java.util.List;

/**
 * The HTTP benchmark's server built with this library: only the {@code echo} tool (the same one
 * {@link SdkEchoServer} offers), so that {@code tools/list} answers the same single tool on both
 * servers. The Javalin plugin on 127.0.0.1, no authentication.
 *
 * <pre>java -cp benchmarks.jar dev.jamfmcp.benchmarks.EchoServer [port]</pre>
 */
public final class EchoServer {
  private EchoServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3001;
    McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of("jamf-mcp-echo", "0.1.0"))
                    .tools(List.of(CiTools.echo())));
    Javalin app = ConformanceServer.serveOnLoopback(server, port, mcp -> {}, "echo-server-stop");
    System.out.println("jamf-mcp echo server on http://127.0.0.1:" + app.port() + "/mcp");
  }
}
