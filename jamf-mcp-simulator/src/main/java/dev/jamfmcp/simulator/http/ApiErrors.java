package dev.jamfmcp.simulator.http;

import java.io.IOException;

/**
 * Jamf's error bodies: JSON {@code ApiError} for the Pro API, HTML status pages for the Classic
 * API.
 */
public final class ApiErrors {
  private ApiErrors() {}

  /** {@code {"httpStatus":N,"errors":[]}}, the body Jamf sends for 401 and other bare errors. */
  public static void bare(Exchange ex, int status) throws IOException {
    ex.json(
        status,
        json -> {
          json.writeStartObject();
          json.writeNumberProperty("httpStatus", status);
          json.writeArrayPropertyStart("errors");
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** One {@code ApiErrorCause} with code, field, description and id "0". */
  public static void cause(Exchange ex, int status, String code, String field, String description)
      throws IOException {
    ex.json(
        status,
        json -> {
          json.writeStartObject();
          json.writeNumberProperty("httpStatus", status);
          json.writeArrayPropertyStart("errors");
          json.writeStartObject();
          json.writeStringProperty("code", code);
          json.writeStringProperty("field", field);
          json.writeStringProperty("description", description);
          json.writeStringProperty("id", "0");
          json.writeEndObject();
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  public static void notFound(Exchange ex, String what) throws IOException {
    cause(ex, 404, "INVALID_ID", "id", what + " not found");
  }

  /** The Restlet status page the Classic API answers errors with. */
  public static void classicPage(Exchange ex, int status) throws IOException {
    String[] text = classicText(status);
    ex.html(
        status,
        "<html>\n<head>\n   <title>Status page</title>\n</head>\n<body style=\"font-family: sans-serif;\">\n"
            + "<p style=\"font-size: 1.2em;font-weight: bold;margin: 1em 0px;\">"
            + text[0]
            + "</p>\n"
            + "<p>"
            + text[1]
            + "</p>\n"
            + "<p>You can get technical details <a href=\"http://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html\">here</a>.<br>\n"
            + "Please continue your visit at our <a href=\"/\">home page</a>.\n</p>\n</body>\n</html>\n");
  }

  private static String[] classicText(int status) {
    switch (status) {
      case 400:
        return new String[] {
          "Bad Request", "The request could not be understood by the server due to malformed syntax"
        };
      case 401:
        return new String[] {"Unauthorized", "The request requires user authentication"};
      case 404:
        return new String[] {
          "Not Found", "The server has not found anything matching the request URI"
        };
      case 405:
        return new String[] {
          "Method Not Allowed",
          "The method specified in the request is not allowed for the resource identified by the request URI"
        };
      case 406:
        return new String[] {
          "Not Acceptable",
          "The simulator serves Classic API reads as JSON only; send Accept: application/json"
        };
      case 502:
        return new String[] {
          "Bad Gateway", "The server received an invalid response from the upstream server"
        };
      case 503:
        return new String[] {
          "Service Unavailable",
          "The server is currently unable to handle the request due to a temporary overloading or maintenance of the server"
        };
      default:
        return new String[] {
          "Internal Server Error",
          "The server encountered an unexpected condition which prevented it from fulfilling the request"
        };
    }
  }
}
