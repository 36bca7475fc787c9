package dev.jamfmcp.examples;

import com.sun.net.httpserver.HttpServer;
import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.McpHttpTransport;
import dev.jamfmcp.tools.JamfScopes;
import dev.jamfmcp.tools.JamfTools;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Embedding the core without Javalin: the Jamf tools in an {@link McpServer}, served over the JDK's
 * own {@code com.sun.net.httpserver} through the core's framework-free {@link McpHttpTransport}.
 * Read-only, one local caller, loopback only: put your authentication where {@link #CALLER} is
 * used.
 *
 * <pre>
 * JAMF_URL=https://you.jamfcloud.com JAMF_CLIENT_ID=.. JAMF_CLIENT_SECRET=.. \
 *   java -cp jamf-mcp-server.jar dev.jamfmcp.examples.JdkHttpServerExample 8080
 * </pre>
 */
public final class JdkHttpServerExample implements AutoCloseable {
  private static final Principal CALLER = Principal.of("local", JamfScopes.READ);

  private final HttpServer http;
  private final McpHttpTransport transport;
  private final McpServer server;
  private final ExecutorService handlers;

  private JdkHttpServerExample(
      HttpServer http, McpHttpTransport transport, McpServer server, ExecutorService handlers) {
    this.http = http;
    this.transport = transport;
    this.server = server;
    this.handlers = handlers;
  }

  /**
   * Serves {@code /mcp}, {@code /sse} and {@code /messages} on 127.0.0.1:{@code port} (0: any
   * free).
   */
  public static JdkHttpServerExample start(JamfClient jamf, int port) throws IOException {
    JamfTools tools = JamfTools.create(jamf, settings -> settings.readOnly(true));
    McpServer server =
        McpServer.create(
            config ->
                tools.registerInto(
                    config.serverInfo(Implementation.of("jamf-mcp-jdk-example", "1.0"))));
    McpHttpTransport transport = McpHttpTransport.create(server, config -> {});
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    http.createContext("/mcp", exchange -> transport.handleMcp(new JdkExchange(exchange), CALLER));
    http.createContext(
        "/sse", exchange -> transport.openLegacyStream(new JdkExchange(exchange), CALLER));
    http.createContext(
        "/messages", exchange -> transport.postLegacyMessage(new JdkExchange(exchange), CALLER));
    // Handlers return at once (streams are written from the transport's threads), so a small
    // pool is enough.
    ExecutorService handlers = Executors.newFixedThreadPool(8);
    http.setExecutor(handlers);
    http.start();
    return new JdkHttpServerExample(http, transport, server, handlers);
  }

  public int port() {
    return http.getAddress().getPort();
  }

  @Override
  public void close() {
    transport.shutdown(java.time.Duration.ofSeconds(2));
    http.stop(0);
    transport.close();
    server.close();
    handlers.shutdownNow();
  }

  public static void main(String[] args) throws IOException {
    JamfClient jamf =
        JamfClient.builder()
            .baseUrl(System.getenv("JAMF_URL"))
            .clientCredentials(System.getenv("JAMF_CLIENT_ID"), System.getenv("JAMF_CLIENT_SECRET"))
            .build();
    JdkHttpServerExample example = start(jamf, args.length > 0 ? Integer.parseInt(args[0]) : 8080);
    System.out.println("MCP endpoint: http://127.0.0.1:" + example.port() + "/mcp");
  }
}
