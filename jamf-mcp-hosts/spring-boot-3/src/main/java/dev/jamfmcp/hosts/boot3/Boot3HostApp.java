package dev.jamfmcp.hosts.boot3;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An ordinary Spring Boot 3 web app that also serves MCP ({@link McpConfiguration}). */
@SpringBootApplication
@RestController
public class Boot3HostApp {

  /** The app's own route, next to the MCP servlet. */
  @GetMapping("/hello")
  String hello() {
    return "hello from Spring Boot 3";
  }

  public static void main(String[] args) {
    SpringApplication.run(Boot3HostApp.class, args);
  }
}
