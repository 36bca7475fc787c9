package dev.jamfmcp.hosts.boot4;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An ordinary Spring Boot 4 web app that also serves MCP ({@link McpConfiguration}). */
@SpringBootApplication
@RestController
public class Boot4HostApp {

  /** The app's own route, next to the MCP servlet. */
  @GetMapping("/hello")
  String hello() {
    return "hello from Spring Boot 4";
  }

  public static void main(String[] args) {
    SpringApplication.run(Boot4HostApp.class, args);
  }
}
