package dev.jamfmcp.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.simulator.SimulatedJamfPro;
import dev.jamfmcp.simulator.SimulatorConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;

/**
 * HTTP-level fuzzing of the whole server: methods, paths, headers (Accept, Content-Type, protocol
 * version, session id, Origin, Mcp-Method) and bodies (valid messages of every method, wrong
 * shapes, random JSON, random bytes, truncations). Never a 500, never a stack trace or an internal
 * class name in a body, every JSON-RPC reply well-formed.
 */
class HttpFuzzTest {
  static SimulatedJamfPro jamf;
  static ServerUnderTest server;
  static String session;
  static final AtomicInteger TRIED = new AtomicInteger();
  static final AtomicInteger STALE_CONNECTIONS = new AtomicInteger();
  static final List<String> RECENT = new java.util.ArrayList<>();

  @BeforeContainer
  static void start() throws Exception {
    jamf = SimulatedJamfPro.start(SimulatorConfig.of(c -> c.computers(50)));
    server =
        ServerUnderTest.start(
            jamf.baseUrl(),
            ServerUnderTest.quickJamf(),
            p -> p.allowedOrigins("https://allowed.example"));
    session = new Mcp(server.mcpUrl()).client.sessionId();
  }

  @AfterContainer
  static void stop() {
    System.out.println(
        "fuzzed HTTP requests: "
            + TRIED.get()
            + ", stale pooled connections: "
            + STALE_CONNECTIONS.get());
    server.close();
    jamf.close();
  }

  record Shot(String method, String path, Map<String, String> headers, byte[] body) {}

  @Property(tries = 400, seed = "7")
  void noServerErrorNoLeakEveryReplyWellFormed(@ForAll("shots") Shot shot) throws Exception {
    TRIED.incrementAndGet();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + shot.path()))
            .timeout(Duration.ofSeconds(20))
            .method(
                shot.method(),
                shot.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(shot.body()));
    shot.headers().forEach(builder::header);
    HttpResponse<InputStream> response;
    try {
      response = Mcp.HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (java.io.IOException e) {
      // A pooled keep-alive connection the server had just closed (seen about once in 1,000
      // requests): counted and reported, and the request is sent again on a new connection,
      // whose answer must meet the same rules.
      STALE_CONNECTIONS.incrementAndGet();
      System.out.println("stale connection (" + e + ") after: " + RECENT);
      response =
          McpClient.newHttp().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    }
    RECENT.add(
        shot.method()
            + " "
            + shot.path()
            + " "
            + shot.headers()
            + " -> "
            + response.statusCode()
            + " "
            + response.headers().map());
    if (RECENT.size() > 2) {
      RECENT.remove(0);
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    String body;
    try (InputStream in = response.body()) {
      // An event stream (a GET that opened one) is read only as far as its first event.
      body =
          type.startsWith("text/event-stream")
              ? firstEvent(in)
              : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(response.statusCode())
        .as("%s %s -> %s", shot.method(), shot.path(), body)
        .isLessThan(500);
    for (String leak :
        List.of(
            "Exception",
            "\tat ",
            "java.",
            "jakarta.",
            "org.eclipse",
            "io.javalin",
            "tools.jackson",
            "dev.jamfmcp",
            "Caused by")) {
      assertThat(body).as("body of %s %s", shot.method(), shot.path()).doesNotContain(leak);
    }
    String json = MessageBodies.jsonOf(body, type);
    if (json != null
        && !json.isBlank()
        && (type.contains("json") || type.startsWith("text/event-stream"))
        && json.contains("\"jsonrpc\"")) {
      JsonNode reply = Json.mapper().readTree(json);
      if (reply.isArray()) {
        reply.forEach(HttpFuzzTest::wellFormed);
      } else {
        wellFormed(reply);
      }
    }
  }

  private static void wellFormed(JsonNode reply) {
    if (!reply.has("id") && reply.has("method")) {
      return; // a notification on a stream
    }
    HostileClientsTest.assertWellFormed(reply.toString());
  }

  private static String firstEvent(InputStream in) throws Exception {
    StringBuilder text = new StringBuilder();
    int c;
    while (text.length() < 64 * 1024 && (c = in.read()) != -1) {
      text.append((char) c);
      if (text.toString().endsWith("\n\n") && text.toString().contains("data:")) {
        break;
      }
      if (text.length() > 4
          && text.toString().endsWith("\n\n")
          && !text.toString().contains("data")) {
        break;
      }
    }
    return text.toString();
  }

  @Provide
  Arbitrary<Shot> shots() {
    Arbitrary<String> methods =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(6, Arbitraries.just("POST")),
            net.jqwik.api.Tuple.of(1, Arbitraries.of("GET", "DELETE", "PUT", "PATCH", "OPTIONS")));
    Arbitrary<String> paths =
        Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(8, Arbitraries.just("/mcp")),
            net.jqwik.api.Tuple.of(
                1,
                Arbitraries.of(
                    "/messages",
                    "/messages?sessionId=abc",
                    "/mcp/",
                    "/MCP",
                    "/mcp?x=%25ZZ%00",
                    "/health",
                    "/nope",
                    "/mcp/%2e%2e/mcp",
                    "/%2e%2e/")));
    return Combinators.combine(methods, paths, headers(), bodies())
        .as(
            (method, path, headers, body) ->
                new Shot(
                    method,
                    path,
                    headers,
                    method.equals("GET") || method.equals("OPTIONS") ? null : body));
  }

  private Arbitrary<Map<String, String>> headers() {
    Arbitrary<String> accept =
        Arbitraries.of(
            "application/json, text/event-stream",
            "application/json",
            "text/event-stream",
            "*/*",
            "text/html",
            "",
            "application/json;q=0");
    Arbitrary<String> contentType =
        Arbitraries.of(
            "application/json",
            "application/json; charset=utf-8",
            "text/plain",
            "",
            "application/json; charset=latin1",
            "multipart/form-data; boundary=x");
    Arbitrary<String> version =
        Arbitraries.of(
            "2025-06-18",
            "2025-03-26",
            "2025-11-25",
            "2024-11-05",
            "2026-07-28",
            "1999-01-01",
            "garbage",
            " 2025-06-18 ",
            "");
    Arbitrary<String> sessionId =
        Arbitraries.oneOf(
            Arbitraries.just("VALID"),
            Arbitraries.of("", "abc", "x".repeat(5000), "VALIDtampered"),
            Arbitraries.strings().ofMaxLength(40).ascii());
    Arbitrary<String> origin =
        Arbitraries.of("https://allowed.example", "https://evil.example", "null", "");
    Arbitrary<String> mcpMethod = Arbitraries.of("tools/list", "tools/call", "", "x");
    return Combinators.combine(
            accept,
            contentType,
            version.injectNull(0.3),
            sessionId.injectNull(0.3),
            origin.injectNull(0.7),
            mcpMethod.injectNull(0.8))
        .as(
            (a, ct, v, sid, o, mm) -> {
              Map<String, String> h = new java.util.LinkedHashMap<>();
              h.put("Accept", a);
              h.put("Content-Type", ct);
              if (v != null) {
                h.put("MCP-Protocol-Version", v);
              }
              if (sid != null) {
                String id =
                    sid.equals("VALID")
                        ? session
                        : sid.equals("VALIDtampered")
                            ? session.substring(0, session.length() - 2) + "AA"
                            : sid;
                if (id.chars().allMatch(ch -> ch >= 0x21 && ch < 0x7f)) {
                  h.put("Mcp-Session-Id", id);
                }
              }
              if (o != null) {
                h.put("Origin", o);
              }
              if (mm != null) {
                h.put("Mcp-Method", mm);
              }
              h.values().removeIf(String::isEmpty);
              return h;
            });
  }

  private Arbitrary<byte[]> bodies() {
    Arbitrary<String> methods =
        Arbitraries.of(
            "initialize",
            "ping",
            "tools/list",
            "tools/call",
            "resources/list",
            "resources/read",
            "prompts/list",
            "prompts/get",
            "logging/setLevel",
            "completion/complete",
            "server/discover",
            "notifications/initialized",
            "notifications/cancelled",
            "nope",
            "",
            "rpc.x");
    Arbitrary<String> ids =
        Arbitraries.of(
            "1", "\"a\"", "null", "{}", "[]", "1.5", "true", "99999999999999999999", "\"\"");
    Arbitrary<String> params =
        Arbitraries.of(
            "{}",
            "[]",
            "null",
            "1",
            "\"x\"",
            "{\"name\":\"" + Mcp.LIST + "\",\"arguments\":{\"query\":\"a\"}}",
            "{\"name\":\"" + Mcp.DETAIL + "\",\"arguments\":{\"identifier\":\"1\"}}",
            "{\"name\":\"" + Mcp.DETAIL + "\",\"arguments\":{\"identifier\":\"99999\"}}",
            "{\"name\":\""
                + Mcp.SEND
                + "\",\"arguments\":{\"deviceIds\":[\"1\"],"
                + "\"command\":\"restart\",\"confirmationToken\":\"forged\"}}",
            "{\"name\":\"" + Mcp.LIST + "\",\"arguments\":{\"limit\":-1}}",
            "{\"name\":\"nope\"}",
            "{\"name\":1}",
            "{\"cursor\":\"bogus\"}",
            "{\"uri\":\"jamf://nope\"}",
            "{\"level\":\"loud\"}",
            "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"f\","
                + "\"version\":\"1\"}}",
            "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\"}}",
            "{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"1900-01-01\"}}",
            "{\"_meta\":{\"progressToken\":{}}}");
    Arbitrary<String> message =
        Combinators.combine(methods, ids, params, Arbitraries.of("\"2.0\"", "\"1.0\"", "2", "null"))
            .as(
                (m, id, p, v) ->
                    "{\"jsonrpc\":"
                        + v
                        + ",\"id\":"
                        + id
                        + ",\"method\":\""
                        + m
                        + "\",\"params\":"
                        + p
                        + "}");
    Arbitrary<String> batch =
        message.list().ofMinSize(0).ofMaxSize(4).map(list -> "[" + String.join(",", list) + "]");
    Arbitrary<String> truncated = message.map(m -> m.substring(0, m.length() / 2));
    Arbitrary<String> randomText = Arbitraries.strings().ofMaxLength(200);
    Arbitrary<String> response =
        Arbitraries.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":1,\"message\":\"m\"}}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{},\"error\":{}}");
    Arbitrary<byte[]> text =
        Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, message),
                net.jqwik.api.Tuple.of(2, batch),
                net.jqwik.api.Tuple.of(2, truncated),
                net.jqwik.api.Tuple.of(2, randomText),
                net.jqwik.api.Tuple.of(1, response))
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, text), net.jqwik.api.Tuple.of(1, bytes));
  }
}
