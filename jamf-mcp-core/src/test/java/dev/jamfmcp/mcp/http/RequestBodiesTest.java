package dev.jamfmcp.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The body reader the blocking adapters share (Javalin, Jetty, the servlet face). */
class RequestBodiesTest {

  private static InputStream bytes(int n) {
    return new ByteArrayInputStream(new byte[n]);
  }

  /** Counts how much of a stream was read. */
  private static final class Counting extends ByteArrayInputStream {
    final AtomicInteger read = new AtomicInteger();

    Counting(int n) {
      super(new byte[n]);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      int n = super.read(b, off, len);
      if (n > 0) {
        read.addAndGet(n);
      }
      return n;
    }
  }

  @Test
  void readsABodyWithOrWithoutADeclaredLength() throws IOException {
    byte[] text = "{\"jsonrpc\":\"2.0\"}".getBytes(StandardCharsets.UTF_8);
    assertThat(RequestBodies.read(new ByteArrayInputStream(text), text.length, 100, 0, t -> false))
        .isEqualTo(text);
    assertThat(RequestBodies.read(new ByteArrayInputStream(text), -1, 100, 0, t -> false))
        .isEqualTo(text);
    assertThat(RequestBodies.read(bytes(0), 0, 100, 1024, t -> false)).isEmpty();
  }

  @Test
  void aBodyDeclaredTooLargeIsRefusedAndASmallExcessIsReadAndDropped() {
    Counting excess = new Counting(150);
    assertThatThrownBy(() -> RequestBodies.read(excess, 150, 100, 0, t -> false))
        .isInstanceOf(BodyTooLargeException.class);
    assertThat(excess.read.get()).isEqualTo(150); // swallowed, so the 413 reaches the client

    Counting huge = new Counting(16);
    assertThatThrownBy(
            () ->
                RequestBodies.read(
                    huge, 100 + (long) RequestBodies.SWALLOW_BYTES + 1, 100, 0, t -> false))
        .isInstanceOf(BodyTooLargeException.class);
    assertThat(huge.read.get()).isZero(); // too much to be worth reading
  }

  @Test
  void anUndeclaredBodyThatGrowsTooLargeIsCutOff() {
    assertThatThrownBy(() -> RequestBodies.read(bytes(50_000), -1, 1000, 0, t -> false))
        .isInstanceOf(BodyTooLargeException.class);
  }

  @Test
  void aReadTimeoutAnywhereInTheCauseChainIsABodyTimeout() {
    InputStream stalled =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("wrapped", new SocketTimeoutException("idle"));
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            return read();
          }
        };
    assertThatThrownBy(() -> RequestBodies.read(stalled, -1, 100, 0, t -> false))
        .isInstanceOf(BodyTimeoutException.class);

    class AdapterTimeout extends RuntimeException {
      private static final long serialVersionUID = 1L;
    }
    InputStream adapter =
        new InputStream() {
          @Override
          public int read() {
            throw new AdapterTimeout();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return read();
          }
        };
    assertThatThrownBy(
            () -> RequestBodies.read(adapter, -1, 100, 0, t -> t instanceof AdapterTimeout))
        .isInstanceOf(BodyTimeoutException.class);
    assertThatThrownBy(() -> RequestBodies.read(adapter, -1, 100, 0, t -> false))
        .isInstanceOf(IOException.class)
        .isNotInstanceOf(BodyTimeoutException.class)
        .hasMessageContaining("could not be read");
  }

  @Test
  void anUnreadBodyIsSwallowedOnlyWhenSmallEnough() {
    Counting small = new Counting(300);
    RequestBodies.swallowUnread(small, 300, 0);
    assertThat(small.read.get()).isEqualTo(300);

    Counting chunked = new Counting(500);
    RequestBodies.swallowUnread(chunked, -1, 0);
    assertThat(chunked.read.get()).isEqualTo(500);

    Counting large = new Counting(10);
    RequestBodies.swallowUnread(large, RequestBodies.SWALLOW_BYTES + 1L, 0);
    assertThat(large.read.get()).isZero();

    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("reset");
          }
        };
    RequestBodies.swallowUnread(broken, 10, 0); // the answer goes out regardless: no exception
  }
}
