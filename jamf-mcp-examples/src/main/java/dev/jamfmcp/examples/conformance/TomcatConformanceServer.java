package dev.jamfmcp.examples.conformance;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.servlet.McpServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * The conformance server ({@link ConformanceServer#create()}: the same tools, resources and
 * prompts) on the servlet face: {@link McpServlet} in an embedded Tomcat on 127.0.0.1, without
 * authentication (loopback only, as the Javalin conformance server), plus {@code GET /health}.
 *
 * <p>Tomcat is not in the executable's jar (a {@code provided} dependency); the build copies it to
 * {@code jamf-mcp-examples/target/tomcat/}. Tomcat's jar first: it carries its own, newer copy of
 * the servlet API.
 *
 * <pre>java -cp 'jamf-mcp-examples/target/tomcat/*:jamf-mcp-examples/target/jamf-mcp-server.jar' \
 *   dev.jamfmcp.examples.conformance.TomcatConformanceServer [port]</pre>
 */
public final class TomcatConformanceServer {
  private static final Principal LOCAL = new Principal("local", Set.of(), Map.of());

  private final McpServer server;
  private final McpHttpTransport transport;
  private final Tomcat tomcat = new Tomcat();
  private final Connector connector = new Connector();

  private TomcatConformanceServer(McpServer server, int port) throws IOException {
    this.server = server;
    // Anonymous serving is only allowed on loopback, where DNS rebinding is the threat.
    this.transport =
        McpHttpTransport.create(server, t -> t.localhostOnly(true).legacyMessagesPath("/messages"));
    Path baseDir = Files.createTempDirectory("jamf-mcp-tomcat");
    tomcat.setBaseDir(baseDir.toString());
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toString());
    Wrapper mcp =
        Tomcat.addServlet(context, "mcp", new McpServlet(transport, request -> Optional.of(LOCAL)));
    mcp.setAsyncSupported(true);
    mcp.addMapping("/mcp");
    mcp.addMapping("/sse");
    mcp.addMapping("/messages");
    Tomcat.addServlet(context, "health", new Health()).addMapping("/health");
  }

  /** Starts on {@code port} (0 picks one); returns the port. */
  public static TomcatConformanceServer start(McpServer server, int port)
      throws IOException, LifecycleException {
    TomcatConformanceServer started = new TomcatConformanceServer(server, port);
    started.tomcat.start();
    return started;
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** Ends the streams (the transport), then stops Tomcat and the server. */
  public void stop() {
    transport.shutdown(Duration.ofSeconds(5));
    try {
      tomcat.stop();
      tomcat.destroy();
    } catch (LifecycleException e) {
      throw new IllegalStateException("Tomcat did not stop cleanly", e);
    } finally {
      transport.close();
      server.close();
    }
  }

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3002;
    TomcatConformanceServer running = start(ConformanceServer.create(), port);
    Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "tomcat-conformance-stop"));
    System.out.println(
        "MCP conformance server (servlet face, Tomcat) on http://127.0.0.1:"
            + running.port()
            + "/mcp");
  }

  private static final class Health extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      response.setContentType("application/json");
      response.getOutputStream().write("{\"status\":\"up\"}".getBytes(StandardCharsets.UTF_8));
    }
  }
}
