package dev.jamfmcp.server;

import dev.jamfmcp.mcp.LogSafe;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.http.HttpExchange;
import dev.jamfmcp.mcp.http.HttpReply;
import dev.jamfmcp.mcp.http.SessionListener;
import dev.jamfmcp.mcp.http.StreamOutput;
import dev.jamfmcp.mcp.jsonrpc.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * One log line per MCP request (HTTP method, path, MCP method, tool, status, duration, principal,
 * session) and "MCP connection established/closed" lines, by wrapping each exchange before the
 * transport sees it. Nothing here changes what the client gets. A Streamable HTTP session's
 * "closed" line comes from the transport, which alone knows when a session expires idle: give this
 * object to {@code HttpTransportConfig.sessionListener} too. A legacy SSE session is closed when
 * its stream ends.
 */
public final class RequestLog implements SessionListener {
  static final Logger REQUESTS = LoggerFactory.getLogger("jamf-mcp.requests");
  static final Logger CONNECTIONS = LoggerFactory.getLogger("jamf-mcp.connections");
  private static final Pattern LEGACY_SESSION = Pattern.compile("sessionId=([A-Za-z0-9._~-]+)");
  private static final Pattern RPC_ERROR = Pattern.compile("\"error\":\\{\"code\":(-?\\d+)");
  private static final int MAX_TRACKED_SESSIONS = 10_000;

  /** When a session this instance saw start began, and whose it is. */
  private record Started(long nanos, String subject) {}

  private final Map<String, Started> sessionStarts =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Started> eldest) {
          return size() > MAX_TRACKED_SESSIONS;
        }
      };

  /** Wraps one exchange; give this to {@code McpPluginConfig.exchangeDecorator}. */
  public HttpExchange wrap(HttpExchange exchange, Principal principal) {
    return new Logged(exchange, principal);
  }

  /** The stable part of a session id ({@code m1.<payload>.<mac>}), shortened for logs. */
  static String sessionName(String id) {
    if (id == null) {
      return "-";
    }
    String[] parts = id.split("\\.");
    if (parts.length == 3) {
      try {
        JsonNode claims = Json.mapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
        String stable = claims.path("s").asString("");
        if (!stable.isEmpty()) {
          return stable.substring(0, Math.min(10, stable.length()));
        }
      } catch (RuntimeException e) {
        // not one of ours: fall through to a prefix
      }
    }
    return id.substring(0, Math.min(10, id.length()));
  }

  /**
   * A Streamable HTTP session ended in the transport (deleted, expired idle, evicted, shut down).
   */
  @Override
  public void sessionEnded(String sessionId, Reason reason) {
    closed(
        sessionName(sessionId),
        null,
        switch (reason) {
          case DELETED -> "deleted by the client";
          case EXPIRED -> "expired idle";
          case EVICTED -> "evicted: too many sessions in memory";
          case SHUTDOWN -> "server shutdown";
        });
  }

  private void established(String session, Principal principal, String transport) {
    synchronized (sessionStarts) {
      sessionStarts.put(session, new Started(System.nanoTime(), principal.subject()));
    }
    CONNECTIONS.info(
        "MCP connection established session={} transport={} principal={}",
        LogSafe.escape(session),
        transport,
        LogSafe.escape(principal.subject()));
  }

  /** Logs the end of a session; {@code principal} null: the one it started with, if known. */
  private void closed(String session, Principal principal, String why) {
    Started start;
    synchronized (sessionStarts) {
      start = sessionStarts.remove(session);
    }
    String duration = start == null ? "unknown" : millis(start.nanos()) + "ms";
    String subject =
        principal != null ? principal.subject() : start == null ? "-" : start.subject();
    CONNECTIONS.info(
        "MCP connection closed session={} duration={} principal={} ({})",
        LogSafe.escape(session),
        duration,
        LogSafe.escape(subject),
        why);
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }

  private final class Logged implements HttpExchange {
    private final HttpExchange delegate;
    private final Principal principal;
    private final long start = System.nanoTime();
    private String rpcMethod = "-";
    private String tool;

    Logged(HttpExchange delegate, Principal principal) {
      this.delegate = delegate;
      this.principal = principal;
    }

    @Override
    public String method() {
      return delegate.method();
    }

    @Override
    public String path() {
      return delegate.path();
    }

    @Override
    public Optional<String> header(String name) {
      return delegate.header(name);
    }

    @Override
    public Optional<String> queryParam(String name) {
      return delegate.queryParam(name);
    }

    @Override
    public byte[] readBody(int maxBytes) throws IOException {
      byte[] body = delegate.readBody(maxBytes);
      describe(body);
      return body;
    }

    private void describe(byte[] body) {
      try {
        JsonNode json = Json.mapper().readTree(body);
        if (json.isArray()) {
          rpcMethod = "batch(" + json.size() + ")";
        } else if (json.has("method")) {
          rpcMethod = json.get("method").asString("?");
          JsonNode name = json.path("params").path("name");
          if (name.isString()) {
            tool = name.asString();
          }
        } else {
          rpcMethod = "response";
        }
      } catch (RuntimeException e) {
        rpcMethod = "unparsable";
      }
    }

    private String session(Map<String, String> replyHeaders) {
      String id = replyHeaders.get("Mcp-Session-Id");
      return sessionName(
          id != null
              ? id
              : delegate
                  .header("Mcp-Session-Id")
                  .or(() -> delegate.queryParam("sessionId"))
                  .orElse(null));
    }

    @Override
    public void respond(HttpReply reply) {
      String session = session(reply.headers());
      if (reply.status() < 300
          && reply.headers().containsKey("Mcp-Session-Id")
          && "initialize".equals(rpcMethod)) {
        established(session, principal, "streamable-http");
      }
      String outcome = String.valueOf(reply.status());
      Matcher error =
          RPC_ERROR.matcher(
              new String(
                  reply.body(), 0, Math.min(reply.body().length, 200), StandardCharsets.UTF_8));
      if (error.find()) {
        outcome += " rpc-error=" + error.group(1);
      }
      line(outcome, session);
      delegate.respond(reply);
    }

    @Override
    public StreamOutput startStream(int status, Map<String, String> headers) throws IOException {
      StreamOutput out = delegate.startStream(status, headers);
      boolean longLived = "GET".equals(method());
      String[] session = {session(headers)};
      if (longLived) {
        CONNECTIONS.debug("stream opened path={} principal={}", path(), principal.subject());
      } else if ("initialize".equals(rpcMethod) && headers.containsKey("Mcp-Session-Id")) {
        established(session[0], principal, "streamable-http");
      }
      AtomicBoolean ended = new AtomicBoolean();
      AtomicBoolean first = new AtomicBoolean(true);
      AtomicBoolean legacySession = new AtomicBoolean();
      Runnable end =
          () -> {
            if (ended.compareAndSet(false, true)) {
              // A legacy session lives as long as its stream; a Streamable HTTP session outlives
              // its optional GET stream, and the transport reports its end.
              if (legacySession.get()) {
                closed(session[0], principal, "stream ended");
              } else if (longLived) {
                CONNECTIONS.debug("stream closed path={} session={}", path(), session[0]);
              }
              line(status + " stream", session[0]);
            }
          };
      out.onDisconnect(end);
      return new StreamOutput() {
        @Override
        public void write(byte[] bytes) throws IOException {
          if (longLived && first.getAndSet(false)) {
            Matcher legacy = LEGACY_SESSION.matcher(new String(bytes, StandardCharsets.UTF_8));
            if (legacy.find()) {
              session[0] = sessionName(legacy.group(1));
              established(session[0], principal, "legacy-sse");
              legacySession.set(true);
            }
          }
          out.write(bytes);
        }

        @Override
        public void close() {
          out.close();
          end.run();
        }

        @Override
        public void onDisconnect(Runnable callback) {
          out.onDisconnect(callback);
        }
      };
    }

    private void line(String outcome, String session) {
      // The path, method, tool name and session come from the client: escaped (issue 19, V7).
      REQUESTS.info(
          "{} {} {}{} status={} {}ms principal={} session={}",
          method(),
          LogSafe.escape(path()),
          LogSafe.escape(rpcMethod),
          tool == null ? "" : " tool=" + LogSafe.escape(tool),
          outcome,
          millis(start),
          LogSafe.escape(principal.subject()),
          LogSafe.escape(session));
    }
  }
}
