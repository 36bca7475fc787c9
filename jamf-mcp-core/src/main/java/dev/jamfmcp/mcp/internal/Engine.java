package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.Cancellation;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.LogLevel;
import dev.jamfmcp.mcp.LogSafe;
import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.SessionState;
import dev.jamfmcp.mcp.jsonrpc.Decoded;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.ErrorResponse;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Notification;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Request;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage.Response;
import dev.jamfmcp.mcp.prompt.Prompt;
import dev.jamfmcp.mcp.resource.Resource;
import dev.jamfmcp.mcp.resource.ResourceTemplate;
import dev.jamfmcp.mcp.tool.Tool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dispatch: from a message to its reply. Decides each request's protocol frame (session or
 * per-request _meta), checks the method exists in that version, runs it inline or on the handler
 * pool, and shapes the result for the version.
 */
public final class Engine {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);
  static final String META_PROTOCOL_VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String META_CLIENT_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";

  /** The configuration, frozen. */
  public record Settings(
      Implementation serverInfo,
      String instructions,
      List<Tool> tools,
      List<Resource> resources,
      List<ResourceTemplate> resourceTemplates,
      List<Prompt> prompts,
      int pageSize,
      Duration listTtl,
      boolean resourceUpdates,
      int maxSubscriptions,
      int maxSubscriptionsPerPrincipal,
      int maxClientWaitsPerPrincipal,
      List<ToolGroup> toolGroups,
      ToolsetSwitching toolsetSwitching) {}

  /** Which protocol era a method exists in. */
  private enum Era {
    SESSIONFUL,
    STATELESS,
    BOTH;

    boolean includes(ProtocolVersion version) {
      return this == BOTH || (this == STATELESS) == version.isStateless();
    }
  }

  private record Method(Era era, boolean async, MethodHandler handler) {}

  private static final String LISTEN = "subscriptions/listen";

  private final Settings settings;
  private final Subscriptions subscriptions;
  private final Registry registry;
  private final ExecutorService executor;
  private final ClientWaits clientWaits;
  private final Map<String, Method> methods;
  private final Toolsets toolsets;

  public Engine(Settings settings, ExecutorService executor) {
    this.settings = settings;
    this.subscriptions =
        new Subscriptions(
            settings.maxSubscriptions(), settings.maxSubscriptionsPerPrincipal(), executor);
    this.toolsets = new Toolsets(settings.toolGroups(), settings.toolsetSwitching());
    List<Tool> tools = new ArrayList<>(settings.tools());
    if (toolsets.on()) {
      tools.addAll(Toolsets.tools());
    }
    this.registry =
        new Registry(
            tools,
            settings.resources(),
            settings.resourceTemplates(),
            settings.prompts(),
            subscriptions::listChanged);
    this.executor = executor;
    this.clientWaits =
        new ClientWaits(ClientWaits.totalFor(executor), settings.maxClientWaitsPerPrincipal());
    Catalog catalog = new Catalog(registry, settings.pageSize(), toolsets);
    ToolCalls toolCalls =
        new ToolCalls(registry, toolsets, subject -> subscriptions.toolsChangedFor(subject));
    this.methods =
        Map.ofEntries(
            Map.entry("ping", new Method(Era.SESSIONFUL, false, call -> Json.object())),
            Map.entry("logging/setLevel", new Method(Era.SESSIONFUL, false, this::setLevel)),
            Map.entry("server/discover", new Method(Era.STATELESS, false, this::discover)),
            Map.entry("tools/list", new Method(Era.BOTH, false, catalog::listTools)),
            Map.entry("tools/call", new Method(Era.BOTH, true, toolCalls::call)),
            Map.entry("resources/list", new Method(Era.BOTH, false, catalog::listResources)),
            Map.entry(
                "resources/templates/list", new Method(Era.BOTH, false, catalog::listTemplates)),
            Map.entry("resources/read", new Method(Era.BOTH, true, catalog::readResource)),
            Map.entry("prompts/list", new Method(Era.BOTH, false, catalog::listPrompts)),
            Map.entry("prompts/get", new Method(Era.BOTH, true, catalog::getPrompt)),
            Map.entry("completion/complete", new Method(Era.BOTH, false, catalog::complete)),
            // Answered by listen() below; the entry gives it its era (-32601 before 2026-07-28).
            Map.entry(
                LISTEN,
                new Method(
                    Era.STATELESS,
                    false,
                    call -> {
                      throw new IllegalStateException("subscriptions/listen is not a plain call");
                    })));
  }

  public Registry registry() {
    return registry;
  }

  /** A session ended for good (DELETE): the toolsets it chose are forgotten. */
  public void sessionEnded(String sessionKey) {
    toolsets.forget(sessionKey);
  }

  /** Tells the listens subscribed to {@code uri} that it changed (when resource updates are on). */
  public void resourceUpdated(String uri) {
    if (settings.resourceUpdates()) {
      subscriptions.resourceUpdated(uri);
    }
  }

  /** Ends this session's listens gracefully: each gets its closing result. */
  public void endSubscriptions(SessionRuntime session) {
    subscriptions.endSession(session);
  }

  /** Ends every listen gracefully: the server is stopping. */
  public void endAllSubscriptions() {
    subscriptions.endAll();
  }

  /** Listens open now. */
  public int openSubscriptions() {
    return subscriptions.openCount();
  }

  /** Decodes a frame (a message or a batch), handles it, and encodes the reply, if any. */
  public CompletableFuture<Optional<String>> handleFrame(
      SessionRuntime session, String frame, Caller caller) {
    Decoded decoded = JsonRpcCodec.decode(frame);
    if (decoded instanceof Decoded.Single single) {
      return handleItem(session, single.item(), caller)
          .thenApply(reply -> reply.map(JsonRpcCodec::encode));
    }
    List<Decoded.Item> items = ((Decoded.Batch) decoded).items();
    SessionState state = session.state();
    if (!state.isInitialized() || !state.version().allowsBatches()) {
      String version = state.isInitialized() ? state.version().id() : "(not initialized)";
      return CompletableFuture.completedFuture(
          Optional.of(
              JsonRpcCodec.encode(
                  new ErrorResponse(
                      null,
                      JsonRpcError.invalidRequest(
                          "Invalid Request: JSON-RPC batches are only accepted"
                              + " in protocol 2025-03-26 (this session: "
                              + version
                              + "); send one message at"
                              + " a time")))));
    }
    List<CompletableFuture<Optional<JsonRpcMessage>>> replies = new ArrayList<>(items.size());
    for (Decoded.Item item : items) {
      if (item instanceof Decoded.Valid valid
          && valid.message() instanceof Request request
          && "initialize".equals(request.method())) {
        replies.add(
            CompletableFuture.completedFuture(
                Optional.of(
                    new ErrorResponse(
                        request.id(),
                        JsonRpcError.invalidRequest(
                            "Invalid Request: initialize must not be in a batch")))));
      } else {
        replies.add(handleItem(session, item, caller));
      }
    }
    return CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<JsonRpcMessage> present =
                  replies.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
              return present.isEmpty()
                  ? Optional.<String>empty()
                  : Optional.of(JsonRpcCodec.encodeBatch(present));
            });
  }

  private CompletableFuture<Optional<JsonRpcMessage>> handleItem(
      SessionRuntime session, Decoded.Item item, Caller caller) {
    if (item instanceof Decoded.Invalid invalid) {
      return CompletableFuture.completedFuture(Optional.of(invalid.reply()));
    }
    return handle(session, ((Decoded.Valid) item).message(), caller);
  }

  /** Handles one decoded message. The future completes with the reply, or empty if none is due. */
  public CompletableFuture<Optional<JsonRpcMessage>> handle(
      SessionRuntime session, JsonRpcMessage message, Caller caller) {
    if (message instanceof Request request) {
      return handleRequest(session, request, caller);
    }
    if (message instanceof Notification notification) {
      onNotification(session, notification);
    } else if (message instanceof Response response) {
      if (!session.completeClientRequest(response.id(), response.result(), null)) {
        droppedAnswer(response.id());
      }
    } else if (message instanceof ErrorResponse error) {
      if (!session.completeClientRequest(error.id(), null, error.error())) {
        droppedAnswer(error.id());
      }
    }
    return CompletableFuture.completedFuture(Optional.empty());
  }

  /**
   * Every transport delivers client responses here, and only the session's own waiting request can
   * take one. Neither the id (it answers a request of this or another instance) nor the payload (a
   * person's answer) is logged.
   */
  private static void droppedAnswer(JsonNode id) {
    if (id == null || id.isNull()) {
      log.debug("Ignored a client error response without an id");
    } else {
      log.warn(
          "Dropped a client response: no request of this session is waiting for its id (never"
              + " sent by this instance, already answered, or given up)");
    }
  }

  private void onNotification(SessionRuntime session, Notification notification) {
    switch (notification.method()) {
      case "notifications/cancelled" -> {
        JsonNode id = notification.params().get("requestId");
        if (JsonRpcMessage.isValidId(id)) {
          JsonNode reason = notification.params().get("reason");
          session.cancel(id, reason != null && reason.isString() ? reason.stringValue() : null);
        }
      }
      case "notifications/initialized" -> log.debug("Client confirmed initialization");
      default -> log.debug("Ignored notification {}", LogSafe.quote(notification.method()));
    }
  }

  private CompletableFuture<Optional<JsonRpcMessage>> handleRequest(
      SessionRuntime session, Request request, Caller caller) {
    if ("initialize".equals(request.method()) && !hasProtocolMeta(request)) {
      return done(reply(request, () -> initialize(session, request)));
    }
    Frame frame;
    try {
      frame = frameOf(session, request);
    } catch (McpError e) {
      return done(new ErrorResponse(request.id(), e.error()));
    }
    Method method = methods.get(request.method());
    if (method == null || !method.era().includes(frame.version())) {
      return done(new ErrorResponse(request.id(), JsonRpcError.methodNotFound(request.method())));
    }
    if (LISTEN.equals(request.method())) {
      return listen(session, request, frame, caller);
    }
    SessionRuntime.InFlight entry = session.begin(request.id());
    if (entry == null) {
      return done(alreadyInProgress(request));
    }
    Call call =
        new Call(
            request,
            frame,
            new RequestScope(request, frame, caller, entry.cancellation, session, clientWaits),
            session);
    if (!method.async()) {
      Optional<JsonRpcMessage> out;
      try {
        out = run(method, call, entry.cancellation);
      } catch (Throwable fatal) { // handleText promises a reply, never an exception
        out = Optional.of(internalError(request, fatal));
      } finally {
        session.end(request.id(), entry);
      }
      return done(out.orElse(null));
    }
    CompletableFuture<Optional<JsonRpcMessage>> reply = new CompletableFuture<>();
    // A cancelled request gets no reply at all, whatever its handler does afterwards.
    entry.cancellation.onCancel(() -> reply.complete(Optional.empty()));
    try {
      entry.task =
          executor.submit(
              () -> {
                Optional<JsonRpcMessage> out;
                try {
                  out = run(method, call, entry.cancellation);
                } catch (Throwable e) { // an Error from a handler bug: answer it rather than hang
                  out =
                      entry.cancellation.isCancelled()
                          ? Optional.empty()
                          : Optional.of(internalError(request, e));
                }
                // Release the id before the reply goes out: the client may reuse it once it has the
                // reply.
                session.end(request.id(), entry);
                reply.complete(out);
              });
    } catch (RejectedExecutionException e) {
      session.end(request.id(), entry);
      reply.complete(
          Optional.of(
              new ErrorResponse(
                  request.id(),
                  JsonRpcError.of(
                      ErrorCodes.SERVER_BUSY,
                      "The server is at capacity; retry in a few seconds"))));
    }
    return reply;
  }

  /**
   * {@code subscriptions/listen}: validated and acknowledged at once, then in flight until the
   * client cancels it (no reply) or the server ends it (a result naming the subscription).
   */
  private CompletableFuture<Optional<JsonRpcMessage>> listen(
      SessionRuntime session, Request request, Frame frame, Caller caller) {
    Shapes.Filter granted;
    try {
      granted = Shapes.grant(request.params(), settings.resourceUpdates());
    } catch (McpError e) {
      return done(new ErrorResponse(request.id(), e.error()));
    }
    SessionRuntime.InFlight entry = session.begin(request.id());
    if (entry == null) {
      return done(alreadyInProgress(request));
    }
    try {
      return subscriptions.listen(
          request.id(),
          granted,
          caller.related(),
          session,
          caller.principal().subject(),
          entry.cancellation,
          id ->
              new Response(
                  id,
                  Shapes.finish(
                      LISTEN,
                      Shapes.listenClosed(id),
                      frame.version(),
                      settings.serverInfo(),
                      settings.listTtl())),
          () -> session.end(request.id(), entry));
    } catch (McpError e) {
      session.end(request.id(), entry);
      return done(new ErrorResponse(request.id(), e.error()));
    }
  }

  private Optional<JsonRpcMessage> run(Method method, Call call, Cancellation cancellation) {
    Request request = call.request();
    try {
      ObjectNode result = method.handler().handle(call);
      if (cancellation.isCancelled()) {
        return Optional.empty();
      }
      ObjectNode finished =
          Shapes.finish(
              request.method(),
              result,
              call.frame().version(),
              settings.serverInfo(),
              settings.listTtl());
      if (toolsets.on() && "tools/list".equals(request.method()) && finished.has("ttlMs")) {
        // The list is this principal's own and changes when it switches toolsets.
        finished.put("ttlMs", 0).put("cacheScope", "private");
      }
      return Optional.of(new Response(request.id(), finished));
    } catch (McpError e) {
      return Optional.of(new ErrorResponse(request.id(), e.error()));
    } catch (Cancellation.CancelledException | InterruptedException e) {
      if (cancellation.isCancelled()) {
        return Optional.empty();
      }
      Thread.currentThread().interrupt();
      return Optional.of(internalError(request, e));
    } catch (Exception | LinkageError e) {
      return cancellation.isCancelled() ? Optional.empty() : Optional.of(internalError(request, e));
    } finally {
      call.scope().abandonClientRequests();
    }
  }

  private static ErrorResponse internalError(Request request, Throwable e) {
    String reference = UUID.randomUUID().toString().substring(0, 8);
    log.error("{} failed (reference {})", request.method(), reference, e);
    return new ErrorResponse(
        request.id(),
        JsonRpcError.internal(
            "Internal error while handling "
                + request.method()
                + " (reference "
                + reference
                + "); the server log has the details"));
  }

  private static boolean hasProtocolMeta(Request request) {
    JsonNode meta = request.params().get("_meta");
    return meta != null && meta.has(META_PROTOCOL_VERSION);
  }

  /** The protocol facts of a request: its own _meta (2026-07-28), else its session's. */
  private Frame frameOf(SessionRuntime session, Request request) {
    JsonNode meta = request.params().get("_meta");
    JsonNode token = meta == null ? null : meta.get("progressToken");
    JsonNode progressToken = JsonRpcMessage.isValidId(token) ? token : null;
    if (meta != null && meta.has(META_PROTOCOL_VERSION)) {
      JsonNode requested = meta.get(META_PROTOCOL_VERSION);
      String asked = requested.isString() ? requested.stringValue() : requested.toString();
      ProtocolVersion version =
          ProtocolVersion.parse(asked)
              .filter(ProtocolVersion::isStateless)
              .orElseThrow(() -> unsupportedVersion(asked));
      if (!(meta.get(META_CLIENT_CAPABILITIES) instanceof ObjectNode caps)) {
        throw McpError.invalidParams(
            "Invalid params: a "
                + version.id()
                + " request needs _meta."
                + META_CLIENT_CAPABILITIES
                + " (an object; {} if the client declares none)");
      }
      JsonNode level = meta.get(META_LOG_LEVEL);
      return new Frame(
          version,
          caps,
          implementationOf(meta.get(META_CLIENT_INFO)),
          level != null && level.isString()
              ? LogLevel.parse(level.stringValue()).orElse(null)
              : null,
          progressToken);
    }
    SessionState state = session.state();
    if (state.isInitialized()) {
      return new Frame(
          state.version(),
          state.clientCapabilities(),
          state.clientInfo(),
          state.logLevel(),
          progressToken);
    }
    switch (request.method()) {
      case "server/discover":
        // A probe without _meta still learns what we speak.
        return new Frame(ProtocolVersion.LATEST, Json.object(), null, null, progressToken);
      case "ping":
        return new Frame(ProtocolVersion.LATEST_SESSIONFUL, Json.object(), null, null, null);
      default:
        throw new McpError(
            JsonRpcError.invalidRequest(
                "Invalid Request: the session is not"
                    + " initialized. Send initialize first, or (protocol 2026-07-28) put "
                    + META_PROTOCOL_VERSION
                    + " in the request's _meta"));
    }
  }

  private static ErrorResponse alreadyInProgress(Request request) {
    return new ErrorResponse(
        request.id(),
        JsonRpcError.invalidRequest(
            "Invalid Request: a request with id " + request.id() + " is already in progress"));
  }

  private static McpError unsupportedVersion(String asked) {
    return new McpError(JsonRpcError.unsupportedProtocolVersion(asked, ProtocolVersion.ids()));
  }

  private ObjectNode initialize(SessionRuntime session, Request request) {
    JsonNode asked = request.params().get("protocolVersion");
    if (asked == null || !asked.isString()) {
      throw McpError.invalidParams("Invalid params: initialize needs a string protocolVersion");
    }
    ProtocolVersion version =
        ProtocolVersion.parse(asked.stringValue())
            .filter(v -> !v.isStateless())
            .orElse(ProtocolVersion.LATEST_SESSIONFUL);
    JsonNode caps = request.params().get("capabilities");
    SessionState state =
        new SessionState(
            version,
            caps instanceof ObjectNode object ? object : Json.object(),
            implementationOf(request.params().get("clientInfo")),
            null);
    if (!session.initialize(state)) {
      throw new McpError(
          JsonRpcError.invalidRequest(
              "Invalid Request: this session is already initialized; open a new session to"
                  + " initialize again"));
    }
    ObjectNode result = Json.object().put("protocolVersion", version.id());
    result.set(
        "capabilities", Shapes.capabilities(version, settings.resourceUpdates(), toolsets.on()));
    result.set("serverInfo", Shapes.implementation(settings.serverInfo(), version));
    if (settings.instructions() != null) {
      result.put("instructions", settings.instructions());
    }
    return result;
  }

  private ObjectNode discover(Call call) {
    ObjectNode result = Json.object();
    ProtocolVersion.ids().forEach(result.putArray("supportedVersions")::add);
    result.set(
        "capabilities",
        Shapes.capabilities(call.frame().version(), settings.resourceUpdates(), toolsets.on()));
    if (settings.instructions() != null) {
      result.put("instructions", settings.instructions());
    }
    return result;
  }

  private ObjectNode setLevel(Call call) {
    String level = call.requireString("level");
    LogLevel parsed =
        LogLevel.parse(level)
            .orElseThrow(
                () ->
                    McpError.invalidParams(
                        "Invalid params: unknown log level '"
                            + level
                            + "'; use one of debug, info, notice,"
                            + " warning, error, critical, alert, emergency"));
    call.session().update(call.session().state().withLogLevel(parsed));
    return Json.object();
  }

  private static Implementation implementationOf(JsonNode node) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode name = node.get("name");
    JsonNode version = node.get("version");
    JsonNode title = node.get("title");
    if (name == null || !name.isString()) {
      return null;
    }
    return new Implementation(
        name.stringValue(),
        title != null && title.isString() ? title.stringValue() : null,
        version != null && version.isString() ? version.stringValue() : "");
  }

  /** Runs a handler that cannot be cancelled (initialize) into a reply. */
  private static JsonRpcMessage reply(
      Request request, java.util.function.Supplier<ObjectNode> body) {
    try {
      return new Response(request.id(), body.get());
    } catch (McpError e) {
      return new ErrorResponse(request.id(), e.error());
    } catch (RuntimeException e) {
      return internalError(request, e);
    }
  }

  private static CompletableFuture<Optional<JsonRpcMessage>> done(JsonRpcMessage reply) {
    return CompletableFuture.completedFuture(Optional.ofNullable(reply));
  }
}
