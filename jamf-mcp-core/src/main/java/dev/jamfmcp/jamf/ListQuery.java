package dev.jamfmcp.jamf;

import java.util.ArrayList;
import java.util.List;

/**
 * What to ask of a Jamf Pro API list: an optional filter, sort criteria, the inventory sections to
 * include (ask only for what you need: it is the biggest lever on speed and memory) and the page
 * size, clamped to Jamf's maximum of 2000.
 *
 * <pre>{@code
 * ListQuery.all()
 *     .withSections(ComputerSection.GENERAL, ComputerSection.HARDWARE)
 *     .withFilter(Rsql.eq("hardware.model", "MacBook Air"))
 *     .withSort(Sort.asc("general.name"));
 * }</pre>
 *
 * @param pageSize 0 means the client's default
 */
public record ListQuery(Rsql filter, List<Sort> sort, List<String> sections, int pageSize) {

  /** Jamf Pro silently clamps larger page sizes to this. */
  public static final int MAX_PAGE_SIZE = 2000;

  public ListQuery {
    sort = List.copyOf(sort);
    sections = List.copyOf(sections);
    if (pageSize < 0) {
      throw new IllegalArgumentException("pageSize must not be negative");
    }
    pageSize = Math.min(pageSize, MAX_PAGE_SIZE);
  }

  /** Everything, in the endpoint's default order, with only its default section. */
  public static ListQuery all() {
    return new ListQuery(null, List.of(), List.of(), 0);
  }

  public ListQuery withFilter(Rsql newFilter) {
    return new ListQuery(newFilter, sort, sections, pageSize);
  }

  public ListQuery withSort(Sort... criteria) {
    return new ListQuery(filter, List.of(criteria), sections, pageSize);
  }

  public ListQuery withSections(Enum<?>... chosen) {
    List<String> names = new ArrayList<>();
    for (Enum<?> section : chosen) {
      names.add(section.name());
    }
    return new ListQuery(filter, sort, names, pageSize);
  }

  public ListQuery withPageSize(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("page size must be at least 1");
    }
    return new ListQuery(filter, sort, sections, size);
  }
}
