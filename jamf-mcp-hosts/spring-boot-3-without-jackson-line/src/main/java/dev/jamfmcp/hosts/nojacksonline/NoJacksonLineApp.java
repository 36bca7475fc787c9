package dev.jamfmcp.hosts.nojacksonline;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Boot 3 app whose build lacks the jackson-annotations line: its McpServer bean cannot start. */
@SpringBootApplication
public class NoJacksonLineApp {

  @Bean(destroyMethod = "close")
  McpServer mcpServer() {
    return McpServer.create(config -> config.serverInfo(Implementation.of("no-line", "1.0")));
  }

  public static void main(String[] args) {
    SpringApplication.run(NoJacksonLineApp.class, args);
  }
}
