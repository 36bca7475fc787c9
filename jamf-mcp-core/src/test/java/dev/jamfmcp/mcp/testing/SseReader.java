package dev.jamfmcp.mcp.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Parses an SSE body on a background thread into events and comments, in arrival order. Shared by
 * the HTTP faces' tests (Javalin, servlet).
 */
public final class SseReader implements AutoCloseable {
  /** One event (comment is set for comment lines; the other fields are then null). */
  public record Event(String event, String id, String data, String retry, String comment) {}

  private final InputStream body;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final StringBuilder raw = new StringBuilder();

  public SseReader(InputStream body) {
    this.body = body;
    Thread reader = new Thread(this::read, "sse-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
      String event = null, id = null, retry = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        synchronized (raw) {
          raw.append(line).append('\n');
        }
        if (line.isEmpty()) {
          if (data != null || id != null || event != null) {
            events.add(new Event(event, id, data == null ? null : data.toString(), retry, null));
          }
          event = id = retry = null;
          data = null;
        } else if (line.startsWith(":")) {
          events.add(new Event(null, null, null, null, line.substring(1)));
        } else {
          String[] field = line.split(": ?", 2);
          String value = field.length > 1 ? field[1] : "";
          switch (field[0]) {
            case "event" -> event = value;
            case "id" -> id = value;
            case "retry" -> retry = value;
            case "data" ->
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {}
          }
        }
      }
      events.add(new Event("EOF", null, null, null, null));
    } catch (IOException e) {
      events.add(new Event("EOF", null, null, null, null));
    }
  }

  /** The next event or comment; fails if none arrives in 30 s (a hang catcher, not a timing). */
  public Event next() throws InterruptedException {
    Event event = events.poll(30, TimeUnit.SECONDS);
    if (event == null) {
      throw new AssertionError("no SSE event within 30 s; so far: " + raw);
    }
    return event;
  }

  /** Skips comments. */
  public Event nextEvent() throws InterruptedException {
    Event event;
    do {
      event = next();
    } while (event.comment() != null);
    return event;
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
