package dev.jamfmcp.mcp.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Captures what slf4j-simple writes (it resolves System.err on every write) while open. Tests using
 * it must not run in parallel with other tests that log.
 */
public final class CapturedLog implements AutoCloseable {

  private final PrintStream original = System.err;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  public CapturedLog() {
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  public String text() {
    System.err.flush();
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
    original.print(text()); // keep the lines in the test report
  }
}
