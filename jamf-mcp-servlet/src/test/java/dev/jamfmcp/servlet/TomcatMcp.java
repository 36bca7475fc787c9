package dev.jamfmcp.servlet;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.HttpTransportConfig;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.mcp.testing.McpHttpClient;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * An embedded Tomcat on 127.0.0.1, port 0, with {@link McpServlet} at {@code /mcp}, {@code /sse}
 * and {@code /messages}, and a java.net.http client for it.
 */
final class TomcatMcp extends McpHttpClient implements AutoCloseable {
  static final Principal LOCAL = new Principal("local", Set.of("read:jamf"), java.util.Map.of());

  final Tomcat tomcat = new Tomcat();
  final McpHttpTransport transport;
  final McpServlet servlet;
  final int port;
  private final Path baseDir;
  private boolean stopped;

  TomcatMcp(McpServer server) throws Exception {
    this(server, t -> {}, request -> Optional.of(LOCAL), 30_000);
  }

  /**
   * @param asyncTimeoutMillis the connector's default async timeout (Tomcat's own default: 30 s)
   */
  TomcatMcp(
      McpServer server,
      Consumer<HttpTransportConfig> transportConfig,
      Function<HttpServletRequest, Optional<Principal>> principals,
      long asyncTimeoutMillis)
      throws Exception {
    this(asyncTimeoutMillis, server, transportConfig, t -> new McpServlet(t, principals));
  }

  /** With the servlet {@code servlet} makes for the transport. */
  TomcatMcp(
      long asyncTimeoutMillis,
      McpServer server,
      Consumer<HttpTransportConfig> transportConfig,
      Function<McpHttpTransport, McpServlet> servlet)
      throws Exception {
    this.transport =
        McpHttpTransport.create(
            server,
            t -> {
              t.sessionKey(KEY)
                  .pingInterval(Duration.ofMillis(200))
                  .maxBodyBytes(64 * 1024)
                  .allowedOrigins(Set.of("https://app.example.com"));
              transportConfig.accept(t);
            });
    this.servlet = servlet.apply(transport);
    this.baseDir = Files.createTempDirectory("tomcat-mcp");
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setAsyncTimeout(asyncTimeoutMillis);
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toString());
    Wrapper wrapper = Tomcat.addServlet(context, "mcp", this.servlet);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded("/mcp", "mcp");
    context.addServletMappingDecoded("/sse", "mcp");
    context.addServletMappingDecoded("/messages", "mcp");
    tomcat.start();
    this.port = connector.getLocalPort();
  }

  @Override
  public String base() {
    return "http://127.0.0.1:" + port;
  }

  /** Stops Tomcat (the servlet's destroy ends what is still open). */
  void stop() throws LifecycleException {
    if (!stopped) {
      stopped = true;
      tomcat.stop();
      tomcat.destroy();
    }
  }

  @Override
  public void close() throws Exception {
    stop();
    transport.close();
  }
}
