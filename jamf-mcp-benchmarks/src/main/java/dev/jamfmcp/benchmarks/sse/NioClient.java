package dev.jamfmcp.benchmarks.sse;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Many HTTP/1.1 connections on one selector thread (the caller's): no thread per connection, one
 * shared 16 KiB read buffer, a 4 KiB receive buffer per socket. At most {@code window} connections
 * are being set up at once (connecting, or waiting for their answer), so that the server's accept
 * queue is not flooded; a stream gives up its slot at its first event, on failure, or {@code
 * slotTimeoutMillis} after its request was written (for servers that send nothing until their first
 * event).
 */
final class NioClient implements AutoCloseable {
  private final InetSocketAddress address;
  private final String host;
  private final Selector selector;
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(16 * 1024);
  private final Deque<Conn> waiting = new ArrayDeque<>();
  private final Deque<Conn> inSetup = new ArrayDeque<>();
  private final int window;
  private final long slotTimeoutNanos;
  private int finishedSetups;

  NioClient(InetSocketAddress address, int window, long slotTimeoutMillis) throws IOException {
    this.address = address;
    this.host = address.getHostString() + ":" + address.getPort();
    this.selector = Selector.open();
    this.window = window;
    this.slotTimeoutNanos = slotTimeoutMillis * 1_000_000L;
  }

  /** Queues connections to open; {@link #run} opens them. */
  void enqueue(List<Conn> conns) {
    waiting.addAll(conns);
  }

  /** Setups finished (successfully or not) since the client was made. */
  int finishedSetups() {
    return finishedSetups;
  }

  /** Runs the event loop until {@code done} holds or {@code deadlineNanos} passes. */
  void run(BooleanSupplier done, long deadlineNanos) throws IOException {
    while (!done.getAsBoolean() && System.nanoTime() < deadlineNanos) {
      expireSlots();
      while (inSetup.size() < window && !waiting.isEmpty()) {
        connect(waiting.poll());
      }
      selector.select(20);
      Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
      while (keys.hasNext()) {
        SelectionKey key = keys.next();
        keys.remove();
        Conn conn = (Conn) key.attachment();
        try {
          if (key.isValid() && key.isConnectable()) {
            conn.channel.finishConnect();
            send(conn, key);
          } else {
            if (key.isValid() && key.isWritable()) {
              flush(conn, key);
            }
            if (key.isValid() && key.isReadable()) {
              read(conn, key);
            }
          }
        } catch (IOException | RuntimeException e) {
          fail(conn, e.toString());
        }
      }
    }
  }

  /** Closes every connection (the streams end). */
  @Override
  public void close() throws IOException {
    for (SelectionKey key : selector.keys()) {
      key.channel().close();
    }
    selector.close();
  }

  private void connect(Conn conn) {
    inSetup.add(conn);
    try {
      SocketChannel channel = SocketChannel.open();
      conn.channel = channel;
      channel.configureBlocking(false);
      channel.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
      channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
      conn.startNanos = System.nanoTime();
      if (channel.connect(address)) {
        send(conn, channel.register(selector, 0, conn));
      } else {
        channel.register(selector, SelectionKey.OP_CONNECT, conn);
      }
    } catch (IOException e) {
      fail(conn, e.toString());
    }
  }

  private void send(Conn conn, SelectionKey key) throws IOException {
    conn.out = ByteBuffer.wrap(request(conn).getBytes(StandardCharsets.US_ASCII));
    key.interestOps(SelectionKey.OP_READ);
    flush(conn, key);
  }

  private void flush(Conn conn, SelectionKey key) throws IOException {
    conn.channel.write(conn.out);
    if (conn.out.hasRemaining()) {
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    } else {
      conn.out = null;
      conn.writtenNanos = System.nanoTime();
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  private void read(Conn conn, SelectionKey key) throws IOException {
    readBuffer.clear();
    int n = conn.channel.read(readBuffer);
    if (n < 0) {
      key.cancel();
      conn.channel.close();
      if (conn.closedNanos == 0) {
        conn.closedNanos = System.nanoTime();
      }
      if (conn.flow == Conn.Flow.SESSION && conn.requestsDone == 2) {
        return; // the server closed after the last answer, as asked
      }
      fail(conn, "closed by the server");
      return;
    }
    readBuffer.flip();
    boolean complete = conn.feed(readBuffer);
    if (conn.flow == Conn.Flow.STREAM) {
      if (conn.headersNanos == 0 && conn.status != 0) {
        conn.headersNanos = System.nanoTime();
        if (conn.status != 200) {
          fail(conn, "status " + conn.status);
          return;
        }
      }
      if (conn.firstEventNanos != 0) {
        releaseSlot(conn);
      }
      return;
    }
    if (complete) {
      conn.requestsDone++;
      if (conn.status / 100 != 2 || conn.sessionId == null) {
        fail(conn, "status " + conn.status + (conn.sessionId == null ? ", no session id" : ""));
      } else if (conn.requestsDone == 1) {
        conn.status = 0;
        send(conn, key);
      } else {
        // Leave the close to the server (Connection: close), so that TIME_WAIT is on its side.
        releaseSlot(conn);
      }
    }
  }

  private void expireSlots() {
    long now = System.nanoTime();
    for (Iterator<Conn> it = inSetup.iterator(); it.hasNext(); ) {
      Conn conn = it.next();
      if (conn.flow == Conn.Flow.STREAM
          && conn.writtenNanos != 0
          && now - conn.writtenNanos > slotTimeoutNanos) {
        it.remove();
        conn.slotReleasedNanos = now;
        finishedSetups++;
      }
    }
  }

  private void releaseSlot(Conn conn) {
    if (conn.slotReleasedNanos == 0) {
      conn.slotReleasedNanos = System.nanoTime();
      inSetup.remove(conn);
      finishedSetups++;
    }
  }

  private void fail(Conn conn, String why) {
    if (conn.failure == null) {
      conn.failure = why;
    }
    if (conn.closedNanos == 0) {
      conn.closedNanos = System.nanoTime();
    }
    try {
      if (conn.channel != null) {
        conn.channel.close();
      }
    } catch (IOException e) {
      // closing anyway
    }
    releaseSlot(conn);
  }

  private String request(Conn conn) {
    if (conn.flow == Conn.Flow.STREAM) {
      if (conn.sessionId == null) { // legacy HTTP+SSE
        return "GET /sse HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n\r\n";
      }
      return "GET /mcp HTTP/1.1\r\nHost: "
          + host
          + "\r\nAccept: text/event-stream\r\nMcp-Session-Id: "
          + conn.sessionId
          + "\r\nMCP-Protocol-Version: 2025-06-18\r\n\r\n";
    }
    if (conn.requestsDone == 0) {
      return post(
          null,
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
              + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"sse-hold\","
              + "\"version\":\"1\"}}}",
          "");
    }
    return post(
        conn.sessionId,
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
        "Connection: close\r\n");
  }

  private String post(String sessionId, String body, String extraHeaders) {
    return "POST /mcp HTTP/1.1\r\nHost: "
        + host
        + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
        + (sessionId == null
            ? ""
            : "Mcp-Session-Id: " + sessionId + "\r\nMCP-Protocol-Version: 2025-06-18\r\n")
        + extraHeaders
        + "Content-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }
}
