package dev.jamfmcp.server;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns slf4j-simple's text records into JSON lines. slf4j-simple writes a record (its line, then
 * any stack trace) and flushes once, under a lock; each flush here becomes one JSON object: {@code
 * {"time":..,"level":..,"logger":..,"message":..,"error":..}}. Text in any other shape (a stray
 * print to stderr) becomes a record with only a message.
 */
final class JsonLinesStream extends OutputStream {
  private static final Pattern RECORD =
      Pattern.compile(
          "(\\d{4}-\\d\\d-\\d\\dT[^ ]+) (TRACE|DEBUG|INFO|WARN|ERROR) ([^ ]+) - (.*)",
          Pattern.DOTALL);

  private final PrintStream out;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);

  JsonLinesStream(PrintStream out) {
    this.out = out;
  }

  @Override
  public synchronized void write(int b) {
    buffer.write(b);
  }

  @Override
  public synchronized void write(byte[] bytes, int off, int len) {
    buffer.write(bytes, off, len);
  }

  @Override
  public synchronized void flush() {
    String text = buffer.toString(StandardCharsets.UTF_8).stripTrailing();
    buffer.reset();
    if (!text.isEmpty()) {
      out.println(toJson(text));
      out.flush();
    }
  }

  static String toJson(String text) {
    Matcher m = RECORD.matcher(text);
    StringBuilder json = new StringBuilder(text.length() + 64).append('{');
    if (!m.matches()) {
      field(json, "message", text);
      return json.append('}').toString();
    }
    String body = m.group(4);
    int newline = body.indexOf('\n');
    field(json, "time", m.group(1)).append(',');
    field(json, "level", m.group(2)).append(',');
    field(json, "logger", m.group(3)).append(',');
    field(json, "message", newline < 0 ? body : body.substring(0, newline));
    if (newline >= 0) {
      field(json.append(','), "error", body.substring(newline + 1));
    }
    return json.append('}').toString();
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    json.append('"').append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"');
  }
}
