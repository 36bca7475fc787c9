package dev.jamfmcp.loadtest;

import dev.jamfmcp.mcp.jsonrpc.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Test shorthand: one initialized client and tool calls that return result and elapsed time. */
final class Mcp {
  static final HttpClient HTTP = McpClient.newHttp();

  /** A read that pages through Jamf Pro's computer inventory. */
  static final String LIST = "searchDevices";

  /** One computer's detail. */
  static final String DETAIL = "getDeviceDetails";

  /** A confirmed write: an MDM command. */
  static final String SEND = "sendMdmCommand";

  final McpClient client;

  Mcp(URI url) throws Exception {
    client = new McpClient(HTTP, url, Duration.ofSeconds(30));
    client.initialize();
  }

  record Outcome(JsonNode result, long millis) {
    boolean isError() {
      return result.path("isError").asBoolean(false);
    }

    String text() {
      StringBuilder text = new StringBuilder();
      result.path("content").forEach(c -> text.append(c.path("text").asString("")).append('\n'));
      return text.toString();
    }

    JsonNode structured() {
      return result.path("structuredContent");
    }
  }

  Outcome call(String tool, ObjectNode args) throws Exception {
    long start = System.nanoTime();
    JsonNode result = client.callTool(tool, args);
    return new Outcome(result, (System.nanoTime() - start) / 1_000_000);
  }

  Outcome list() throws Exception {
    return call(LIST, Json.object().put("limit", 5));
  }

  static ObjectNode args() {
    return Json.object();
  }
}
