package dev.jamfmcp.mcp.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Reads a request body with a size limit and a slow-body check, for adapters that implement {@link
 * HttpExchange#readBody} over a blocking {@link InputStream} (the Javalin and Jetty exchanges, the
 * servlet face). Framework-free: the adapter says which of its exceptions mean a read timed out.
 */
public final class RequestBodies {
  /** How long a body may trickle before the minimum rate applies. */
  private static final long RATE_GRACE_NANOS = 2_000_000_000L;

  /**
   * How much of a refused body is still read and thrown away, so that a client which sends its
   * whole body before reading the answer sees the 413 instead of a connection reset (Tomcat's
   * maxSwallowSize, for the same reason). Larger bodies are cut off at once.
   */
  public static final int SWALLOW_BYTES = 2 * 1024 * 1024;

  private RequestBodies() {}

  /**
   * Reads the whole body.
   *
   * @param declared the Content-Length, or -1
   * @param minBytesPerSecond the slowest a body may arrive after a two-second grace; 0 turns the
   *     check off
   * @param timedOut which exceptions of the adapter mean an idle read timed out, besides {@link
   *     TimeoutException} and {@link SocketTimeoutException} anywhere in the cause chain
   * @throws BodyTooLargeException as soon as more than {@code maxBytes} arrive or are declared
   * @throws BodyTimeoutException when the body arrives too slowly or stops arriving
   */
  public static byte[] read(
      InputStream in,
      long declared,
      int maxBytes,
      long minBytesPerSecond,
      Predicate<Throwable> timedOut)
      throws IOException {
    long started = System.nanoTime();
    if (declared > maxBytes) {
      if (declared <= (long) maxBytes + SWALLOW_BYTES) {
        discard(in, declared, 0, minBytesPerSecond, started);
      }
      throw new BodyTooLargeException(maxBytes);
    }
    ByteArrayOutputStream body =
        new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, maxBytes)));
    byte[] buffer = new byte[declared > 0 ? (int) Math.min(declared, 8192) : 8192];
    try (in) {
      // With a declared length, stop at the last byte instead of waiting for the end of input.
      while (declared < 0 || body.size() < declared) {
        int read = in.read(buffer);
        if (read == -1) {
          break;
        }
        if (body.size() + read > maxBytes) {
          long received = body.size() + (long) read;
          discard(in, maxBytes + (long) SWALLOW_BYTES, received, minBytesPerSecond, started);
          throw new BodyTooLargeException(maxBytes);
        }
        body.write(buffer, 0, read);
        checkRate(minBytesPerSecond, body.size(), System.nanoTime() - started);
      }
    } catch (BodyTooLargeException | BodyTimeoutException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (isTimeout(e, timedOut)) {
        throw new BodyTimeoutException("the request body stopped arriving");
      }
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IOException("the request body could not be read", e);
    }
    return body.toByteArray();
  }

  /**
   * Reads and drops a body the handler answered without reading (a 401, 404 or 415 decided from the
   * headers alone), up to {@link #SWALLOW_BYTES}, so that the server need not close the connection
   * and cut off the answer of a client that sent its headers and body in two writes.
   *
   * @param declared the Content-Length, or -1 for a chunked body
   */
  public static void swallowUnread(InputStream in, long declared, long minBytesPerSecond) {
    if (declared == 0 || declared > SWALLOW_BYTES) {
      return; // nothing to read, or too much to be worth it: the server closes the connection
    }
    long upTo = declared < 0 ? SWALLOW_BYTES : declared;
    try (in) {
      discard(in, upTo, 0, minBytesPerSecond, System.nanoTime());
    } catch (IOException | RuntimeException e) {
      // The answer goes out regardless.
    }
  }

  /**
   * Reads and drops the rest of a refused body, up to {@code upTo} bytes in all; stops quietly on
   * the end of input, an error, or a body arriving too slowly (the 413 goes out regardless).
   */
  private static void discard(
      InputStream in, long upTo, long received, long minBytesPerSecond, long started) {
    byte[] sink = new byte[8192];
    try {
      while (received < upTo) {
        int read = in.read(sink, 0, (int) Math.min(sink.length, upTo - received));
        if (read == -1) {
          return;
        }
        received += read;
        checkRate(minBytesPerSecond, received, System.nanoTime() - started);
      }
    } catch (IOException | RuntimeException e) {
      // The client is gone or too slow: nothing left to be polite to.
    }
  }

  /**
   * Counts from when the handler starts reading, after a grace period: a server's own minimum data
   * rate (Jetty's) counts from the first byte, so a small body that arrived whole but waited for a
   * busy thread looked "slow" and failed.
   */
  private static void checkRate(long minBytesPerSecond, long received, long elapsedNanos)
      throws BodyTimeoutException {
    if (minBytesPerSecond <= 0 || elapsedNanos <= RATE_GRACE_NANOS) {
      return;
    }
    long owed = minBytesPerSecond * (elapsedNanos - RATE_GRACE_NANOS) / 1_000_000_000L;
    if (received < owed) {
      throw new BodyTimeoutException(
          "the request body arrived slower than " + minBytesPerSecond + " bytes per second");
    }
  }

  private static boolean isTimeout(Throwable e, Predicate<Throwable> timedOut) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof SocketTimeoutException
          || timedOut.test(t)) {
        return true;
      }
    }
    return false;
  }
}
