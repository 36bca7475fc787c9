package dev.jamfmcp.mcp.stdio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.InteropTools;
import dev.jamfmcp.mcp.tool.Tool;
import dev.jamfmcp.mcp.tool.ToolResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/** {@link StdioTransport#serve} in-process, on streams we control byte for byte. */
@Timeout(value = 2, unit = TimeUnit.MINUTES) // hang catcher only
class StdioPipeTest {
  private static final String INIT =
      """
      {"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25",\
      "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""";

  @Test
  void aLineOverTheLimitIsAnsweredAndTheNextLineStillWorks() throws Exception {
    InputStream in =
        new SequenceInputStream(
            bytes(INIT + "\n"),
            new SequenceInputStream(
                new Filler(StdioTransport.MAX_LINE_BYTES + 1024), // one line, 16 MiB + 1 KiB
                bytes("\n{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}\n")));
    List<JsonNode> out = serve(server(InteropTools.all()), in);

    assertThat(out).hasSize(3);
    assertThat(out.get(1).get("id").isNull()).isTrue();
    assertThat(out.get(1).at("/error/code").intValue()).isEqualTo(-32600);
    assertThat(out.get(1).at("/error/message").stringValue())
        .contains(String.valueOf(StdioTransport.MAX_LINE_BYTES));
    assertThat(out.get(2).get("id").intValue()).isEqualTo(2);
    assertThat(out.get(2).get("result").isObject()).isTrue();
  }

  @Test
  void invalidUtf8IsAParseErrorAndBlankLinesAreIgnored() throws Exception {
    ByteArrayOutputStream input = new ByteArrayOutputStream();
    input.writeBytes((INIT + "\n\n   \r\n\t\n").getBytes(StandardCharsets.UTF_8));
    input.writeBytes(
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\",\"params\":{\"x\":\""
            .getBytes(StandardCharsets.UTF_8));
    input.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28}); // a broken two-byte sequence
    input.writeBytes("\"}}\n".getBytes(StandardCharsets.UTF_8));
    input.writeBytes(
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}\r\n".getBytes(StandardCharsets.UTF_8));
    List<JsonNode> out =
        serve(server(InteropTools.all()), new java.io.ByteArrayInputStream(input.toByteArray()));

    assertThat(out).hasSize(3); // initialize, the parse error, ping 4: nothing for blank lines
    assertThat(out.get(1).get("id").isNull()).isTrue();
    assertThat(out.get(1).at("/error/code").intValue()).isEqualTo(-32700);
    assertThat(out.get(1).at("/error/message").stringValue()).contains("UTF-8");
    assertThat(out.get(2).get("id").intValue()).isEqualTo(4);
  }

  @Test
  void endOfInputWaitsForRequestsInFlight() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Tool slow =
        Tool.builder("slow")
            .description("Waits until the test lets it finish.")
            .annotations(InteropTools.PURE)
            .handler(
                (arguments, context) -> {
                  started.countDown();
                  release.await();
                  return ToolResult.text("finished");
                })
            .build();
    String input =
        INIT
            + "\n"
            + "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"slow\"}}\n";
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    try (McpServer server = server(List.of(slow))) {
      CompletableFuture<Void> serving =
          CompletableFuture.runAsync(
              () ->
                  serveQuietly(
                      server,
                      new java.io.ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                      stdout));
      assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
      // stdin is already at its end; serve must still be waiting for the call.
      assertThat(serving).isNotDone();
      release.countDown();
      serving.get(60, TimeUnit.SECONDS);
    }
    List<JsonNode> out = jsonLines(stdout);
    assertThat(out).hasSize(2);
    assertThat(out.get(1).get("id").intValue()).isEqualTo(5);
    assertThat(out.get(1).at("/result/content/0/text").stringValue()).isEqualTo("finished");
  }

  private static McpServer server(List<Tool> tools) {
    return McpServer.create(config -> config.serverInfo(Implementation.of("t", "1")).tools(tools));
  }

  private static List<JsonNode> serve(McpServer server, InputStream in) throws IOException {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    try (server) {
      StdioTransport.serve(server, in, stdout, Principal.of("local", "read:jamf"));
    }
    return jsonLines(stdout);
  }

  private static void serveQuietly(McpServer server, InputStream in, ByteArrayOutputStream out) {
    try {
      StdioTransport.serve(server, in, out, Principal.of("local", "read:jamf"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every byte of stdout must be a JSON-RPC message on its own line, and nothing else. */
  private static List<JsonNode> jsonLines(ByteArrayOutputStream stdout) {
    String text = stdout.toString(StandardCharsets.UTF_8);
    assertThat(text).endsWith("\n");
    List<JsonNode> messages = new ArrayList<>();
    for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
      JsonNode node = Json.mapper().readTree(line);
      assertThat(node.isObject()).as("line %s", line).isTrue();
      assertThat(node.get("jsonrpc").stringValue()).isEqualTo("2.0");
      messages.add(node);
    }
    return messages;
  }

  private static InputStream bytes(String text) {
    return new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** {@code n} bytes of a JSON string body without a newline, generated, never held in memory. */
  private static final class Filler extends InputStream {
    private long remaining;

    Filler(long n) {
      this.remaining = n;
    }

    @Override
    public int read() {
      if (remaining <= 0) {
        return -1;
      }
      remaining--;
      return 'x';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
      remaining -= n;
      return n;
    }
  }
}
