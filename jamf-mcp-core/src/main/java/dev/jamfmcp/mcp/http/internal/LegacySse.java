package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.McpSession;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.SseStream;
import dev.jamfmcp.mcp.jsonrpc.Decoded;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The deprecated HTTP+SSE transport of 2024-11-05: {@code GET /sse} opens a stream whose first
 * event names the POST endpoint; each POST there gets 202 and its reply travels as an {@code event:
 * message} on the stream. The stream is the session: it lives on this instance and ends when the
 * stream closes.
 */
public final class LegacySse {
  private static final Logger log = LoggerFactory.getLogger(LegacySse.class);

  private record Connection(McpSession session, SseStream stream, String owner) {}

  private final McpServer server;
  private final Settings settings;
  private final SessionTokens ids;
  private final Streams streams;
  private final Gate gate;
  private final Router router;
  private final Map<String, Connection> connections = new ConcurrentHashMap<>();
  // Requests being answered now, so that shutdown can answer the ones it cuts off.
  private final Set<Running> running = ConcurrentHashMap.newKeySet();

  /** One request in flight; {@code answered} makes sure it gets one answer, not two. */
  private record Running(JsonNode id, Connection connection, AtomicBoolean answered) {}

  public LegacySse(
      McpServer server,
      Settings settings,
      SessionTokens ids,
      Streams streams,
      Gate gate,
      Router router) {
    this.server = server;
    this.router = router;
    this.settings = settings;
    this.ids = ids;
    this.streams = streams;
    this.gate = gate;
  }

  public void open(HttpExchange exchange, Principal principal) {
    if (!gate.isOpen()) {
      exchange.respond(
          Replies.error(
              503,
              ErrorCodes.SERVER_BUSY,
              "Service Unavailable: the server is shutting down; retry shortly"));
      return;
    }
    String owner = SessionTokens.subjectHash(principal.subject());
    String id = ids.legacyStreamId(owner);
    try {
      streams.open(exchange, Map.of(), stream -> announce(stream, id, owner));
    } catch (IOException e) {
      log.debug("Could not open a legacy SSE stream: {}", e.toString());
    }
  }

  // Registers the connection, then names the POST endpoint: the stream's first event.
  private void announce(SseStream stream, String id, String owner) {
    Connection connection = new Connection(server.newSession(), stream, owner);
    connections.put(id, connection);
    // Claimed before the client learns the endpoint: its first POST may reach another instance.
    router.claim(routingKey(id));
    stream.onClose(
        () -> {
          connections.remove(id);
          router.release(routingKey(id));
          connection.session().cancelAll("the SSE stream closed");
        });
    stream.send(
        "endpoint",
        null,
        settings.legacyMessagesPath()
            + "?sessionId="
            + URLEncoder.encode(id, StandardCharsets.UTF_8));
  }

  public void post(HttpExchange exchange, Principal principal) {
    Optional<String> id = exchange.queryParam("sessionId");
    if (id.isEmpty()) {
      exchange.respond(
          Replies.error(
              400,
              ErrorCodes.INVALID_REQUEST,
              "Bad Request: the sessionId query parameter is required; GET the SSE endpoint first"));
      return;
    }
    Connection connection = connections.get(id.get());
    if (connection == null) {
      // The id names its owner: another principal's POST is refused here, not forwarded (the
      // holder would drop it, but this client would have had a 202).
      if (!ids.legacyStreamOwnedBy(id.get(), SessionTokens.subjectHash(principal.subject()))) {
        exchange.respond(notFound());
        return;
      }
      forward(exchange, principal, id.get());
      return;
    }
    if (!connection.stream().isOpen()
        || !connection.owner().equals(SessionTokens.subjectHash(principal.subject()))) {
      exchange.respond(notFound());
      return;
    }
    byte[] body = readValid(exchange);
    if (body == null) {
      return;
    }
    if (!gate.enter()) {
      exchange.respond(HttpReply.empty(503));
      return;
    }
    exchange.respond(HttpReply.empty(202));
    dispatch(connection, principal, body);
  }

  /**
   * A POST for a stream this instance does not hold: forwarded to the instance that holds it, which
   * answers on the stream; 404 if none does, 503 if the routing store cannot tell.
   */
  private void forward(HttpExchange exchange, Principal principal, String id) {
    byte[] body;
    try {
      body = exchange.readBody(settings.maxBodyBytes());
    } catch (IOException e) {
      exchange.respond(Replies.unreadableBody(e, settings.maxBodyBytes(), HttpReply.empty(400)));
      return;
    }
    // Only messages are forwarded; anything else is answered as a POST for no known session.
    Decoded decoded = JsonRpcCodec.decode(body);
    if (decoded instanceof Decoded.Single single
        && single.item() instanceof Decoded.Invalid bad
        && bad.reply().id() == null) {
      exchange.respond(notFound());
      return;
    }
    Router.Outcome outcome =
        router.forward(
            routingKey(id),
            new Router.Envelope(
                Router.Kind.LEGACY, id, principal, new String(body, StandardCharsets.UTF_8)));
    switch (outcome) {
      case DELIVERED -> exchange.respond(HttpReply.empty(202));
      case NO_HOLDER -> exchange.respond(notFound());
      case STORE_UNAVAILABLE ->
          exchange.respond(
              Replies.error(
                  503,
                  ErrorCodes.INTERNAL_ERROR,
                  "Service Unavailable: the SSE session is held by another instance and the"
                      + " routing store is unavailable; nothing was done. Retry shortly."));
    }
  }

  /**
   * A POST another instance received for a stream held here: the same checks as a local POST (the
   * stream is open and belongs to the same principal), then handled as if it had arrived here.
   */
  public void receiveForwarded(Router.Envelope envelope) {
    Connection connection = connections.get(envelope.session());
    if (connection == null
        || !connection.stream().isOpen()
        || !connection.owner().equals(SessionTokens.subjectHash(envelope.principal().subject()))) {
      log.warn("Dropped a forwarded legacy SSE message: no open stream of that principal here");
      return;
    }
    if (!gate.enter()) {
      log.info("Dropped a forwarded legacy SSE message: the server is shutting down");
      return;
    }
    dispatch(connection, envelope.principal(), envelope.body().getBytes(StandardCharsets.UTF_8));
  }

  /** The body, if it can be read and is worth handling; otherwise null, after answering 400. */
  private byte[] readValid(HttpExchange exchange) {
    byte[] body;
    try {
      body = exchange.readBody(settings.maxBodyBytes());
    } catch (IOException e) {
      exchange.respond(Replies.unreadableBody(e, settings.maxBodyBytes(), HttpReply.empty(400)));
      return null;
    }
    Decoded decoded = JsonRpcCodec.decode(body);
    if (decoded instanceof Decoded.Single single
        && single.item() instanceof Decoded.Invalid bad
        && bad.reply().id() == null) {
      exchange.respond(HttpReply.json(400, JsonRpcCodec.encode(bad.reply())));
      return null;
    }
    return body;
  }

  private static HttpReply notFound() {
    return Replies.error(
        404,
        ErrorCodes.INVALID_REQUEST,
        "Not Found: no open SSE session with that id; GET the SSE endpoint again");
  }

  static String routingKey(String id) {
    return "sse:" + id;
  }

  // Handles a body on the connection's session; the caller has entered the gate.
  private void dispatch(Connection connection, Principal principal, byte[] body) {
    Decoded decoded = JsonRpcCodec.decode(body);
    SseStream stream = connection.stream();
    Caller caller =
        new Caller(
            principal, message -> stream.send("message", null, JsonRpcCodec.encode(message)));
    if (decoded instanceof Decoded.Single single && single.item() instanceof Decoded.Valid valid) {
      // One message, the usual case: handled as decoded, and timed if it is a request.
      long start = System.nanoTime();
      Running inFlight =
          valid.message() instanceof JsonRpcMessage.Request request
              ? new Running(request.id(), connection, new AtomicBoolean())
              : null;
      if (inFlight != null) {
        running.add(inFlight);
      }
      connection
          .session()
          .handle(valid.message(), caller)
          .whenComplete(
              (reply, error) -> {
                try {
                  Optional<JsonRpcMessage> answer = reply == null ? Optional.empty() : reply;
                  if (inFlight != null) {
                    running.remove(inFlight);
                    RequestMetrics.record(
                        settings.metrics(),
                        (JsonRpcMessage.Request) valid.message(),
                        start,
                        answer);
                    if (!inFlight.answered().compareAndSet(false, true)) {
                      return; // shutdown answered it already
                    }
                  }
                  answer.ifPresent(r -> stream.send("message", null, JsonRpcCodec.encode(r)));
                } finally {
                  gate.leave();
                }
              });
      return;
    }
    connection
        .session()
        .handleText(new String(body, StandardCharsets.UTF_8), caller)
        .whenComplete(
            (reply, error) -> {
              try {
                if (reply != null) {
                  reply.ifPresent(json -> stream.send("message", null, json));
                }
              } finally {
                gate.leave();
              }
            });
  }

  /**
   * Shutdown, once the grace is over: every request still running gets a JSON-RPC error on its
   * stream before the stream closes, then its work is cancelled.
   */
  public void cutOffRunning() {
    for (Running request : running) {
      if (request.answered().compareAndSet(false, true)) {
        request.connection().stream()
            .send("message", null, JsonRpcCodec.encode(Replies.cutOffByShutdown(request.id())));
      }
      request.connection().session().cancelAll("the server is shutting down");
    }
  }

  public int size() {
    return connections.size();
  }
}
