package dev.jamfmcp.loadtest;

/** The JSON-RPC message in a reply body, whether sent as JSON or as an event stream. */
final class MessageBodies {
  private MessageBodies() {}

  static String jsonOf(String body, String contentType) {
    if (!contentType.startsWith("text/event-stream")) {
      return body;
    }
    String last = null;
    for (String line : body.split("\r?\n")) {
      if (line.startsWith("data:") && line.length() > 6) {
        last = line.substring(5).trim();
      }
    }
    return last;
  }
}
