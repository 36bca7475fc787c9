package dev.jamfmcp.simulator.rsql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;

/** Compiles a parsed filter against a {@link FieldSet} into a predicate over row numbers. */
public final class RowFilter {
  private RowFilter() {}

  /** Parses and compiles {@code filter}; a blank filter matches every row. */
  public static IntPredicate compile(String filter, FieldSet fields) {
    Optional<RsqlNode> node = RsqlParser.parse(filter);
    return node.isPresent() ? compile(node.get(), fields) : row -> true;
  }

  public static IntPredicate compile(RsqlNode node, FieldSet fields) {
    if (node instanceof RsqlNode.And and) {
      IntPredicate result = row -> true;
      for (RsqlNode child : and.children()) {
        result = result.and(compile(child, fields));
      }
      return result;
    }
    if (node instanceof RsqlNode.Or or) {
      IntPredicate result = row -> false;
      for (RsqlNode child : or.children()) {
        result = result.or(compile(child, fields));
      }
      return result;
    }
    RsqlNode.Comparison comparison = (RsqlNode.Comparison) node;
    Field field =
        fields
            .find(comparison.selector())
            .filter(Field::filterable)
            .orElseThrow(
                () ->
                    new RsqlException(
                        RsqlException.INVALID_FIELD,
                        "filter",
                        "Field '" + comparison.selector() + "' is not supported in the filter"));
    return comparisonOf(field, comparison.operator(), comparison.arguments());
  }

  private static IntPredicate comparisonOf(Field field, RsqlOperator op, List<String> arguments) {
    switch (op) {
      case EQ:
        return equalTo(field, arguments.get(0));
      case NE:
        return equalTo(field, arguments.get(0)).negate();
      case IN:
        return anyEqual(field, arguments);
      case OUT:
        return anyEqual(field, arguments).negate();
      default:
        return ordered(field, op, arguments.get(0));
    }
  }

  private static IntPredicate anyEqual(Field field, List<String> arguments) {
    IntPredicate result = row -> false;
    for (String argument : arguments) {
      result = result.or(equalTo(field, argument));
    }
    return result;
  }

  private static IntPredicate equalTo(Field field, String argument) {
    if (Glob.isPattern(argument)) {
      Glob glob = new Glob(argument);
      return row -> {
        String value = field.textOf(row);
        return value != null && glob.matches(value);
      };
    }
    if (field.type() == Field.Type.STRING) {
      return row -> {
        String value = field.text().apply(row);
        return value != null && value.equalsIgnoreCase(argument);
      };
    }
    long expected = numberOf(field, argument);
    return row -> field.number().applyAsLong(row) == expected;
  }

  private static IntPredicate ordered(Field field, RsqlOperator op, String argument) {
    if (field.type() == Field.Type.BOOLEAN) {
      throw RsqlException.syntax(
          "Operator " + op.fiql() + " cannot be used with boolean field '" + field.name() + "'");
    }
    if (field.type() == Field.Type.STRING) {
      String bound = literal(argument);
      return row -> {
        String value = field.text().apply(row);
        return value != null && holds(op, value.compareToIgnoreCase(bound));
      };
    }
    long bound = numberOf(field, argument);
    return row -> {
      long value = field.number().applyAsLong(row);
      return value != Field.NULL && holds(op, Long.compare(value, bound));
    };
  }

  private static boolean holds(RsqlOperator op, int comparison) {
    switch (op) {
      case LT:
        return comparison < 0;
      case LE:
        return comparison <= 0;
      case GT:
        return comparison > 0;
      case GE:
        return comparison >= 0;
      default:
        throw new IllegalArgumentException(op.name());
    }
  }

  private static long numberOf(Field field, String argument) {
    String text = literal(argument).trim();
    try {
      switch (field.type()) {
        case NUMBER:
          return Long.parseLong(text);
        case DATE:
          return parseDate(text);
        case BOOLEAN:
          if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return text.equalsIgnoreCase("true") ? 1 : 0;
          }
          throw new IllegalArgumentException(text);
        default:
          throw new IllegalStateException(field.type().name());
      }
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw RsqlException.syntax(
          "Value '"
              + text
              + "' is not valid for field '"
              + field.name()
              + "' of type "
              + field.type().name().toLowerCase(Locale.ROOT));
    }
  }

  /** Accepts an instant, a date-time with offset, or a plain date (midnight UTC). */
  static long parseDate(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
    if (text.endsWith("Z") || text.endsWith("z")) {
      return Instant.parse(text.toUpperCase(Locale.ROOT)).toEpochMilli();
    }
    return OffsetDateTime.parse(text).toInstant().toEpochMilli();
  }

  private static String literal(String argument) {
    return argument.replace(RsqlParser.WILDCARD, '*');
  }
}
