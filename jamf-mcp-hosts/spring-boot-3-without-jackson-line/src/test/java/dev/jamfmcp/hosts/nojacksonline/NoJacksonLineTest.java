package dev.jamfmcp.hosts.nojacksonline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.tool.Tool;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import tools.jackson.databind.json.JsonMapper;

/** Boot 3.5's class path without the documented line: one clear message, never a class error. */
class NoJacksonLineTest {
  private static final String MESSAGE =
      "jamf-mcp runs on Jackson 3, which needs com.fasterxml.jackson.core:jackson-annotations"
          + " 2.20 or newer, but the class path has"
          + " com.fasterxml.jackson.core:jackson-annotations 2.19.2";

  @Test
  void bootsParentReallyLeavesTheOldAnnotationsOnTheClassPath() {
    assertThat(JsonProperty.class.getPackage().getImplementationVersion()).isEqualTo("2.19.2");
    // what a user got before the check: Jackson 3's own mapper dies on a missing class
    assertThatThrownBy(() -> JsonMapper.builder().build())
        .isInstanceOf(NoClassDefFoundError.class)
        .hasMessageContaining("com/fasterxml/jackson/annotation/JsonSerializeAs");
  }

  @Test
  void theFirstEngineUseStopsWithTheMessageAndSoDoesEveryLaterOne() {
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> Tool.builder("echo"))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(MESSAGE)
          .hasMessageContaining(
              "<dependency><groupId>com.fasterxml.jackson.core</groupId>"
                  + "<artifactId>jackson-annotations</artifactId><version>2.21</version>"
                  + "</dependency>")
          .hasMessageContaining(
              "implementation(\"com.fasterxml.jackson.core:jackson-annotations:2.21\")");
      assertThatThrownBy(() -> McpServer.create(config -> {}))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(MESSAGE);
      assertThatThrownBy(Json::object)
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(MESSAGE);
    }
  }

  @Test
  void theAppStopsAtStartWithTheMessageAsItsRootCause() {
    assertThatThrownBy(
            () -> SpringApplication.run(NoJacksonLineApp.class, "--server.port=0").close())
        .rootCause()
        .isExactlyInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith(MESSAGE);
  }
}
