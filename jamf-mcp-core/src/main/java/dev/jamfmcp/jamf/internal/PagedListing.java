package dev.jamfmcp.jamf.internal;

import dev.jamfmcp.jamf.ListQuery;
import dev.jamfmcp.jamf.Listing;
import dev.jamfmcp.jamf.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@link Listing} over a {@code {totalCount, results}} endpoint with {@code page}/{@code
 * page-size}.
 */
final class PagedListing<T> implements Listing<T> {

  private final Transport transport;
  private final JamfRequest base;

  private final PageReader<T> reader;

  private final int pageSize;
  private final int parallelism;

  PagedListing(
      Transport transport, JamfRequest base, PageReader<T> reader, int pageSize, int parallelism) {
    this.transport = transport;
    this.base = base;
    this.reader = reader;
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

  /** One page, fetched and read by {@link PageReader}. */
  Page<T> fetch(int pageIndex, int size) {
    JamfRequest request =
        base.replaceQuery("page", Integer.toString(pageIndex))
            .replaceQuery("page-size", Integer.toString(size))
            .withPooledBody();
    JamfResponse response = transport.call(request);
    try {
      return reader.read(response.body(), response.length(), request.operation(), pageIndex);
    } finally {
      response.release(); // the records hold no reference to the bytes
    }
  }
}
