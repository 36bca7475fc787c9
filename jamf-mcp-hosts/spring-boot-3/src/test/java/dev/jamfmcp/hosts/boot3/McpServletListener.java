package dev.jamfmcp.hosts.boot3;

// snippet:begin servlet-container-listener
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.servlet.McpServlet;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.JamfTools;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.util.Optional;

@WebListener
public class McpServletListener implements ServletContextListener {
  private McpServer server;
  private McpHttpTransport transport;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    JamfClient jamf = JamfClient.builder()
        .baseUrl(System.getenv("JAMF_URL"))
        .clientCredentials(System.getenv("JAMF_CLIENT_ID"), System.getenv("JAMF_CLIENT_SECRET"))
        .build();
    JamfTools tools = JamfTools.create(jamf, settings -> settings.readOnly(true));
    server = McpServer.create(
        config -> tools.registerInto(config.serverInfo(Implementation.of("my-app", "1.0"))));
    transport = McpHttpTransport.create(server, config -> config.localhostOnly(true));
    Principal caller = Principal.of("local", JamfScopes.READ); // or your authentication
    ServletRegistration.Dynamic mcp = event.getServletContext()
        .addServlet("mcp", new McpServlet(transport, request -> Optional.of(caller)));
    mcp.addMapping("/mcp", "/sse", "/messages");
    mcp.setAsyncSupported(true);
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    transport.shutdown(Duration.ofSeconds(5)); // ends the streams, lets running calls finish
    transport.close();
    server.close();
  }
}
// snippet:end
