package dev.jamfmcp.jamf;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One sort criterion for a Jamf Pro API list, rendered as {@code field:asc} or {@code field:desc}.
 */
public record Sort(String field, boolean ascending) {

  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  public Sort {
    Objects.requireNonNull(field, "field");
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("not a sortable field name: " + field);
    }
  }

  public static Sort asc(String field) {
    return new Sort(field, true);
  }

  public static Sort desc(String field) {
    return new Sort(field, false);
  }

  @Override
  public String toString() {
    return field + (ascending ? ":asc" : ":desc");
  }
}
