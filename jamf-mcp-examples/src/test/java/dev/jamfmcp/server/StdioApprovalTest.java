package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 14 on stdio, as the executable starts it: with write tools the approval page is served on a
 * loopback port, a client without elicitation gets a link to it, a person signs in (development
 * sign-in) and approves, and the next call runs once; stdout carries nothing but MCP.
 */
class StdioApprovalTest {

  /** The server's stdout, line by line. */
  private static final class Lines extends OutputStream {
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> all = new ArrayList<>();
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String text = bytes.toString(StandardCharsets.UTF_8);
        bytes.reset();
        all.add(text);
        lines.add(text);
      } else {
        bytes.write(b);
      }
    }

    String next() throws InterruptedException {
      String text = lines.poll(60, TimeUnit.SECONDS);
      assertThat(text).as("a line on stdout within 60 s").isNotNull();
      return text;
    }
  }

  private final PipedOutputStream stdin = new PipedOutputStream();
  private final Lines stdout = new Lines();

  private void send(String json) throws IOException {
    stdin.write((json + "\n").getBytes(StandardCharsets.UTF_8));
    stdin.flush();
  }

  /** The response to request {@code id} (skipping notifications and other messages). */
  private JsonNode response(int id) throws InterruptedException {
    while (true) {
      JsonNode message = Json.mapper().readTree(stdout.next());
      if (message.path("id").asInt(-1) == id && !message.has("method")) {
        return message;
      }
    }
  }

  private JsonNode call(int id, ObjectNode arguments) throws IOException, InterruptedException {
    ObjectNode request =
        Json.object().put("jsonrpc", "2.0").put("id", id).put("method", "tools/call");
    request.putObject("params").put("name", "sendMdmCommand").set("arguments", arguments);
    send(request.toString());
    JsonNode response = response(id);
    assertThat(response.has("result")).as(response.toString()).isTrue();
    return response.get("result");
  }

  @Test
  void aClientWithoutElicitationGetsALoopbackLinkAndTheApprovedCallRunsOnce() throws Exception {
    PipedInputStream in = new PipedInputStream(stdin, 1 << 16);
    ServerConfig config =
        ServerConfig.from(
            RawSettings.parse(
                    new String[] {"--demo", "--stdio"}, java.util.Map.of("MCP_LOG_LEVEL", "warn"))
                .settings());
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                Launcher.launch(
                    config, in, new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err));

    send(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
            + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertThat(response(1).at("/result/serverInfo/name").asString("")).isEqualTo("jamf-mcp");
    send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

    ObjectNode restart =
        (ObjectNode)
            Json.mapper().readTree("{\"command\":\"restart\",\"deviceIds\":[\"computer:1\"]}");
    JsonNode first = call(2, restart);
    assertThat(first.at("/structuredContent/status").asString(""))
        .as(first.toString())
        .isEqualTo("approval_required");
    String id = first.at("/structuredContent/approval/id").stringValue();
    URI url = URI.create(first.at("/structuredContent/approval/url").stringValue());
    assertThat(url.getScheme()).isEqualTo("http");
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    assertThat(url.getPath()).isEqualTo("/approve/" + id);
    String base = "http://127.0.0.1:" + url.getPort();

    // the stdio principal is "local": the person signs in as local on the loopback page
    new ApprovalPageBrowser().signInAndApprove(base, id, "local", "APPROVE");

    JsonNode done = call(3, restart.deepCopy().put("approvalId", id));
    assertThat(done.at("/structuredContent/status").asString(""))
        .as(done.toString())
        .isEqualTo("executed");
    assertThat(done.at("/structuredContent/devices").size()).isEqualTo(1);
    JsonNode twice = call(4, restart.deepCopy().put("approvalId", id));
    assertThat(twice.path("isError").asBoolean(false)).isTrue();
    assertThat(twice.toString()).contains("already been used");

    stdin.close();
    assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
    synchronized (stdout) {
      assertThat(stdout.all)
          .as("stdout carries only MCP messages")
          .allSatisfy(
              l ->
                  assertThat(Json.mapper().readTree(l).path("jsonrpc").asString(""))
                      .isEqualTo("2.0"));
    }
  }
}
