package dev.jamfmcp.hosts.boot3;

// snippet:begin spring-boot-mcp-configuration
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.servlet.McpServlet;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.JamfTools;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;

@Configuration
public class McpConfiguration {

  @Bean(destroyMethod = "close")
  McpServer mcpServer(JamfClient jamf) {
    JamfTools tools = JamfTools.create(jamf, settings -> settings.readOnly(true));
    return McpServer.create(
        config -> tools.registerInto(config.serverInfo(Implementation.of("my-app", "1.0"))));
  }

  @Bean(destroyMethod = "close")
  McpHttpTransport mcpTransport(McpServer server) {
    // no authentication below, so loopback only (server.address=127.0.0.1)
    return McpHttpTransport.create(server, config -> config.localhostOnly(true));
  }

  @Bean
  ServletRegistrationBean<McpServlet> mcpServlet(McpHttpTransport transport) {
    Principal caller = Principal.of("local", JamfScopes.READ); // or your authentication
    ServletRegistrationBean<McpServlet> registration =
        new ServletRegistrationBean<>(
            new McpServlet(transport, request -> Optional.of(caller)), "/mcp", "/sse", "/messages");
    registration.setAsyncSupported(true); // streams are served asynchronously
    return registration;
  }

  @Bean
  ApplicationListener<ContextClosedEvent> mcpShutdown(McpHttpTransport transport) {
    // first thing on close, so the web server's graceful shutdown finds no MCP stream to wait for
    return event -> transport.shutdown(Duration.ofSeconds(5));
  }
}
// snippet:end
