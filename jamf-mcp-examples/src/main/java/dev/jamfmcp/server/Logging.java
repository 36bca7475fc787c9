package dev.jamfmcp.server;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Configures slf4j-simple before the first logger exists: level, a fixed line layout, stderr always
 * (stdout belongs to the stdio transport), and in JSON mode a stderr that turns each record into
 * one JSON object per line.
 */
final class Logging {
  private Logging() {}

  /**
   * The layout {@link JsonLinesStream} parses: {@code 2025-01-01T10:00:00.000Z INFO logger - msg}.
   */
  static final String DATE_FORMAT = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";

  static void configure(ServerConfig.Logs logs, PrintStream realStderr) {
    set("org.slf4j.simpleLogger.logFile", "System.err");
    set("org.slf4j.simpleLogger.defaultLogLevel", logs.level());
    set("org.slf4j.simpleLogger.showDateTime", "true");
    set("org.slf4j.simpleLogger.dateTimeFormat", DATE_FORMAT);
    set("org.slf4j.simpleLogger.showThreadName", "false");
    set("org.slf4j.simpleLogger.showShortLogName", "false");
    set("org.slf4j.simpleLogger.showLogName", "true");
    set("org.slf4j.simpleLogger.levelInBrackets", "false");
    // Jetty and Javalin narrate their start at info; the server prints its own summary.
    set("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    set("org.slf4j.simpleLogger.log.io.javalin", "warn");
    if (logs.json()) {
      System.setErr(
          new PrintStream(new JsonLinesStream(realStderr), false, StandardCharsets.UTF_8));
    }
  }

  // An operator's -D on the command line wins over the configured value.
  private static void set(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
