package dev.jamfmcp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.testing.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 point 2 over HTTP, as the executable starts the demo: a client without elicitation asks
 * for a restart, gets only the approval URL, a person signs in (development sign-in) and approves
 * on the page, and the call with the approval id runs once.
 */
class DemoApprovalTest {
  private static String launchDemo() throws IOException {
    int port = Ports.freeLoopbackPort();
    Map<String, String> env = Map.of("MCP_PORT", Integer.toString(port), "MCP_LOG_LEVEL", "warn");
    ServerConfig config =
        ServerConfig.from(RawSettings.parse(new String[] {"--demo"}, env).settings());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        Launcher.launch(
            config, System.in, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    assertThat(code).isEqualTo(ServerMain.RUNNING);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String line(String banner, String prefix) {
    return banner
        .lines()
        .map(String::strip)
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no '" + prefix + "' in:\n" + banner))
        .substring(prefix.length())
        .strip();
  }

  @Test
  void aPersonApprovesOnThePageAndTheCallRunsOnce() throws Exception {
    String banner = launchDemo();
    String mcp = line(banner, Banner.READY);
    String base = mcp.substring(0, mcp.length() - "/mcp".length());
    McpHttpSession session = new McpHttpSession(URI.create(mcp), line(banner, Banner.TOKEN));
    session.initialize(); // declares no elicitation

    String restart = "{\"command\":\"restart\",\"deviceIds\":[\"computer:1\"]}";
    JsonNode first =
        session.request(
            "tools/call", "{\"name\":\"sendMdmCommand\",\"arguments\":" + restart + "}");
    assertThat(first.at("/structuredContent/status").asString("")).isEqualTo("approval_required");
    String id = first.at("/structuredContent/approval/id").stringValue();
    String url = first.at("/structuredContent/approval/url").stringValue();
    assertThat(url).isEqualTo(base + "/approve/" + id);
    assertThat(first.toString()).doesNotContain("confirmationToken\":\"c2.");

    new ApprovalPageBrowser().signInAndApprove(base, id, "demo", "APPROVE");

    String again =
        "{\"name\":\"sendMdmCommand\",\"arguments\":"
            + Json.mapper()
                .writeValueAsString(
                    ((tools.jackson.databind.node.ObjectNode) Json.mapper().readTree(restart))
                        .put("approvalId", id))
            + "}";
    JsonNode done = session.request("tools/call", again);
    assertThat(done.at("/structuredContent/status").asString(""))
        .as(done.toString())
        .isEqualTo("executed");
    JsonNode twice = session.request("tools/call", again);
    assertThat(twice.path("isError").asBoolean(false)).isTrue();
    assertThat(twice.toString()).contains("already been used");
  }
}
