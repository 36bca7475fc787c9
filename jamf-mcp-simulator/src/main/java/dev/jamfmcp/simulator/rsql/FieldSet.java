package dev.jamfmcp.simulator.rsql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.function.IntToLongFunction;

/** The fields one endpoint lets clients filter and sort on, by their dotted Jamf names. */
public final class FieldSet {
  private final Map<String, Field> fields;

  private FieldSet(Map<String, Field> fields) {
    this.fields = Map.copyOf(fields);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Optional<Field> find(String name) {
    return Optional.ofNullable(fields.get(name));
  }

  /** Builds fields; {@code sortable} also marks a field usable in {@code sort=}. */
  public static final class Builder {
    private final Map<String, Field> fields = new LinkedHashMap<>();

    public Builder string(String name, IntFunction<String> text, boolean sortable) {
      return add(new Field(name, Field.Type.STRING, text, null, true, sortable));
    }

    public Builder number(String name, IntToLongFunction number, boolean sortable) {
      return add(new Field(name, Field.Type.NUMBER, null, number, true, sortable));
    }

    public Builder date(String name, IntToLongFunction epochMillis, boolean sortable) {
      return add(new Field(name, Field.Type.DATE, null, epochMillis, true, sortable));
    }

    public Builder bool(String name, IntPredicate value) {
      return add(
          new Field(name, Field.Type.BOOLEAN, null, row -> value.test(row) ? 1 : 0, true, false));
    }

    /** A boolean that is absent (matches neither true nor false) where {@code known} is false. */
    public Builder bool(String name, IntPredicate known, IntPredicate value) {
      return add(
          new Field(
              name,
              Field.Type.BOOLEAN,
              null,
              row -> !known.test(row) ? Field.NULL : value.test(row) ? 1 : 0,
              true,
              false));
    }

    /** A field Jamf sorts on but does not let you filter on. */
    public Builder sortOnly(Field field) {
      return add(new Field(field.name(), field.type(), field.text(), field.number(), false, true));
    }

    private Builder add(Field field) {
      fields.put(field.name(), field);
      return this;
    }

    public FieldSet build() {
      return new FieldSet(fields);
    }
  }
}
