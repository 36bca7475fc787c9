package dev.jamfmcp.simulator.rsql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code sort} parameter ({@code general.name:asc,id:desc}, possibly repeated). Rows that
 * tie on every key keep their row order, so pages never overlap.
 */
public final class SortOrder {
  private final List<Field> keys;
  private final List<Boolean> descending;
  private final String canonical;

  private SortOrder(List<Field> keys, List<Boolean> descending, String canonical) {
    this.keys = keys;
    this.descending = descending;
    this.canonical = canonical;
  }

  /** Parses every {@code sort} value given, falling back to {@code defaultSort} when none is. */
  public static SortOrder parse(List<String> sortParameters, String defaultSort, FieldSet fields) {
    List<String> terms = new ArrayList<>();
    for (String parameter : sortParameters) {
      for (String term : parameter.split(",")) {
        if (!term.isBlank()) {
          terms.add(term.trim());
        }
      }
    }
    if (terms.isEmpty()) {
      terms.add(defaultSort);
    }
    List<Field> keys = new ArrayList<>();
    List<Boolean> descending = new ArrayList<>();
    StringBuilder canonical = new StringBuilder();
    for (String term : terms) {
      int colon = term.lastIndexOf(':');
      String name = colon < 0 ? term : term.substring(0, colon);
      String direction = colon < 0 ? "asc" : term.substring(colon + 1).toLowerCase(Locale.ROOT);
      if (!direction.equals("asc") && !direction.equals("desc")) {
        throw new RsqlException(
            RsqlException.INVALID_FIELD, "sort", "Invalid sort direction '" + direction + "'");
      }
      Field field =
          fields
              .find(name)
              .filter(Field::sortable)
              .orElseThrow(
                  () ->
                      new RsqlException(
                          RsqlException.INVALID_FIELD,
                          "sort",
                          "Field '" + name + "' is not supported in sort"));
      keys.add(field);
      descending.add(direction.equals("desc"));
      canonical.append(name).append(':').append(direction).append(',');
    }
    return new SortOrder(List.copyOf(keys), List.copyOf(descending), canonical.toString());
  }

  /** A stable text form, used as a cache key for pre-sorted orders. */
  public String canonical() {
    return canonical;
  }

  public IntComparator comparator() {
    IntComparator result = (a, b) -> 0;
    for (int i = keys.size() - 1; i >= 0; i--) {
      IntComparator key = keyComparator(keys.get(i));
      IntComparator directed = descending.get(i) ? (a, b) -> key.compare(b, a) : key;
      IntComparator rest = result;
      result =
          (a, b) -> {
            int c = directed.compare(a, b);
            return c != 0 ? c : rest.compare(a, b);
          };
    }
    IntComparator byKeys = result;
    return (a, b) -> {
      int c = byKeys.compare(a, b);
      return c != 0 ? c : Integer.compare(a, b);
    };
  }

  private static IntComparator keyComparator(Field field) {
    if (field.type() == Field.Type.STRING) {
      return (a, b) -> compareText(field.text().apply(a), field.text().apply(b));
    }
    return (a, b) -> Long.compare(field.number().applyAsLong(a), field.number().applyAsLong(b));
  }

  private static int compareText(String a, String b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1; // absent values sort first
    }
    return String.CASE_INSENSITIVE_ORDER.compare(a, b);
  }
}
