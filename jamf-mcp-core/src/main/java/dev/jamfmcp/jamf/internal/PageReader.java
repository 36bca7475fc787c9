package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.Page;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;

/**
 * Reads one {@code {totalCount, results}} page, the work the pager does on every page it fetches:
 * Jackson's streaming parser over the page's bytes as received (the pooled buffer, never copied to
 * a String), each result bound by Jackson's own deserializer as the parser reaches it. The page's
 * tree is never built, and unknown members (sections nobody asked about) are skipped. Public only
 * so that the page-parsing benchmark runs exactly this code.
 */
public final class PageReader<T> {

  /** Bound once: its root deserializer is looked up once per listing, not once per result. */
  private final ObjectReader itemReader;

  private PageReader(ObjectReader itemReader) {
    this.itemReader = itemReader;
  }

  /** Results read by Jackson's deserializer for {@code itemType}. */
  static <T> PageReader<T> of(JavaType itemType) {
    return new PageReader<>(Json.MAPPER.readerFor(itemType));
  }

  /** The reader the pager uses for results of {@code itemType}. */
  public static <T> PageReader<T> of(Class<T> itemType) {
    return of(Json.MAPPER.constructType(itemType));
  }

  /**
   * The page in {@code body}, the answer to page {@code pageIndex} of {@code operation}.
   *
   * @throws JamfProtocolException when the body is not such a page
   */
  public Page<T> read(byte[] body, String operation, int pageIndex) {
    return read(body, body.length, operation, pageIndex);
  }

  /**
   * The page in the first {@code length} bytes of {@code body}, the answer to page {@code
   * pageIndex} of {@code operation}.
   *
   * @throws JamfProtocolException when the body is not such a page
   */
  public Page<T> read(byte[] body, int length, String operation, int pageIndex) {
    if (length < 0 || length > body.length) {
      throw new IndexOutOfBoundsException("length " + length + " of " + body.length);
    }
    try (JsonParser parser = Json.MAPPER.createParser(body, 0, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw Errors.malformed(operation, "expected an object with totalCount and results", null);
      }
      long total = -1;
      List<T> results = new ArrayList<>();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if ("totalCount".equals(name) && value == JsonToken.VALUE_NUMBER_INT) {
          total = parser.getLongValue();
        } else if ("results".equals(name) && value == JsonToken.START_ARRAY) {
          readResults(parser, results, operation, pageIndex);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw notJson(operation, pageIndex, "content after the page's object", null);
      }
      if (total < 0) {
        throw Errors.malformed(operation, "the page has no totalCount", null);
      }
      return new Page<>(total, results);
    } catch (DatabindException e) {
      throw Errors.malformed(
          operation,
          "page "
              + pageIndex
              + " has an unexpected shape at "
              + e.getPathReference()
              + " ("
              + e.getOriginalMessage()
              + ")",
          e);
    } catch (JacksonException e) {
      throw notJson(operation, pageIndex, e.getOriginalMessage(), e);
    }
  }

  /** The elements of a results array, from its first to its end, added to {@code results}. */
  private void readResults(JsonParser parser, List<T> results, String operation, int pageIndex) {
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      T item;
      try {
        item = itemReader.readValue(parser);
      } catch (DatabindException e) {
        throw e.prependPath(results, results.size());
      }
      if (item == null) {
        throw Errors.malformed(
            operation, "result " + results.size() + " of page " + pageIndex + " is null", null);
      }
      results.add(item);
    }
  }

  private static JamfProtocolException notJson(
      String operation, int pageIndex, String detail, Exception cause) {
    return Errors.malformed(
        operation, "page " + pageIndex + " is not valid JSON (" + detail + ")", cause);
  }
}
