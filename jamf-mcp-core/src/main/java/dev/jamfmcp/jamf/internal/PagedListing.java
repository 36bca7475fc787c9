package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;

/**
 * {@link Listing} over a {@code {totalCount, results}} endpoint with {@code page}/{@code
 * page-size}.
 */
final class PagedListing<T> implements Listing<T> {

  private final Transport transport;
  private final JamfRequest base;

  /** Bound once: its root deserializer is looked up once per listing, not once per result. */
  private final ObjectReader itemReader;

  private final int pageSize;
  private final int parallelism;

  PagedListing(
      Transport transport, JamfRequest base, JavaType itemType, int pageSize, int parallelism) {
    this.transport = transport;
    this.base = base;
    this.itemReader = Json.MAPPER.readerFor(itemType);
    this.pageSize = Math.min(Math.max(1, pageSize), ListQuery.MAX_PAGE_SIZE);
    this.parallelism = Math.max(1, parallelism);
  }

  @Override
  public Page<T> page(int pageIndex) {
    return fetch(pageIndex, pageSize);
  }

  @Override
  public long count() {
    return fetch(0, 1).totalCount();
  }

  @Override
  public List<T> first(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    List<T> out = new ArrayList<>();
    PageIterator<T> it = new PageIterator<>(this, Math.min(pageSize, limit), limit, parallelism);
    while (out.size() < limit && it.hasNext()) {
      out.add(it.next());
    }
    return out;
  }

  @Override
  public List<T> toList() {
    List<T> out = new ArrayList<>();
    iterator().forEachRemaining(out::add);
    return out;
  }

  @Override
  public Iterator<T> iterator() {
    return new PageIterator<>(this, pageSize, Long.MAX_VALUE, parallelism);
  }

  Transport transport() {
    return transport;
  }

  /**
   * One page, parsed with the streaming parser straight into records: the page's tree is never
   * built, and unknown members (sections nobody asked about) are skipped token by token.
   */
  Page<T> fetch(int pageIndex, int size) {
    JamfRequest request =
        base.replaceQuery("page", Integer.toString(pageIndex))
            .replaceQuery("page-size", Integer.toString(size));
    JamfResponse response = transport.call(request);
    try (JsonParser parser = Json.MAPPER.createParser(response.body())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw Errors.malformed(
            request.operation(), "expected an object with totalCount and results", null);
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
            results.add(itemReader.readValue(parser));
          }
        } else {
          parser.skipChildren();
        }
      }
      if (total < 0) {
        throw Errors.malformed(request.operation(), "the page has no totalCount", null);
      }
      return new Page<>(total, results);
    } catch (JacksonException e) {
      throw Errors.malformed(
          request.operation(),
          "page " + pageIndex + " is not valid JSON (" + e.getOriginalMessage() + ")",
          e);
    }
  }
}
