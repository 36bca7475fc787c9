package dev.jamfmcp.benchmarks;

import dev.jamfmcp.examples.conformance.CiTools;
import dev.jamfmcp.examples.conformance.TomcatConformanceServer;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import java.util.List;

/**
 * {@link EchoServer} on the servlet face: the same single {@code echo} tool, served by {@code
 * McpServlet} in an embedded Tomcat on 127.0.0.1, no authentication. Tomcat is copied beside the
 * jar by the build and goes first on the class path.
 *
 * <pre>
 * java -cp 'target/tomcat/*:target/benchmarks.jar' dev.jamfmcp.benchmarks.TomcatEchoServer [port]
 * </pre>
 */
public final class TomcatEchoServer {
  private TomcatEchoServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3001;
    McpServer server =
        McpServer.create(
            config ->
                config
                    .serverInfo(Implementation.of("jamf-mcp-echo", "0.1.0"))
                    .tools(List.of(CiTools.echo())));
    TomcatConformanceServer tomcat = TomcatConformanceServer.start(server, port);
    Runtime.getRuntime().addShutdownHook(new Thread(tomcat::stop, "tomcat-echo-server-stop"));
    System.out.println(
        "jamf-mcp echo server (servlet face, Tomcat) on http://127.0.0.1:"
            + tomcat.port()
            + "/mcp");
  }
}
