package dev.jamfmcp.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer without stickiness, for tests: every HTTP request goes to the next backend in
 * turn, whatever connection or session it belongs to. Responses, event streams included, are piped
 * back as they arrive. Each request uses its own connections ({@code Connection: close}). Requests
 * need a {@code Content-Length} (or no body).
 */
final class RoundRobinProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int[] backends;
  private final AtomicInteger next = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "rr-proxy");
            t.setDaemon(true);
            return t;
          });

  /** The backend index each request went to, in order, with its request line. */
  final List<String> routed = new CopyOnWriteArrayList<>();

  RoundRobinProxy(int... backendPorts) throws IOException {
    this.backends = backendPorts.clone();
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        pool.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      int length = 0;
      StringBuilder forwarded = new StringBuilder();
      String[] lines = head.split("\r\n");
      forwarded.append(lines[0]).append("\r\n");
      for (int i = 1; i < lines.length; i++) {
        String lower = lines[i].toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("content-length:")) {
          length = Integer.parseInt(lines[i].substring(15).trim());
        }
        if (!lower.startsWith("connection:")) {
          forwarded.append(lines[i]).append("\r\n");
        }
      }
      forwarded.append("Connection: close\r\n\r\n");
      byte[] body = in.readNBytes(length);
      int backend = Math.floorMod(next.getAndIncrement(), backends.length);
      routed.add(backend + " " + lines[0]);
      try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), backends[backend])) {
        OutputStream up = upstream.getOutputStream();
        up.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
        up.write(body);
        up.flush();
        InputStream down = upstream.getInputStream();
        OutputStream out = client.getOutputStream();
        String responseHead = readHead(down);
        if (responseHead == null) {
          return;
        }
        StringBuilder rewritten = new StringBuilder();
        for (String line : responseHead.split("\r\n")) {
          if (!line.toLowerCase(java.util.Locale.ROOT).startsWith("connection:")) {
            rewritten.append(line).append("\r\n");
          }
        }
        rewritten.append("Connection: close\r\n\r\n");
        out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = down.read(buffer)) != -1) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      // either side went away: the other is closed by try-with-resources
    }
  }

  /** The request or response head up to the blank line, or null at end of stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int state = 0;
    int c;
    while ((c = in.read()) != -1) {
      head.write(c);
      state =
          (c == '\r' && (state == 0 || state == 2))
              ? state + 1
              : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
      if (state == 4) {
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    pool.shutdownNow();
  }
}
