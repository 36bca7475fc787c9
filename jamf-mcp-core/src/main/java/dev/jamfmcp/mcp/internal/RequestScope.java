package dev.jamfmcp.mcp.internal;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.Cancellation;
import dev.jamfmcp.mcp.Implementation;
import dev.jamfmcp.mcp.LogLevel;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.ProtocolVersion;
import dev.jamfmcp.mcp.RequestContext;
import dev.jamfmcp.mcp.jsonrpc.Json;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@link RequestContext} of one request. */
final class RequestScope implements RequestContext {
  private final JsonRpcMessage.Request request;
  private final Frame frame;
  private final Caller caller;
  private final Cancellation cancellation;
  private final SessionRuntime session;
  private final Object progressLock = new Object();
  private double lastProgress = Double.NEGATIVE_INFINITY;

  RequestScope(
      JsonRpcMessage.Request request,
      Frame frame,
      Caller caller,
      Cancellation cancellation,
      SessionRuntime session) {
    this.request = request;
    this.frame = frame;
    this.caller = caller;
    this.cancellation = cancellation;
    this.session = session;
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
    CompletableFuture<JsonNode> response = new CompletableFuture<>();
    String id = session.awaitClient(response);
    cancellation.onCancel(() -> response.cancel(false));
    caller.related().send(new JsonRpcMessage.Request(Json.nodes().stringNode(id), method, params));
    return response;
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
