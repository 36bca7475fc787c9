package dev.jamfmcp.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.testing.TestClient;
import dev.jamfmcp.mcp.testing.TestTools;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever arrives, the engine answers with well-formed JSON-RPC (or, for notifications and
 * responses, with nothing), echoes ids, and never lets an exception or a stack trace out.
 */
class EnginePropertyTest {
  private static final TestTools TOOLS = new TestTools();
  // no "slow" tool here: it would block the property run
  private static final McpServer SERVER =
      McpServer.create(
          c ->
              c.serverInfo(Implementation.of("prop", "1"))
                  .tools(
                      List.of(
                          TOOLS.echo(),
                          TOOLS.write(),
                          TOOLS.progress(),
                          TOOLS.failing(),
                          TOOLS.badOutput()))
                  .resource(TOOLS.overview())
                  .resourceTemplate(TOOLS.computer())
                  .prompt(TOOLS.troubleshoot()));
  private static final List<String> METHODS =
      List.of(
          "initialize",
          "ping",
          "tools/list",
          "tools/call",
          "resources/list",
          "resources/read",
          "resources/templates/list",
          "prompts/list",
          "prompts/get",
          "completion/complete",
          "logging/setLevel",
          "server/discover",
          "notifications/initialized",
          "notifications/cancelled",
          "nope/x",
          "");

  @AfterContainer
  static void close() {
    SERVER.close();
  }

  @Property(tries = 400)
  void arbitraryBytesNeverBreakTheCodec(@ForAll byte[] bytes) {
    var decoded = JsonRpcCodec.decode(bytes);
    assertThat(decoded).isNotNull();
    String reply = answer(freshSession("2025-03-26"), new String(bytes, StandardCharsets.UTF_8));
    assertWellFormed(reply, null);
  }

  @Property(tries = 400)
  void arbitraryJsonNeverBreaksTheEngine(
      @ForAll("json") JsonNode json, @ForAll("versions") String version) {
    String reply = answer(freshSession(version), Json.mapper().writeValueAsString(json));
    assertWellFormed(reply, null);
  }

  @Property(tries = 600)
  void fuzzedMessagesAreAnsweredWithTheirIdOrNotAtAll(
      @ForAll("messages") ObjectNode message, @ForAll("versions") String version) {
    TestClient client = freshSession(version);
    String reply = answer(client, Json.mapper().writeValueAsString(message));
    JsonNode id = message.get("id");
    boolean validRequest =
        message.has("method")
            && message.get("method").isString()
            && id != null
            && (id.isString() || id.isIntegralNumber())
            && "2.0".equals(message.path("jsonrpc").asString(""));
    assertWellFormed(reply, validRequest ? id : null);
    if (validRequest) {
      assertThat(reply).as("a request always gets a reply").isNotNull();
    }
    boolean notification =
        !message.has("id")
            && message.has("method")
            && message.get("method").isString()
            && !message.get("method").stringValue().isEmpty()
            && "2.0".equals(message.path("jsonrpc").asString(""))
            && (!message.has("params") || message.get("params").isObject());
    if (notification) {
      assertThat(reply).as("a notification never gets a reply").isNull();
    }
  }

  @Provide
  Arbitrary<String> versions() {
    return Arbitraries.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "none");
  }

  @Provide
  Arbitrary<JsonNode> json() {
    return Arbitraries.recursive(this::scalar, this::container, 0, 4);
  }

  private Arbitrary<JsonNode> scalar() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20).map(s -> (JsonNode) Json.nodes().stringNode(s)),
        Arbitraries.longs().map(n -> (JsonNode) Json.nodes().numberNode(n)),
        Arbitraries.doubles().map(n -> (JsonNode) Json.nodes().numberNode(n)),
        Arbitraries.of(true, false).map(b -> (JsonNode) Json.nodes().booleanNode(b)),
        Arbitraries.just(Json.nodes().nullNode()));
  }

  private Arbitrary<JsonNode> container(Arbitrary<JsonNode> element) {
    Arbitrary<JsonNode> array =
        element
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode node = Json.mapper().createArrayNode();
                  items.forEach(node::add);
                  return node;
                });
    Arbitrary<JsonNode> object =
        Combinators.combine(
                Arbitraries.of(
                        "jsonrpc",
                        "id",
                        "method",
                        "params",
                        "result",
                        "error",
                        "name",
                        "arguments",
                        "uri",
                        "cursor",
                        "_meta",
                        "x")
                    .list()
                    .ofMaxSize(4),
                element.list().ofSize(4))
            .as(
                (keys, values) -> {
                  ObjectNode node = Json.object();
                  for (int i = 0; i < keys.size(); i++) {
                    node.set(keys.get(i), values.get(i));
                  }
                  return node;
                });
    return Arbitraries.oneOf(array, object);
  }

  @Provide
  Arbitrary<ObjectNode> messages() {
    Arbitrary<JsonNode> ids =
        Arbitraries.oneOf(
            Arbitraries.integers().map(n -> (JsonNode) Json.nodes().numberNode(n)),
            Arbitraries.strings().ofMaxLength(10).map(s -> (JsonNode) Json.nodes().stringNode(s)),
            json());
    Arbitrary<JsonNode> methods =
        Arbitraries.oneOf(
            Arbitraries.of(METHODS).map(m -> (JsonNode) Json.nodes().stringNode(m)), scalar());
    Arbitrary<ObjectNode> params =
        Combinators.combine(
                Arbitraries.of("echo", "wipe", "count", "fail", "liar", "nope"),
                json(),
                json(),
                Arbitraries.of("jamf://computers/1", "jamf://fleet/overview", "x:"),
                Arbitraries.of("2025-06-18", "2026-07-28", "bogus"),
                Arbitraries.integers().between(0, 5))
            .as(
                (name, arguments, extra, uri, version, shape) -> {
                  ObjectNode p =
                      Json.object()
                          .put("name", name)
                          .put("uri", uri)
                          .put("protocolVersion", version);
                  if (shape > 0) {
                    p.set("arguments", shape == 1 ? Json.object().put("text", "t") : arguments);
                  }
                  if (shape > 2) {
                    ObjectNode meta = p.putObject("_meta");
                    meta.set("progressToken", extra);
                    if (shape > 3) {
                      meta.put("io.modelcontextprotocol/protocolVersion", version);
                    }
                  }
                  if (shape == 5) {
                    p.set("cursor", extra);
                  }
                  return p;
                });
    return Combinators.combine(ids, methods, params, Arbitraries.integers().between(0, 7))
        .as(
            (id, method, p, drop) -> {
              ObjectNode m = Json.object().put("jsonrpc", drop == 6 ? "1.0" : "2.0");
              if (drop != 1) {
                m.set("id", id);
              }
              if (drop != 2) {
                m.set("method", method);
              }
              if (drop != 3) {
                m.set("params", drop == 4 ? Json.nodes().stringNode("p") : p);
              }
              if (drop == 5) {
                m.putObject("result");
              }
              return m;
            });
  }

  private static TestClient freshSession(String version) {
    TestClient client = new TestClient(SERVER, Principal.of("fuzz", "read:jamf"));
    if (!"none".equals(version)) {
      client.initialize(version);
    }
    return client;
  }

  private static String answer(TestClient client, String frame) {
    try {
      Optional<String> reply = client.sendAsync(frame).get(30, TimeUnit.SECONDS);
      return reply.orElse(null);
    } catch (Exception e) {
      throw new AssertionError("the engine failed on: " + frame, e);
    }
  }

  private static void assertWellFormed(String reply, JsonNode expectedId) {
    if (reply == null) {
      return;
    }
    // the marks of a stack trace or an exception's toString(), never of a reply
    assertThat(reply)
        .doesNotContainPattern("[A-Za-z]+(Exception|Error):")
        .doesNotContain("\tat ")
        .doesNotContain(".java:")
        .doesNotContain("dev.jamfmcp.mcp.");
    JsonNode tree = Json.mapper().readTree(reply);
    if (tree.isArray()) {
      assertThat(tree).isNotEmpty();
      tree.forEach(element -> assertResponse(element, null));
    } else {
      assertResponse(tree, expectedId);
    }
  }

  private static void assertResponse(JsonNode response, JsonNode expectedId) {
    assertThat(response.isObject()).isTrue();
    assertThat(response.get("jsonrpc").stringValue()).isEqualTo("2.0");
    assertThat(response.has("id")).isTrue();
    JsonNode id = response.get("id");
    assertThat(id.isNull() || id.isString() || id.isIntegralNumber()).isTrue();
    assertThat(response.has("result") ^ response.has("error")).isTrue();
    if (response.has("error")) {
      assertThat(response.at("/error/code").isInt()).isTrue();
      assertThat(response.at("/error/message").isString()).isTrue();
    } else {
      assertThat(response.get("result").isObject()).isTrue();
    }
    if (expectedId != null) {
      // compared as wire text: 0 parsed back may be an int node where a long node went out
      assertThat(id.toString()).isEqualTo(expectedId.toString());
    }
  }
}
