package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonLinesStreamTest {

  @Test
  void oneRecordPerFlushWithStackTraceInError() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream err =
        new PrintStream(
            new JsonLinesStream(new PrintStream(sink, true, StandardCharsets.UTF_8)),
            false,
            StandardCharsets.UTF_8);
    err.println("2026-01-02T03:04:05.678Z WARN jamf-mcp.requests - a \"quoted\" message");
    err.println("java.lang.IllegalStateException: boom");
    err.println("\tat x.y.Z.m(Z.java:1)");
    err.flush();
    err.print("stray text");
    err.flush();
    String[] lines = sink.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(lines).hasSize(2);
    JsonNode first = Json.mapper().readTree(lines[0]);
    assertThat(first.get("time").asString()).isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(first.get("level").asString()).isEqualTo("WARN");
    assertThat(first.get("logger").asString()).isEqualTo("jamf-mcp.requests");
    assertThat(first.get("message").asString()).isEqualTo("a \"quoted\" message");
    assertThat(first.get("error").asString()).contains("boom").contains("\tat x.y.Z.m");
    assertThat(Json.mapper().readTree(lines[1]).get("message").asString()).isEqualTo("stray text");
  }
}
