package dev.jamfmcp.mcp.http.internal;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.McpSession;
import dev.jamfmcp.mcp.MessageSink;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.SseStream;
import dev.jamfmcp.mcp.jsonrpc.Decoded;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * The rules of the MCP endpoint: POST, GET and DELETE for Streamable HTTP (2025-03-26 to
 * 2025-11-25, with signed session ids) and stateless POSTs of 2026-07-28, on one path. Whether a
 * POST is stateless is decided by the message itself ({@code _meta} protocol version) or the
 * version header, so a client may probe with {@code server/discover} and fall back to {@code
 * initialize} on the same endpoint.
 */
public final class StreamableHttp {
  private static final Logger log = LoggerFactory.getLogger(StreamableHttp.class);
  static final String SESSION_HEADER = "Mcp-Session-Id";
  static final String VERSION_HEADER = "MCP-Protocol-Version";
  static final String LISTEN = "subscriptions/listen";

  private final McpServer server;
  private final Settings settings;
  private final SessionTokens tokens;
  private final LiveSessions sessions;
  private final Streams streams;
  private final Gate gate;
  private final GetStream getStream;
  private final Router router;
  private final Set<McpSession> listening = ConcurrentHashMap.newKeySet();
  // Requests being answered now, so that shutdown can answer the ones it cuts off.
  private final Map<PostResponder, Running> running = new ConcurrentHashMap<>();

  private record Running(JsonNode id, McpSession session) {}

  /** A batch in flight: its exchange, the ids of its requests, and whether it was answered. */
  private record RunningBatch(
      HttpExchange exchange, List<JsonNode> ids, McpSession session, AtomicBoolean answered) {}

  private final Set<RunningBatch> runningBatches = ConcurrentHashMap.newKeySet();

  public StreamableHttp(
      McpServer server,
      Settings settings,
      SessionTokens tokens,
      LiveSessions sessions,
      Streams streams,
      Gate gate,
      Router router) {
    this.server = server;
    this.router = router;
    this.settings = settings;
    this.tokens = tokens;
    this.sessions = sessions;
    this.streams = streams;
    this.gate = gate;
    this.getStream = new GetStream(streams);
  }

  public void handle(HttpExchange exchange, Principal principal) {
    if (!gate.isOpen()) {
      exchange.respond(
          Replies.error(
              503,
              ErrorCodes.SERVER_BUSY,
              "Service Unavailable: the server is shutting down; retry shortly"));
      return;
    }
    Optional<String> versionHeader = exchange.header(VERSION_HEADER);
    ProtocolVersion headerVersion =
        versionHeader.map(v -> ProtocolVersion.parse(v.trim()).orElse(null)).orElse(null);
    if (versionHeader.isPresent() && headerVersion == null) {
      exchange.respond(unsupportedVersion(requestIdOf(exchange), versionHeader.get()));
      return;
    }
    switch (exchange.method()) {
      case "POST" -> post(exchange, principal, headerVersion);
      case "GET", "DELETE" -> {
        if (headerVersion != null && headerVersion.isStateless()) {
          // 2026-07-28 has neither the GET stream nor sessions to delete.
          exchange.respond(methodNotAllowed("POST"));
        } else if (exchange.method().equals("GET")) {
          openGetStream(exchange, principal);
        } else {
          delete(exchange, principal);
        }
      }
      default -> exchange.respond(methodNotAllowed("GET, POST, DELETE"));
    }
  }

  private void post(HttpExchange exchange, Principal principal, ProtocolVersion headerVersion) {
    if (!Negotiation.isJsonBody(exchange)) {
      exchange.respond(
          Replies.error(
              415,
              ErrorCodes.INVALID_REQUEST,
              "Unsupported Media Type: POST a JSON-RPC message as application/json"));
      return;
    }
    boolean json = Negotiation.accepts(exchange, Negotiation.JSON);
    boolean sse = Negotiation.accepts(exchange, Negotiation.SSE);
    if (!json && !sse) {
      exchange.respond(
          Replies.error(
              406,
              ErrorCodes.INVALID_REQUEST,
              "Not Acceptable: Accept must list application/json and text/event-stream"));
      return;
    }
    byte[] body;
    try {
      body = exchange.readBody(settings.maxBodyBytes());
    } catch (IOException e) {
      exchange.respond(
          Replies.unreadableBody(
              e,
              settings.maxBodyBytes(),
              Replies.error(
                  400, ErrorCodes.PARSE_ERROR, "Bad Request: the body could not be read")));
      return;
    }
    Decoded decoded = JsonRpcCodec.decode(body);
    boolean statelessHeader = headerVersion != null && headerVersion.isStateless();
    if (decoded instanceof Decoded.Batch batch) {
      if (statelessHeader) {
        exchange.respond(
            Replies.error(
                400,
                ErrorCodes.INVALID_REQUEST,
                "Invalid Request: protocol " + headerVersion + " takes one message per POST"));
      } else {
        postBatch(exchange, principal, body, batch.items());
      }
      return;
    }
    Decoded.Item item = ((Decoded.Single) decoded).item();
    if (item instanceof Decoded.Invalid invalid) {
      exchange.respond(HttpReply.json(400, JsonRpcCodec.encode(invalid.reply())));
      return;
    }
    JsonRpcMessage message = ((Decoded.Valid) item).message();
    if (statelessHeader || StatelessHeaders.bodyVersion(message).isPresent()) {
      postStateless(exchange, principal, message, sse);
    } else if (message instanceof Request r && r.method().equals("initialize")) {
      initialize(exchange, principal, r, sse);
    } else {
      postInSession(exchange, principal, message, sse);
    }
  }

  private void postStateless(
      HttpExchange exchange, Principal principal, JsonRpcMessage message, boolean sse) {
    Optional<String> missing =
        message instanceof Request request
            ? StatelessHeaders.missingMeta(request)
            : Optional.empty();
    if (missing.isPresent()) {
      exchange.respond(
          Replies.error(
              400,
              ((Request) message).id(),
              JsonRpcError.of(
                  ErrorCodes.INVALID_PARAMS,
                  "Invalid params: a "
                      + ProtocolVersion.LATEST.id()
                      + " request needs "
                      + missing.get())));
      return;
    }
    Optional<String> mismatch = StatelessHeaders.mismatch(exchange, message);
    if (mismatch.isPresent()) {
      exchange.respond(
          Replies.error(
              400,
              message instanceof Request r ? r.id() : null,
              JsonRpcError.of(ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + mismatch.get())));
      return;
    }
    if (!(message instanceof Request)) {
      exchange.respond(HttpReply.empty(202));
      return;
    }
    Request request = (Request) message;
    boolean listen = request.method().equals(LISTEN);
    if (listen && !sse) {
      exchange.respond(
          Replies.error(
              406,
              request.id(),
              JsonRpcError.of(
                  ErrorCodes.INVALID_REQUEST,
                  "Not Acceptable: subscriptions/listen is answered with an event stream;"
                      + " Accept must list text/event-stream")));
      return;
    }
    // Each stateless request stands alone: its own engine session, cancelled if the client
    // closes the response stream (2026-07-28: closing the stream is the cancellation). A listen
    // is remembered only while it is open, so that shutdown can end it with its result.
    McpSession session = server.newSession();
    if (listen) {
      listening.add(session);
    }
    run(
        exchange,
        principal,
        session,
        request,
        () -> listening.remove(session),
        new PostResponder(
            exchange,
            streams,
            sse,
            true,
            null,
            0,
            settings.resourceMetadataUrl(),
            cancelledOnLeave(session, Map::of)));
  }

  private void initialize(
      HttpExchange exchange, Principal principal, Request request, boolean sse) {
    String id = tokens.newSessionId();
    McpSession session = server.newSession(id);
    String owner = SessionTokens.subjectHash(principal.subject());
    run(
        exchange,
        principal,
        session,
        request,
        new PostResponder(
            exchange,
            streams,
            sse,
            false,
            null,
            0,
            settings.resourceMetadataUrl(),
            cancelledOnLeave(
                session,
                () -> {
                  if (!session.state().isInitialized()) {
                    return Map.of();
                  }
                  sessions.register(id, owner, session);
                  return Map.of(SESSION_HEADER, mint(id, owner, session));
                })));
  }

  /**
   * A POST with nowhere else to send its messages: closing its response stream cancels the
   * session's work.
   */
  private static PostResponder.Policy cancelledOnLeave(
      McpSession session, Supplier<Map<String, String>> headers) {
    return new PostResponder.Policy() {
      public Map<String, String> headers() {
        return headers.get();
      }

      public Optional<SseStream> fallback() {
        return Optional.empty();
      }

      public void clientLeft() {
        session.cancelAll("client closed the response stream");
      }
    };
  }

  private void postInSession(
      HttpExchange exchange, Principal principal, JsonRpcMessage message, boolean sse) {
    String owner = SessionTokens.subjectHash(principal.subject());
    Optional<LiveSessions.Live> found = session(exchange, owner);
    if (found.isEmpty()) {
      return;
    }
    LiveSessions.Live live = found.get();
    if (!(message instanceof Request request)) {
      if (!routedElsewhere(live, principal, message)) {
        live.session().handle(message, new Caller(principal, toGetStream(live)));
      }
      exchange.respond(HttpReply.empty(202));
      return;
    }
    ProtocolVersion version = live.session().state().version();
    String priming =
        version.compareTo(ProtocolVersion.V2025_11_25) >= 0 ? tokens.newSessionId() : null;
    // Held here while it runs: a cancellation or an answer to what it asks the client may reach
    // another instance, which forwards it by these keys.
    Set<String> held = ConcurrentHashMap.newKeySet();
    String requestKey = requestKey(live.id, request.id());
    held.add(requestKey);
    router.claimSoon(requestKey);
    run(
        exchange,
        principal,
        live.session(),
        request,
        () -> held.forEach(router::release),
        sink ->
            out -> {
              if (out instanceof Request asked && asked.id().isString()) {
                String key = answerKey(live.id, asked.id().stringValue());
                held.add(key);
                router.claim(key); // before the client can see the request, so before it answers
              }
              sink.send(out);
            },
        new PostResponder(
            exchange,
            streams,
            sse,
            false,
            priming,
            settings.retryMillis(),
            settings.resourceMetadataUrl(),
            new PostResponder.Policy() {
              public Map<String, String> headers() {
                return refreshedId(exchange, live, owner)
                    .map(id -> Map.of(SESSION_HEADER, id))
                    .orElse(Map.of());
              }

              public Optional<SseStream> fallback() {
                return live.getStream();
              }

              // With a GET stream open the reply goes there instead; otherwise it has nowhere to
              // go, so the work stops.
              public void clientLeft() {
                if (live.getStream().isEmpty()) {
                  cancel(live, principal, request);
                }
              }
            }));
  }

  private void postBatch(
      HttpExchange exchange, Principal principal, byte[] body, List<Decoded.Item> batchItems) {
    Optional<LiveSessions.Live> found = session(exchange, principal);
    if (found.isEmpty() || !enter(exchange)) {
      return;
    }
    LiveSessions.Live live = found.get();
    // Answers and cancellations in the batch for requests another instance holds go there, as
    // they would alone; the rest is handled here.
    String frame = withoutRoutedItems(live, principal, body, batchItems);
    if (frame == null) {
      gate.leave();
      exchange.respond(HttpReply.empty(202));
      return;
    }
    RunningBatch batch =
        new RunningBatch(exchange, requestIds(batchItems), live.session(), new AtomicBoolean());
    runningBatches.add(batch);
    // Its requests are held here while they run, so a cancellation reaching another instance
    // finds them.
    List<String> held = new ArrayList<>();
    for (JsonNode id : batch.ids()) {
      String key = requestKey(live.id, id);
      held.add(key);
      router.claimSoon(key);
    }
    live.session()
        .handleText(frame, new Caller(principal, toGetStream(live)))
        .whenComplete(
            (reply, error) -> {
              try {
                held.forEach(router::release);
                runningBatches.remove(batch);
                if (batch.answered().compareAndSet(false, true)) {
                  Optional<String> text = reply == null ? Optional.empty() : reply;
                  exchange.respond(
                      text.map(t -> HttpReply.json(t.startsWith("[") ? 200 : 400, t))
                          .orElse(HttpReply.empty(202)));
                }
              } finally {
                gate.leave();
              }
            });
  }

  /**
   * The batch's text without the answers and cancellations forwarded to the instance holding their
   * request; the text as it came when none was, null when nothing is left to handle here.
   */
  private String withoutRoutedItems(
      LiveSessions.Live live, Principal principal, byte[] body, List<Decoded.Item> items) {
    List<Integer> routed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i) instanceof Decoded.Valid valid
          && !(valid.message() instanceof Request)
          && routedElsewhere(live, principal, valid.message())) {
        routed.add(i);
      }
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (routed.isEmpty()) {
      return text;
    }
    if (routed.size() == items.size()) {
      return null;
    }
    ArrayNode rest = (ArrayNode) Json.mapper().readTree(text);
    for (int i = routed.size() - 1; i >= 0; i--) {
      rest.remove(routed.get(i).intValue());
    }
    return rest.toString();
  }

  /** The ids of the requests of a batch (notifications and invalid items get no answer here). */
  private static List<JsonNode> requestIds(List<Decoded.Item> items) {
    List<JsonNode> ids = new ArrayList<>();
    for (Decoded.Item item : items) {
      if (item instanceof Decoded.Valid valid && valid.message() instanceof Request r) {
        ids.add(r.id());
      }
    }
    return ids;
  }

  private void run(
      HttpExchange exchange,
      Principal principal,
      McpSession session,
      Request request,
      PostResponder responder) {
    run(exchange, principal, session, request, () -> {}, responder);
  }

  private void run(
      HttpExchange exchange,
      Principal principal,
      McpSession session,
      Request request,
      Runnable after,
      PostResponder responder) {
    run(exchange, principal, session, request, after, UnaryOperator.identity(), responder);
  }

  /**
   * Runs a request; {@code after} runs once it is done, before its reply goes out (the client may
   * reuse its id once it has the reply), and {@code related} wraps where its messages go.
   */
  private void run(
      HttpExchange exchange,
      Principal principal,
      McpSession session,
      Request request,
      Runnable after,
      UnaryOperator<MessageSink> related,
      PostResponder responder) {
    if (!enter(exchange)) {
      after.run();
      return;
    }
    long start = System.nanoTime();
    running.put(responder, new Running(request.id(), session));
    session
        .handle(request, new Caller(principal, related.apply(responder)))
        .whenComplete(
            (reply, error) -> {
              try {
                running.remove(responder);
                after.run();
                Optional<JsonRpcMessage> answer = reply == null ? Optional.empty() : reply;
                RequestMetrics.record(settings.metrics(), request, start, answer);
                responder.finish(answer); // does nothing if shutdown answered already
              } finally {
                gate.leave();
              }
            });
  }

  /**
   * A client's answer to a server request, or its cancellation of a request, that this instance
   * does not hold: forwarded to the instance that does. False if it is to be handled here (it is
   * held here, nobody holds it, or it is neither): then it is handled as before (an answer nobody
   * waits for is dropped and logged, a cancellation of nothing running is ignored).
   */
  private boolean routedElsewhere(
      LiveSessions.Live live, Principal principal, JsonRpcMessage message) {
    String key;
    Router.Kind kind;
    if (message instanceof JsonRpcMessage.Response response && response.id().isString()) {
      key = answerKey(live.id, response.id().stringValue());
      kind = Router.Kind.ANSWER;
    } else if (message instanceof JsonRpcMessage.ErrorResponse error
        && error.id() != null
        && error.id().isString()) {
      key = answerKey(live.id, error.id().stringValue());
      kind = Router.Kind.ANSWER;
    } else if (message instanceof JsonRpcMessage.Notification n
        && n.method().equals("notifications/cancelled")
        && JsonRpcMessage.isValidId(n.params().get("requestId"))) {
      key = requestKey(live.id, n.params().get("requestId"));
      kind = Router.Kind.CANCEL;
    } else {
      return false;
    }
    if (router.holds(key)) {
      return false;
    }
    Router.Envelope envelope =
        new Router.Envelope(kind, live.id, principal, JsonRpcCodec.encode(message));
    Router.Outcome outcome = router.forward(key, envelope);
    if (outcome == Router.Outcome.NO_HOLDER && kind == Router.Kind.CANCEL) {
      router.forwardCancelLater(key, envelope);
    }
    if (outcome == Router.Outcome.STORE_UNAVAILABLE) {
      log.warn(
          kind == Router.Kind.ANSWER
              ? "Dropped a client response: the instance waiting for it may be another one, and"
                  + " the routing store is unavailable"
              : "Could not forward a cancellation: the routing store is unavailable");
      return kind == Router.Kind.ANSWER;
    }
    return outcome == Router.Outcome.DELIVERED;
  }

  /**
   * An answer or a cancellation another instance received for a request held here: the same checks
   * as a local one (the session is served here and belongs to the same principal; the engine
   * completes only that session's request with that id).
   */
  public void receiveForwarded(Router.Envelope envelope) {
    Optional<LiveSessions.Live> live = sessions.local(envelope.session());
    String owner = SessionTokens.subjectHash(envelope.principal().subject());
    if (live.isEmpty() || !live.get().subjectHash.equals(owner)) {
      log.warn("Dropped a forwarded {}: no session of that principal here", envelope.kind());
      return;
    }
    if (!(JsonRpcCodec.decode(envelope.body()) instanceof Decoded.Single single)
        || !(single.item() instanceof Decoded.Valid valid)
        || !expected(envelope.kind(), valid.message())) {
      log.warn("Dropped a forwarded {}: not a message of that kind", envelope.kind());
      return;
    }
    live.get()
        .session()
        .handle(valid.message(), new Caller(envelope.principal(), MessageSink.DISCARD));
  }

  private static boolean expected(Router.Kind kind, JsonRpcMessage message) {
    return switch (kind) {
      case ANSWER ->
          message instanceof JsonRpcMessage.Response
              || message instanceof JsonRpcMessage.ErrorResponse;
      case CANCEL ->
          message instanceof JsonRpcMessage.Notification n
              && n.method().equals("notifications/cancelled");
      case LEGACY -> false;
    };
  }

  /** The routing key of a server-to-client request of a session, waiting for its answer. */
  static String answerKey(String session, String serverRequestId) {
    return session + ":" + serverRequestId;
  }

  /** The routing key of a client request of a session while it runs (ids compared by kind). */
  static String requestKey(String session, JsonNode requestId) {
    return session
        + ":req:"
        + (requestId.isString()
            ? "s:" + requestId.stringValue()
            : "n:" + requestId.bigIntegerValue());
  }

  /**
   * Shutdown, once the grace is over: every request still running gets a JSON-RPC error (as a JSON
   * body, or as the last event of its stream), then its work is cancelled. Cancelled work ends with
   * no answer at all, which over HTTP would be an empty 204 the client cannot read.
   */
  public void cutOffRunning() {
    running.forEach(
        (responder, request) -> {
          responder.finish(Optional.of(Replies.cutOffByShutdown(request.id())));
          request.session().cancelAll("the server is shutting down");
        });
    // A batch is answered as one array: every request in it gets the error, as a single call would.
    runningBatches.forEach(
        batch -> {
          if (batch.answered().compareAndSet(false, true)) {
            List<JsonRpcMessage> errors = new ArrayList<>();
            batch.ids().forEach(id -> errors.add(Replies.cutOffByShutdown(id)));
            batch
                .exchange()
                .respond(
                    errors.isEmpty()
                        ? HttpReply.empty(202)
                        : HttpReply.json(200, JsonRpcCodec.encodeBatch(errors)));
          }
          batch.session().cancelAll("the server is shutting down");
        });
  }

  /**
   * Ends every open {@code subscriptions/listen} stream gracefully: each gets its closing result,
   * then its stream closes. Shutdown calls it once new requests are refused.
   */
  public void endListens() {
    listening.forEach(McpSession::endSubscriptions);
  }

  /** {@code subscriptions/listen} streams this transport holds open now. */
  public int openListens() {
    return listening.size();
  }

  private void openGetStream(HttpExchange exchange, Principal principal) {
    if (!Negotiation.accepts(exchange, Negotiation.SSE)) {
      exchange.respond(
          Replies.error(
              406,
              ErrorCodes.INVALID_REQUEST,
              "Not Acceptable: GET opens an event stream; Accept must list text/event-stream"));
      return;
    }
    if (exchange.header(SESSION_HEADER).isEmpty()) {
      // The original server's connector flow opens this stream before initialize: it gets the
      // ready event and pings, and nothing else (no session, so no message ever goes on it).
      getStream.openSessionless(exchange);
      return;
    }
    session(exchange, principal).ifPresent(live -> getStream.open(exchange, live, sessions));
  }

  private void delete(HttpExchange exchange, Principal principal) {
    session(exchange, principal)
        .ifPresent(
            live -> {
              try {
                sessions.revoke(live);
              } catch (RuntimeException storeDown) {
                // Fail closed: a session ended here but not where the others look would live on.
                log.warn("Could not record a session end; the DELETE is refused", storeDown);
                exchange.respond(
                    Replies.error(
                        503,
                        ErrorCodes.INTERNAL_ERROR,
                        "The session store is unavailable; nothing was done. Retry the DELETE."));
                return;
              }
              exchange.respond(HttpReply.empty(204));
            });
  }

  /** The session the request names, or empty after answering 400 (none) or 404 (unknown). */
  private Optional<LiveSessions.Live> session(HttpExchange exchange, Principal principal) {
    return session(exchange, SessionTokens.subjectHash(principal.subject()));
  }

  private Optional<LiveSessions.Live> session(HttpExchange exchange, String owner) {
    Optional<String> header = exchange.header(SESSION_HEADER);
    if (header.isEmpty() || header.get().isBlank()) {
      exchange.respond(
          Replies.error(
              400,
              ErrorCodes.INVALID_REQUEST,
              "Bad Request: the "
                  + SESSION_HEADER
                  + " header is required; send initialize first to get one"));
      return Optional.empty();
    }
    Optional<LiveSessions.Live> live =
        tokens.verify(header.get().trim()).flatMap(claims -> sessions.resolve(claims, owner));
    if (live.isEmpty()) {
      exchange.respond(
          Replies.error(
              404,
              ErrorCodes.INVALID_REQUEST,
              "Not Found: the session"
                  + " has ended or is unknown; send initialize to start a new one"));
    }
    return live;
  }

  private boolean enter(HttpExchange exchange) {
    if (gate.enter()) {
      return true;
    }
    exchange.respond(
        Replies.error(
            503,
            ErrorCodes.SERVER_BUSY,
            "Service Unavailable: the server is shutting down; retry shortly"));
    return false;
  }

  /**
   * A new id for the session when the one presented is out of date: its state changed (e.g.
   * logging/setLevel) or it is past half its idle window. Clients that adopt it (the TypeScript SDK
   * does) keep the session alive on any instance; clients that keep their first id (the Java SDK
   * warns and does) stay alive on this instance through its last-seen record, and after a hop to
   * another instance get 404 once the id's window has passed, and re-initialize.
   */
  private Optional<String> refreshedId(
      HttpExchange exchange, LiveSessions.Live live, String owner) {
    SessionClaims presented =
        tokens.verify(exchange.header(SESSION_HEADER).orElse("").trim()).orElse(null);
    boolean stale =
        presented == null
            || !presented.state().equals(live.session().state())
            || settings.clock().millis() - presented.issuedAtMillis()
                > settings.sessionIdleTimeout().toMillis() / 2;
    return stale ? Optional.of(mint(live.id, owner, live.session())) : Optional.empty();
  }

  private String mint(String id, String owner, McpSession session) {
    return tokens.mint(new SessionClaims(id, owner, session.state(), settings.clock().millis()));
  }

  private static MessageSink toGetStream(LiveSessions.Live live) {
    return message ->
        live.getStream().ifPresent(s -> s.send("message", null, JsonRpcCodec.encode(message)));
  }

  private static void cancel(LiveSessions.Live live, Principal principal, Request request) {
    var params = Json.object().put("reason", "client closed the response stream");
    params.set("requestId", request.id());
    live.session()
        .handle(
            new JsonRpcMessage.Notification("notifications/cancelled", params),
            new Caller(principal, MessageSink.DISCARD));
  }

  /** The id of the request a POST carries, so that even an early rejection echoes it. */
  private JsonNode requestIdOf(HttpExchange exchange) {
    if (!exchange.method().equals("POST")) {
      return null;
    }
    try {
      Decoded decoded = JsonRpcCodec.decode(exchange.readBody(settings.maxBodyBytes()));
      return decoded instanceof Decoded.Single single
              && single.item() instanceof Decoded.Valid valid
              && valid.message() instanceof Request request
          ? request.id()
          : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static HttpReply unsupportedVersion(JsonNode id, String asked) {
    return Replies.error(
        400, id, JsonRpcError.unsupportedProtocolVersion(asked, ProtocolVersion.ids()));
  }

  private static HttpReply methodNotAllowed(String allow) {
    return Replies.error(
            405, ErrorCodes.INVALID_REQUEST, "Method Not Allowed: this endpoint answers " + allow)
        .withHeader("Allow", allow);
  }
}
