package dev.jamfmcp.simulator.rsql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * Filtering, sorting and paging over rows {@code 0..size-1} described by a {@link FieldSet}. For
 * immutable data ({@code cacheOrders}) each distinct sort is computed once and reused, so a client
 * paging through 100,000 computers costs one sort, then a scan per page.
 */
public final class Table {
  private static final int MAX_CACHED_ORDERS = 32;

  private final FieldSet fields;
  private final int size;
  private final boolean cacheOrders;
  private final Map<String, int[]> orders = new ConcurrentHashMap<>();

  public Table(FieldSet fields, int size, boolean cacheOrders) {
    this.fields = fields;
    this.size = size;
    this.cacheOrders = cacheOrders;
  }

  public FieldSet fields() {
    return fields;
  }

  public int size() {
    return size;
  }

  /** One page of matching rows plus the number of all matching rows. */
  public record Page(int totalCount, int[] rows) {}

  /**
   * @throws RsqlException for a bad filter or sort, before any row is read
   */
  public Page query(String filter, List<String> sort, String defaultSort, int page, int pageSize) {
    IntPredicate predicate = RowFilter.compile(filter, fields);
    int[] order = order(SortOrder.parse(sort, defaultSort, fields));
    long first = (long) page * pageSize;
    int[] rows = new int[(int) Math.max(0, Math.min(pageSize, size - Math.min(first, size)))];
    int taken = 0;
    int matched = 0;
    for (int row : order) {
      if (predicate.test(row)) {
        if (matched >= first && taken < rows.length) {
          rows[taken++] = row;
        }
        matched++;
      }
    }
    return new Page(matched, taken == rows.length ? rows : java.util.Arrays.copyOf(rows, taken));
  }

  /** How many rows match; used for ground truth and smart groups. */
  public int count(IntPredicate predicate) {
    int matched = 0;
    for (int row = 0; row < size; row++) {
      if (predicate.test(row)) {
        matched++;
      }
    }
    return matched;
  }

  private int[] order(SortOrder sort) {
    if (!cacheOrders) {
      return sorted(sort);
    }
    int[] cached = orders.get(sort.canonical());
    if (cached != null) {
      return cached;
    }
    if (orders.size() >= MAX_CACHED_ORDERS) {
      orders.clear(); // a bound, not an LRU: clients rarely use more than a few sorts
    }
    return orders.computeIfAbsent(sort.canonical(), key -> sorted(sort));
  }

  private int[] sorted(SortOrder sort) {
    int[] rows = new int[size];
    for (int i = 0; i < size; i++) {
      rows[i] = i;
    }
    IntSorter.sort(rows, sort.comparator());
    return rows;
  }
}
