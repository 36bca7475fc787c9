package dev.jamfmcp.mcp.testing;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.McpSession;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory client for engine tests: sends JSON text to a session, returns the parsed reply, and
 * records every related message (progress, logs, server requests) in arrival order.
 */
public final class TestClient {
  private final McpSession session;
  private final Caller caller;
  private final List<JsonNode> related = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();

  public TestClient(McpServer server, Principal principal) {
    this(server.newSession(), principal);
  }

  public TestClient(McpSession session, Principal principal) {
    this.session = session;
    this.caller = new Caller(principal, message -> related.add(JsonRpcCodec.toTree(message)));
  }

  /** The principal this client calls as. */
  public Principal principal() {
    return caller.principal();
  }

  public McpSession session() {
    return session;
  }

  /** Every related message so far (notifications and server requests), oldest first. */
  public List<JsonNode> related() {
    return related;
  }

  /** Sends raw text; returns the parsed reply, or null when none is due. */
  public JsonNode sendRaw(String text) {
    return await(sendAsync(text));
  }

  public CompletableFuture<Optional<String>> sendAsync(String text) {
    return session.handleText(text, caller);
  }

  public static JsonNode await(CompletableFuture<Optional<String>> reply) {
    try {
      Optional<String> text = reply.get(30, TimeUnit.SECONDS);
      return text.map(t -> Json.mapper().readTree(t)).orElse(null);
    } catch (Exception e) {
      throw new AssertionError("no reply within 30 s", e);
    }
  }

  /** Sends a request with the next integer id; returns the whole response. */
  public JsonNode request(String method, ObjectNode params) {
    return sendRaw(JsonRpcCodec.encode(requestMessage(method, params)));
  }

  public dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Request requestMessage(
      String method, ObjectNode params) {
    return new dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Request(
        Json.nodes().numberNode(ids.incrementAndGet()), method, params);
  }

  public JsonNode request(String method, String paramsJson) {
    return request(method, (ObjectNode) Json.mapper().readTree(paramsJson));
  }

  /** Sends a notification; asserts nothing comes back. */
  public void notify(String method, String paramsJson) {
    JsonNode reply =
        sendRaw(
            "{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    if (reply != null) {
      throw new AssertionError("a notification got a reply: " + reply);
    }
  }

  /** initialize with this version, then notifications/initialized; returns the result. */
  public JsonNode initialize(String version) {
    JsonNode response =
        request(
            "initialize",
            "{\"protocolVersion\":\""
                + version
                + "\",\"capabilities\":{\"elicitation\":{}},\"clientInfo\":{\"name\":\"test\","
                + "\"version\":\"1\"}}");
    notify("notifications/initialized", "{}");
    return response.get("result");
  }

  /** _meta for a 2026-07-28 request. */
  public static ObjectNode statelessParams(String version) {
    ObjectNode params = Json.object();
    ObjectNode meta = params.putObject("_meta");
    meta.put("io.modelcontextprotocol/protocolVersion", version);
    meta.putObject("io.modelcontextprotocol/clientCapabilities");
    meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "test").put("version", "1");
    return params;
  }
}
