package dev.jamfmcp.javalin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.testing.TestTools;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The listen backlog of the app's connectors: Jetty's default is the JDK's 50, which a burst of
 * reconnecting clients overflows (each overflowing connect then waits for a SYN retransmission).
 */
class AcceptQueueTest {
  private final McpServer server = new TestTools().server(c -> {});
  private Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
    server.close();
  }

  private List<ServerConnector> start(
      Consumer<JavalinConfig> appConfig, Consumer<McpPluginConfig> mcp) {
    app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  appConfig.accept(config);
                  config.registerPlugin(
                      new McpPlugin(
                          m -> {
                            m.server(server);
                            mcp.accept(m);
                          }));
                })
            .start("127.0.0.1", 0);
    return Arrays.stream(app.jettyServer().server().getConnectors())
        .map(ServerConnector.class::cast)
        .toList();
  }

  @Test
  void theDefaultConnectorGets1024() throws Exception {
    List<ServerConnector> connectors = start(config -> {}, mcp -> {});
    assertThat(connectors).hasSize(1);
    assertThat(connectors.get(0).getAcceptQueueSize())
        .isEqualTo(McpPluginConfig.DEFAULT_ACCEPT_QUEUE_SIZE)
        .isEqualTo(1024);
    // and the connector it set up serves
    HttpResponse<String> health =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/health"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  @Test
  void aChosenSizeApplies() {
    List<ServerConnector> connectors = start(config -> {}, mcp -> mcp.acceptQueueSize(4096));
    assertThat(connectors.get(0).getAcceptQueueSize()).isEqualTo(4096);
  }

  @Test
  void zeroLeavesJettysDefault() {
    List<ServerConnector> connectors = start(config -> {}, mcp -> mcp.acceptQueueSize(0));
    assertThat(connectors.get(0).getAcceptQueueSize()).isZero();
  }

  @Test
  void aConnectorTheAppConfiguredItselfKeepsItsBacklog() {
    List<ServerConnector> connectors =
        start(
            config ->
                config.jetty.addConnector(
                    (jetty, http) -> {
                      ServerConnector own = new ServerConnector(jetty);
                      own.setHost("127.0.0.1");
                      own.setPort(0);
                      own.setAcceptQueueSize(77);
                      return own;
                    }),
            mcp -> {});
    assertThat(connectors).extracting(ServerConnector::getAcceptQueueSize).containsOnly(77);
  }

  @Test
  void aNegativeSizeIsRefused() {
    assertThatThrownBy(() -> new McpPluginConfig().acceptQueueSize(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acceptQueueSize");
  }
}
