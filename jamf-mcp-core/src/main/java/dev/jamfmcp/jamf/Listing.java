package dev.jamfmcp.jamf;

import java.util.Iterator;
import java.util.List;

/**
 * A Jamf Pro API list, fetched lazily. Iterating (or {@link #forEach}) pages through it until
 * {@code totalCount} results were seen, fetching the following pages concurrently within the
 * client's request limit while only a few pages are held in memory at a time: a whole fleet can be
 * streamed to a consumer. Each iteration asks Jamf Pro afresh; nothing is cached. A listing may be
 * shared between threads; each iterator belongs to the thread that uses it.
 *
 * <pre>{@code
 * jamf.computers().list(query).forEach(computer -> report.add(computer));
 * }</pre>
 */
public interface Listing<T> extends Iterable<T> {

  /** One page as Jamf Pro returns it (0-based), with the total. */
  Page<T> page(int pageIndex);

  /** How many results the list has, at the cost of one tiny request. */
  long count();

  /** The first {@code limit} results, fetching only the pages needed for them. */
  List<T> first(int limit);

  /** Every result in one list. Prefer iteration for fleets: this holds them all in memory. */
  List<T> toList();

  /** Pages through the whole list, prefetching concurrently; results arrive in list order. */
  @Override
  Iterator<T> iterator();
}
