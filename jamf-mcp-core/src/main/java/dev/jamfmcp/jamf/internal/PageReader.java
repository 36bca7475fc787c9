package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.JamfProtocolException;
import dev.jamfmcp.jamf.Page;
import java.nio.charset.StandardCharsets;
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

/**
 * Reads one {@code {totalCount, results}} page, the work the pager does on every page it fetches.
 * The page is parsed straight into records: its tree is never built, and unknown members (sections
 * nobody asked about) are skipped. Hot record listings ({@link #ofRecords}) are read from the bytes
 * by {@link JsonBytes} and {@link RecordReader}, without Jackson's tokenizer; the others by
 * Jackson's streaming parser. Public only so that the page-parsing benchmark runs exactly this
 * code.
 */
public final class PageReader<T> {

  /** Bound once: its root deserializer is looked up once per listing, not once per result. */
  private final ObjectReader itemReader;

  /** For the records of hot listings: reads pages from their bytes, without Jackson. */
  private final RecordReader<T> records;

  private static final byte[] TOTAL_COUNT = "totalCount".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RESULTS = "results".getBytes(StandardCharsets.US_ASCII);

  /**
   * Readers of the record types listed with {@link #ofRecords}, made once: building one reflects
   * over the record and its nested records.
   */
  private static final ConcurrentMap<Class<?>, RecordReader<?>> RECORD_READERS =
      new ConcurrentHashMap<>();

  private PageReader(ObjectReader itemReader, RecordReader<T> records) {
    this.itemReader = itemReader;
    this.records = records;
  }

  /** Results read by Jackson's own deserializer for {@code itemType}. */
  static <T> PageReader<T> of(JavaType itemType) {
    return new PageReader<>(Json.MAPPER.readerFor(itemType), null);
  }

  /** The reader the pager uses for results of {@code itemType} (Jackson's own deserializer). */
  public static <T> PageReader<T> of(Class<T> itemType) {
    return of(Json.MAPPER.constructType(itemType));
  }

  /**
   * Results read by a {@link RecordReader} straight from the page's bytes: for the records of hot
   * listings (computers), which are read 100,000 at a time. Same records as {@link #of(Class)}, a
   * fraction of the work.
   *
   * @throws IllegalArgumentException if {@code recordType} is not a record the reader supports
   */
  public static <T extends Record> PageReader<T> ofRecords(Class<T> recordType) {
    @SuppressWarnings("unchecked") // the map holds a RecordReader<X> under X.class
    RecordReader<T> reader =
        (RecordReader<T>) RECORD_READERS.computeIfAbsent(recordType, RecordReader::of);
    return new PageReader<>(null, reader);
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
   * The page in {@code body}, the answer to page {@code pageIndex} of {@code operation}.
   *
   * @throws JamfProtocolException when the body is not such a page
   */
  public Page<T> read(byte[] body, int length, String operation, int pageIndex) {
    if (length < 0 || length > body.length) {
      throw new IndexOutOfBoundsException("length " + length + " of " + body.length);
    }
    if (records != null) {
      return readRecords(body, length, operation, pageIndex);
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
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            T item;
            try {
              item = itemReader.readValue(parser);
            } catch (DatabindException e) {
              throw e.prependPath(results, results.size());
            }
            if (item == null) {
              throw nullResult(operation, pageIndex, results.size());
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
      throw unexpectedShape(operation, pageIndex, e);
    } catch (JacksonException e) {
      throw notJson(operation, pageIndex, e);
    }
  }

  private static JamfProtocolException unexpectedShape(
      String operation, int pageIndex, DatabindException e) {
    return Errors.malformed(
        operation,
        "page "
            + pageIndex
            + " has an unexpected shape at "
            + e.getPathReference()
            + " ("
            + e.getOriginalMessage()
            + ")",
        e);
  }

  private static JamfProtocolException notJson(
      String operation, int pageIndex, JacksonException e) {
    return notJson(operation, pageIndex, e.getOriginalMessage(), e);
  }

  private static JamfProtocolException notJson(
      String operation, int pageIndex, String detail, Exception cause) {
    return Errors.malformed(
        operation, "page " + pageIndex + " is not valid JSON (" + detail + ")", cause);
  }

  private static JamfProtocolException nullResult(String operation, int pageIndex, int index) {
    return Errors.malformed(
        operation, "result " + index + " of page " + pageIndex + " is null", null);
  }

  private Page<T> readRecords(byte[] body, int length, String operation, int pageIndex) {
    JsonBytes in = new JsonBytes(body, length);
    List<T> results = new ArrayList<>();
    long total = -1;
    try {
      int first = in.peek();
      if (first != '{') {
        if (first == -1 || "[\"-0123456789tfn".indexOf(first) >= 0) {
          throw Errors.malformed(operation, "expected an object with totalCount and results", null);
        }
        in.skipValue(); // throws: not the start of any JSON value
      }
      if (in.beginObject()) {
        do {
          int c = in.peek();
          if (in.nameIs(TOTAL_COUNT, "totalCount") && (c == '-' || (c >= '0' && c <= '9'))) {
            total = in.readLong(total); // a fraction or exponent is skipped, as before
          } else if (in.nameIs(RESULTS, "results") && c == '[') {
            readResults(in, results, operation, pageIndex);
          } else {
            in.skipValue();
          }
        } while (in.nextMember());
      }
      in.expectEnd();
    } catch (JsonBytes.Malformed e) {
      throw notJson(operation, pageIndex, e.getMessage(), e);
    } catch (DatabindException e) {
      throw unexpectedShape(operation, pageIndex, e);
    } catch (JacksonException e) {
      throw notJson(operation, pageIndex, e);
    }
    if (total < 0) {
      throw Errors.malformed(operation, "the page has no totalCount", null);
    }
    return new Page<>(total, results);
  }

  private void readResults(JsonBytes in, List<T> results, String operation, int pageIndex) {
    if (!in.beginArray()) {
      return;
    }
    do {
      T item;
      if (in.peek() == 'n') {
        in.skipValue();
        item = null;
      } else {
        try {
          item = records.read(in);
        } catch (DatabindException e) {
          throw e.prependPath(results, results.size());
        }
      }
      if (item == null) {
        throw nullResult(operation, pageIndex, results.size());
      }
      results.add(item);
    } while (in.nextElement());
  }
}
