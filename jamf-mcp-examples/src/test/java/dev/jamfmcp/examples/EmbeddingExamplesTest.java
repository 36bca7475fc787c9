package dev.jamfmcp.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.jamf.JamfClient;
import dev.jamfmcp.server.McpHttpSession;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import dev.jamfmcp.tools.JamfTools;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Both embedding examples serve a real MCP session against the simulated Jamf Pro. */
class EmbeddingExamplesTest {
  static SimulatedJamfPro jamfPro;
  static JamfClient jamf;

  @BeforeAll
  static void startJamf() {
    jamfPro = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(50).mobileDevices(10)));
    jamf =
        JamfClient.builder()
            .baseUrl(jamfPro.baseUrl())
            .clientCredentials(jamfPro.config().clientId(), jamfPro.config().clientSecret())
            .build();
  }

  @AfterAll
  static void stopJamf() {
    jamf.close();
    jamfPro.close();
  }

  /** What the examples register: the read-only Jamf tools, whatever the registry holds today. */
  static List<String> expectedTools() {
    return JamfTools.create(jamf, s -> s.readOnly(true)).tools().stream()
        .map(dev.jamfmcp.mcp.tool.Tool::name)
        .sorted()
        .toList();
  }

  @Test
  void jdkHttpServerServesInitializeAndToolsList() throws Exception {
    try (JdkHttpServerExample example = JdkHttpServerExample.start(jamf, 0)) {
      McpHttpSession mcp =
          new McpHttpSession(URI.create("http://127.0.0.1:" + example.port() + "/mcp"), null);
      JsonNode init = mcp.initialize();
      assertThat(init.path("serverInfo").path("name").asString()).isEqualTo("jamf-mcp-jdk-example");
      assertThat(mcp.sessionId()).startsWith("m1.");
      assertThat(mcp.toolNames()).isEqualTo(expectedTools());
    }
  }

  @Test
  void javalinAppKeepsItsRoutesAndGainsMcp() throws Exception {
    Javalin app = JavalinAppExample.start(jamf, 0);
    try {
      HttpResponse<String> own =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(own.body()).isEqualTo("Inventory dashboard");
      McpHttpSession mcp =
          new McpHttpSession(URI.create("http://127.0.0.1:" + app.port() + "/mcp"), null);
      assertThat(mcp.initialize().path("serverInfo").path("name").asString())
          .isEqualTo("jamf-mcp-javalin-example");
      assertThat(mcp.toolNames()).isEqualTo(expectedTools());
    } finally {
      app.stop();
    }
  }
}
