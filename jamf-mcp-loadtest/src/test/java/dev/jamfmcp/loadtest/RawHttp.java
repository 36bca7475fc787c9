package dev.jamfmcp.loadtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 by hand on a socket, for clients that misbehave in ways java.net.http cannot. */
final class RawHttp implements AutoCloseable {
  final Socket socket;
  final OutputStream out;
  final InputStream in;

  RawHttp(int port) throws IOException {
    socket = new Socket(InetAddress.getLoopbackAddress(), port);
    socket.setSoTimeout(15_000);
    out = socket.getOutputStream();
    in = socket.getInputStream();
  }

  /** The head of a POST to /mcp; add headers, then the body. */
  static String postHead(String extraHeaders, long contentLength) {
    return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + "Accept: application/json, text/event-stream\r\n"
        + extraHeaders
        + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "")
        + "\r\n";
  }

  RawHttp write(String text) throws IOException {
    return write(text.getBytes(StandardCharsets.UTF_8));
  }

  RawHttp write(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
    return this;
  }

  /**
   * Whatever the server sends until it closes, goes quiet for {@code quietMillis}, or {@code 4 *
   * quietMillis} have passed (a stream with pings never goes quiet).
   */
  String readAvailable(int quietMillis) throws IOException {
    socket.setSoTimeout(quietMillis);
    long until = System.nanoTime() + 4L * quietMillis * 1_000_000L;
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while (System.nanoTime() < until && (n = in.read(buffer)) != -1) {
        got.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException | java.net.SocketException e) {
      // quiet, or reset: what arrived is the answer
    }
    return got.toString(StandardCharsets.ISO_8859_1);
  }

  /** The status code of the first response line, or -1 if none arrived. */
  static int status(String response) {
    if (!response.startsWith("HTTP/1.1 ")) {
      return -1;
    }
    return Integer.parseInt(response.substring(9, 12));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
