package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.module.SimpleModule;

/**
 * Reads one {@code {totalCount, results}} page, the work the pager does on every page it fetches.
 * The page is parsed with the streaming parser straight into records: its tree is never built, and
 * unknown members (sections nobody asked about) are skipped token by token. Public only so that the
 * page-parsing benchmark runs exactly this code.
 */
public final class PageReader<T> {

  /** Bound once: its root deserializer is looked up once per listing, not once per result. */
  private final ObjectReader itemReader;

  /**
   * Readers of the record types listed with {@link #ofRecords}: one mapper each, made once, since a
   * mapper's deserializer cache is what makes the first page of a listing cheap.
   */
  private static final ConcurrentMap<Class<?>, ObjectReader> RECORD_READERS =
      new ConcurrentHashMap<>();

  private PageReader(ObjectReader itemReader) {
    this.itemReader = itemReader;
  }

  /** Results read by Jackson's own deserializer for {@code itemType}. */
  static <T> PageReader<T> of(JavaType itemType) {
    return new PageReader<>(Json.MAPPER.readerFor(itemType));
  }

  /** The reader the pager uses for results of {@code itemType} (Jackson's own deserializer). */
  public static <T> PageReader<T> of(Class<T> itemType) {
    return of(Json.MAPPER.constructType(itemType));
  }

  /**
   * Results read by a {@link RecordReader}: for the records of hot listings (computers), which are
   * read 100,000 at a time. Same records as {@link #of(Class)}, a fraction of the work.
   *
   * @throws IllegalArgumentException if {@code recordType} is not a record the reader supports
   */
  public static <T extends Record> PageReader<T> ofRecords(Class<T> recordType) {
    return new PageReader<>(
        RECORD_READERS.computeIfAbsent(
            recordType,
            type ->
                Json.MAPPER
                    .rebuild()
                    .addModule(
                        new SimpleModule("records-" + type.getSimpleName())
                            .addDeserializer(recordType, RecordReader.of(recordType)))
                    .build()
                    .readerFor(type)));
  }

  /**
   * The page in {@code body}, the answer to page {@code pageIndex} of {@code operation}.
   *
   * @throws JamfProtocolException when the body is not such a page
   */
  public Page<T> read(byte[] body, String operation, int pageIndex) {
    try (JsonParser parser = Json.MAPPER.createParser(body)) {
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
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            T item;
            try {
              item = itemReader.readValue(parser);
            } catch (DatabindException e) {
              throw e.prependPath(results, results.size());
            }
            if (item == null) {
              throw Errors.malformed(
                  operation,
                  "result " + results.size() + " of page " + pageIndex + " is null",
                  null);
            }
            results.add(item);
          }
        } else {
          parser.skipChildren();
        }
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
      throw Errors.malformed(
          operation,
          "page " + pageIndex + " is not valid JSON (" + e.getOriginalMessage() + ")",
          e);
    }
  }
}
