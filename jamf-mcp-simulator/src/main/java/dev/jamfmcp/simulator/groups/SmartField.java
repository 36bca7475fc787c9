package dev.jamfmcp.simulator.groups;

import dev.jamfmcp.simulator.rsql.Field;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A field a smart group criterion can test, by kind: text, version, number, date, yes/no. Each kind
 * knows its search types (Jamf's spelling) and turns one criterion into a predicate over rows. Text
 * that was not collected compares as empty, as in Jamf; a date, number, version order or yes/no
 * that was not collected never matches (neither "is" nor "is not").
 */
sealed interface SmartField {

  /** The search types this field accepts, in Jamf's spelling. */
  List<String> searchTypes();

  /** A predicate for {@code searchType} (already known to be accepted) and {@code value}. */
  IntPredicate test(String searchType, String value, long nowMillis);

  record Text(IntFunction<String> text) implements SmartField {
    static final List<String> TYPES =
        List.of("is", "is not", "like", "not like", "matches regex", "does not match regex");

    @Override
    public List<String> searchTypes() {
      return TYPES;
    }

    @Override
    public IntPredicate test(String searchType, String value, long nowMillis) {
      return textTest(text, searchType, value);
    }
  }

  record Version(IntFunction<String> text) implements SmartField {
    static final List<String> TYPES =
        List.of(
            "is",
            "is not",
            "like",
            "not like",
            "greater than",
            "less than",
            "greater than or equal",
            "less than or equal");

    @Override
    public List<String> searchTypes() {
      return TYPES;
    }

    @Override
    public IntPredicate test(String searchType, String value, long nowMillis) {
      if (!searchType.contains("than")) {
        return textTest(text, searchType, value);
      }
      if (!value.matches("\\d+(\\.\\d+)*")) {
        throw new InvalidCriteria("'" + value + "' is not a version such as 14 or 15.7.1");
      }
      return row -> {
        String v = text.apply(row);
        if (v == null || v.isEmpty()) {
          return false;
        }
        int c = compareVersions(v, value);
        switch (searchType) {
          case "greater than":
            return c > 0;
          case "less than":
            return c < 0;
          case "greater than or equal":
            return c >= 0;
          default:
            return c <= 0;
        }
      };
    }
  }

  record Number(IntToLongFunction number) implements SmartField {
    static final List<String> TYPES = List.of("is", "is not", "more than", "less than");

    @Override
    public List<String> searchTypes() {
      return TYPES;
    }

    @Override
    public IntPredicate test(String searchType, String value, long nowMillis) {
      long bound;
      try {
        bound = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new InvalidCriteria("'" + value + "' is not a whole number");
      }
      return row -> {
        long v = number.applyAsLong(row);
        if (v == Field.NULL) {
          return false;
        }
        switch (searchType) {
          case "is":
            return v == bound;
          case "is not":
            return v != bound;
          case "more than":
            return v > bound;
          default:
            return v < bound;
        }
      };
    }
  }

  record Date(IntToLongFunction epochMillis) implements SmartField {
    static final List<String> TYPES =
        List.of(
            "more than x days ago",
            "less than x days ago",
            "before (yyyy-mm-dd)",
            "after (yyyy-mm-dd)");

    @Override
    public List<String> searchTypes() {
      return TYPES;
    }

    @Override
    public IntPredicate test(String searchType, String value, long nowMillis) {
      long bound;
      boolean before;
      if (searchType.endsWith("days ago")) {
        long days;
        try {
          days = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
          throw new InvalidCriteria("'" + value + "' is not a number of days");
        }
        if (days < 0) {
          throw new InvalidCriteria("A number of days cannot be negative: " + value);
        }
        bound = nowMillis - Duration.ofDays(days).toMillis();
        before = searchType.startsWith("more");
      } else {
        LocalDate date;
        try {
          date = LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
          throw new InvalidCriteria("'" + value + "' is not a date in the form yyyy-mm-dd");
        }
        before = searchType.startsWith("before");
        bound =
            (before ? date : date.plusDays(1))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant()
                .toEpochMilli();
      }
      boolean older = before;
      return row -> {
        long v = epochMillis.applyAsLong(row);
        return v != Field.NULL && (older ? v < bound : v >= bound);
      };
    }
  }

  record YesNo(IntPredicate known, IntPredicate value) implements SmartField {
    static final List<String> TYPES = List.of("is", "is not");

    @Override
    public List<String> searchTypes() {
      return TYPES;
    }

    @Override
    public IntPredicate test(String searchType, String text, long nowMillis) {
      String v = text.trim().toLowerCase(Locale.ROOT);
      boolean yes;
      if (v.equals("yes") || v.equals("true")) {
        yes = true;
      } else if (v.equals("no") || v.equals("false")) {
        yes = false;
      } else {
        throw new InvalidCriteria("'" + text + "' is not Yes or No");
      }
      boolean wanted = searchType.equals("is") == yes;
      return row -> known.test(row) && value.test(row) == wanted;
    }
  }

  private static IntPredicate textTest(IntFunction<String> text, String searchType, String value) {
    switch (searchType) {
      case "is":
        return row -> orEmpty(text.apply(row)).equalsIgnoreCase(value);
      case "is not":
        return row -> !orEmpty(text.apply(row)).equalsIgnoreCase(value);
      case "like":
        return row -> contains(text.apply(row), value);
      case "not like":
        return row -> !contains(text.apply(row), value);
      default:
        Pattern pattern;
        try {
          pattern = Pattern.compile(value, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
          throw new InvalidCriteria("'" + value + "' is not a valid regular expression");
        }
        boolean matches = searchType.equals("matches regex");
        return row -> pattern.matcher(orEmpty(text.apply(row))).find() == matches;
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static boolean contains(String text, String part) {
    return orEmpty(text).toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
  }

  /** Compares dotted versions by number (14.10 after 14.9); missing parts count as 0. */
  static int compareVersions(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = part(x, i);
      long q = part(y, i);
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }

  private static long part(String[] parts, int i) {
    if (i >= parts.length) {
      return 0;
    }
    String digits = parts[i].replaceAll("\\D.*", "");
    return digits.isEmpty() ? 0 : Long.parseLong(digits);
  }
}
