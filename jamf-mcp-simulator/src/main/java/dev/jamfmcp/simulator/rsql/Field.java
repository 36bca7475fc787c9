package dev.jamfmcp.simulator.rsql;

import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * One filterable or sortable field of a table whose rows are addressed by an int. Text fields read
 * through {@code text}; numbers, dates (epoch millis) and booleans (0/1) read through {@code
 * number}, where {@link #NULL} means the value is absent.
 */
public record Field(
    String name,
    Type type,
    IntFunction<String> text,
    IntToLongFunction number,
    boolean filterable,
    boolean sortable) {

  public static final long NULL = Long.MIN_VALUE;

  public enum Type {
    STRING,
    NUMBER,
    DATE,
    BOOLEAN
  }

  /** The value as text, for wildcard matching on numbers; null when absent. */
  public String textOf(int row) {
    if (type == Type.STRING) {
      return text.apply(row);
    }
    long value = number.applyAsLong(row);
    if (value == NULL) {
      return null;
    }
    return type == Type.BOOLEAN ? String.valueOf(value != 0) : String.valueOf(value);
  }
}
