package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.Cancellation;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.LogLevel;
import dev.jamfmcp.mcp.McpError;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.jsonrpc.ErrorCodes;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@link RequestContext} of one request. */
final class RequestScope implements RequestContext {
  private final JsonRpcMessage.Request request;
  private final Frame frame;
  private final Caller caller;
  private final Cancellation cancellation;
  private final SessionRuntime session;
  private final ClientWaits waits;
  private final List<CompletableFuture<?>> askedClient = new CopyOnWriteArrayList<>();
  private final Object progressLock = new Object();
  private double lastProgress = Double.NEGATIVE_INFINITY;

  RequestScope(
      JsonRpcMessage.Request request,
      Frame frame,
      Caller caller,
      Cancellation cancellation,
      SessionRuntime session,
      ClientWaits waits) {
    this.request = request;
    this.frame = frame;
    this.caller = caller;
    this.cancellation = cancellation;
    this.session = session;
    this.waits = waits;
  }

  @Override
  public Principal principal() {
    return caller.principal();
  }

  @Override
  public ProtocolVersion protocolVersion() {
    return frame.version();
  }

  @Override
  public ObjectNode clientCapabilities() {
    return frame.clientCapabilities().deepCopy();
  }

  @Override
  public Implementation clientInfo() {
    return frame.clientInfo();
  }

  @Override
  public JsonNode requestId() {
    return request.id();
  }

  @Override
  public Cancellation cancellation() {
    return cancellation;
  }

  @Override
  public void progress(double progress, Double total, String message) {
    JsonNode token = frame.progressToken();
    if (token == null || cancellation.isCancelled() || Double.isNaN(progress)) {
      return;
    }
    // Sent under the lock so that two threads of one handler cannot reorder growing values.
    synchronized (progressLock) {
      if (progress <= lastProgress) {
        return;
      }
      lastProgress = progress;
      ObjectNode params = Json.object();
      params.set("progressToken", token);
      params.put("progress", progress);
      if (total != null) {
        params.put("total", total);
      }
      if (message != null && frame.version().compareTo(ProtocolVersion.V2025_03_26) >= 0) {
        params.put("message", message);
      }
      caller.related().send(new JsonRpcMessage.Notification("notifications/progress", params));
    }
  }

  /** Sends a message related to this request on its stream (or where the transport sends those). */
  void sendRelated(JsonRpcMessage message) {
    caller.related().send(message);
  }

  @Override
  public void log(LogLevel level, String logger, JsonNode data) {
    LogLevel threshold = frame.logLevel();
    if (threshold == null || level.compareTo(threshold) < 0 || cancellation.isCancelled()) {
      return;
    }
    ObjectNode params = Json.object().put("level", level.wire());
    if (logger != null) {
      params.put("logger", logger);
    }
    params.set("data", data == null ? Json.nodes().nullNode() : data);
    caller.related().send(new JsonRpcMessage.Notification("notifications/message", params));
  }

  @Override
  public CompletableFuture<JsonNode> requestFromClient(String method, ObjectNode params) {
    if (frame.version().isStateless()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "protocol "
                  + frame.version()
                  + " has no server-to-client requests;"
                  + " return an input-required result instead"));
    }
    ClientWaits.Outcome permit = waits.acquire(caller.principal().subject());
    if (permit instanceof ClientWaits.Refused refused) {
      return CompletableFuture.failedFuture(tooManyWaiting(refused.refusal(), method));
    }
    CompletableFuture<JsonNode> response = new CompletableFuture<>();
    // However it ends (answer, error, cancellation, the handler done with it), the permit returns.
    response.whenComplete((r, e) -> ((ClientWaits.Granted) permit).release().run());
    askedClient.add(response);
    String id = session.awaitClient(response);
    cancellation.onCancel(() -> response.cancel(false));
    caller.related().send(new JsonRpcMessage.Request(Json.nodes().stringNode(id), method, params));
    return response;
  }

  @Override
  public <T> CompletableFuture<T> awaitOutsideProtocol(CompletableFuture<T> awaited) {
    ClientWaits.Outcome permit = waits.acquire(caller.principal().subject());
    if (permit instanceof ClientWaits.Refused refused) {
      return CompletableFuture.failedFuture(
          tooManyWaiting(refused.refusal(), "elicitation/create"));
    }
    // A future of this request's own: cancelling it never cancels what others wait on.
    CompletableFuture<T> held = new CompletableFuture<>();
    held.whenComplete((r, e) -> ((ClientWaits.Granted) permit).release().run());
    awaited.whenComplete(
        (r, e) -> {
          if (e != null) {
            held.completeExceptionally(e);
          } else {
            held.complete(r);
          }
        });
    askedClient.add(held);
    cancellation.onCancel(() -> held.cancel(false));
    return held;
  }

  @Override
  public void sendNotification(String method, ObjectNode params) {
    if (!cancellation.isCancelled()) {
      caller.related().send(new JsonRpcMessage.Notification(method, params));
    }
  }

  /**
   * The request is done: what it asked the client and still waits for is given up (an answer that
   * comes later is dropped), so that neither the session nor the principal's limit keeps it.
   */
  void abandonClientRequests() {
    askedClient.forEach(f -> f.cancel(false));
  }

  private McpError tooManyWaiting(ClientWaits.Refusal refusal, String method) {
    String what = "elicitation/create".equals(method) ? "confirmations" : "requests to your client";
    String message =
        refusal == ClientWaits.Refusal.PER_PRINCIPAL
            ? "Too many "
                + what
                + " waiting for you (at most "
                + waits.perPrincipal()
                + "); answer or cancel the open ones first"
            : "The server has too many "
                + what
                + " waiting for answers; answer or cancel yours, or try again shortly";
    return new McpError(JsonRpcError.of(ErrorCodes.SERVER_BUSY, message));
  }

  @Override
  public ObjectNode inputResponses() {
    JsonNode responses = request.params().get("inputResponses");
    return responses instanceof ObjectNode object ? object.deepCopy() : Json.object();
  }

  @Override
  public String requestState() {
    JsonNode state = request.params().get("requestState");
    return state != null && state.isString() ? state.stringValue() : null;
  }
}
