package dev.jamfmcp.mcp.stdio;

import dev.jamfmcp.mcp.Caller;
import dev.jamfmcp.mcp.McpServer;
import dev.jamfmcp.mcp.McpSession;
import dev.jamfmcp.mcp.Principal;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcCodec;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcError;
import dev.jamfmcp.mcp.jsonrpc.JsonRpcMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stdio transport: newline-delimited JSON-RPC on stdin and stdout, one session for the life of
 * the process. Only protocol messages go to stdout; logs belong on stderr (slf4j's job).
 *
 * <p>2026-07-28 {@code subscriptions/listen} works here as on HTTP, on the one shared channel: the
 * acknowledgement and the notifications are lines tagged with the listen's id in {@code _meta}; the
 * client ends a listen with {@code notifications/cancelled} naming that id (no reply follows), and
 * when stdin closes every open listen gets its closing result.
 */
public final class StdioTransport {
  private static final Logger log = LoggerFactory.getLogger(StdioTransport.class);

  /** Longest line accepted (16 MiB); a longer one is answered with an error and skipped. */
  public static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  /** How long in-flight requests may finish after stdin closes. */
  private static final long DRAIN_SECONDS = 10;

  private final McpSession session;
  private final Caller caller;
  private final OutputStream out;
  private final Object writeLock = new Object();
  private final ConcurrentHashMap.KeySetView<CompletableFuture<?>, Boolean> pending =
      ConcurrentHashMap.newKeySet();

  private StdioTransport(McpSession session, Principal principal, OutputStream out) {
    this.session = session;
    this.out = new BufferedOutputStream(out, 64 * 1024);
    this.caller = new Caller(principal, this::write);
  }

  /**
   * Serves one session until {@code in} ends, then lets in-flight requests finish (bounded) and
   * returns. Blocks the calling thread.
   */
  public static void serve(McpServer server, InputStream in, OutputStream out, Principal principal)
      throws IOException {
    new StdioTransport(server.newSession(), principal, out).run(in);
  }

  private void run(InputStream in) throws IOException {
    LineReader lines = new LineReader(in, MAX_LINE_BYTES);
    while (true) {
      LineReader.Line line = lines.next();
      if (line == null) {
        break;
      }
      if (line.tooLong()) {
        write(
            new JsonRpcMessage.ErrorResponse(
                null,
                JsonRpcError.invalidRequest(
                    "Invalid Request: a message may be at most " + MAX_LINE_BYTES + " bytes")));
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      dispatch(line.bytes());
    }
    drain();
  }

  private void dispatch(byte[] bytes) {
    String text = decodeUtf8(bytes);
    if (text == null) {
      write(
          new JsonRpcMessage.ErrorResponse(
              null, JsonRpcError.parseError("Parse error: the message is not valid UTF-8")));
      return;
    }
    CompletableFuture<Optional<String>> reply = session.handleText(text, caller);
    pending.add(reply);
    reply.whenComplete(
        (encoded, error) -> {
          pending.remove(reply);
          if (encoded != null) {
            encoded.ifPresent(this::writeLine);
          }
        });
  }

  private void drain() {
    // Open subscriptions/listen requests never finish by themselves: end them with their result
    // (the server tears the subscription down) rather than waiting out the drain.
    session.endSubscriptions();
    CompletableFuture<?>[] open = pending.toArray(CompletableFuture[]::new);
    try {
      CompletableFuture.allOf(open).get(DRAIN_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.warn("interrupted; cancelling {} unfinished request(s)", pending.size());
      session.cancelAll("stdin closed");
    } catch (Exception e) {
      log.warn("stdin closed; cancelling {} unfinished request(s)", pending.size());
      session.cancelAll("stdin closed");
    }
    flush();
  }

  private static String decodeUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      return null;
    }
  }

  private void write(JsonRpcMessage message) {
    writeLine(JsonRpcCodec.encode(message));
  }

  // One writer at a time, and a whole line per write, so messages never interleave.
  private void writeLine(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    synchronized (writeLock) {
      try {
        out.write(bytes);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("stdout closed", e);
      }
    }
  }

  private void flush() {
    synchronized (writeLock) {
      try {
        out.flush();
      } catch (IOException e) {
        log.debug("stdout already closed", e);
      }
    }
  }
}
