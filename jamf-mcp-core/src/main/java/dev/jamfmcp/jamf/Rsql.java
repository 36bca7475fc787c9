package dev.jamfmcp.jamf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An RSQL filter for Jamf Pro API lists, built so that no value can change the query's meaning.
 *
 * <p>Every value is double-quoted; inside the quotes {@code "} and {@code \} are escaped with a
 * backslash, and so is {@code *} unless it is a wildcard the caller asked for through {@link
 * #like(String, String)} or {@link #contains(String, String)}. Field names are checked against the
 * selector grammar. The client URL-encodes the whole expression.
 *
 * <pre>{@code
 * Rsql f = Rsql.eq("general.platform", "Mac").and(Rsql.contains("general.name", "lab"));
 * }</pre>
 */
public final class Rsql {

  private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

  private enum Kind {
    COMPARISON,
    AND,
    OR
  }

  private final Kind kind;
  private final String expression;

  private Rsql(Kind kind, String expression) {
    this.kind = kind;
    this.expression = expression;
  }

  public static Rsql eq(String field, Object value) {
    return compare(field, "==", literal(value));
  }

  public static Rsql ne(String field, Object value) {
    return compare(field, "!=", literal(value));
  }

  public static Rsql lt(String field, Object value) {
    return compare(field, "<", literal(value));
  }

  public static Rsql le(String field, Object value) {
    return compare(field, "<=", literal(value));
  }

  public static Rsql gt(String field, Object value) {
    return compare(field, ">", literal(value));
  }

  public static Rsql ge(String field, Object value) {
    return compare(field, ">=", literal(value));
  }

  /** {@code field=in=("a","b")}: equal to any of the values. */
  public static Rsql in(String field, Collection<?> values) {
    return compare(field, "=in=", list(values));
  }

  /** {@code field=out=("a","b")}: equal to none of the values. */
  public static Rsql out(String field, Collection<?> values) {
    return compare(field, "=out=", list(values));
  }

  /**
   * A wildcard match: each {@code *} in {@code pattern} matches any text; every other character,
   * quotes and backslashes included, is matched literally.
   */
  public static Rsql like(String field, String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*') {
        sb.append('*');
      } else {
        appendEscaped(sb, c);
      }
    }
    return compare(field, "==", sb.append('"').toString());
  }

  /** Matches values containing {@code term} literally (stars in the term are not wildcards). */
  public static Rsql contains(String field, String term) {
    String quoted = literal(term);
    return compare(field, "==", "\"*" + quoted.substring(1, quoted.length() - 1) + "*\"");
  }

  /** Both this and all {@code others} must hold ({@code ;}). */
  public Rsql and(Rsql... others) {
    return join(Kind.AND, ";", others);
  }

  /** This or any of {@code others} holds ({@code ,}). */
  public Rsql or(Rsql... others) {
    return join(Kind.OR, ",", others);
  }

  /** The expression as Jamf reads it (before URL encoding). */
  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rsql r && r.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  private Rsql join(Kind joined, String separator, Rsql... others) {
    List<String> parts = new ArrayList<>();
    parts.add(operand(this, joined));
    for (Rsql other : others) {
      parts.add(operand(Objects.requireNonNull(other, "operand"), joined));
    }
    return new Rsql(joined, String.join(separator, parts));
  }

  // AND binds tighter than OR in RSQL; parenthesise any compound operand of a different kind.
  private static String operand(Rsql r, Kind joined) {
    return r.kind == Kind.COMPARISON || r.kind == joined ? r.expression : "(" + r.expression + ")";
  }

  private static Rsql compare(String field, String operator, String argument) {
    Objects.requireNonNull(field, "field");
    if (!FIELD.matcher(field).matches()) {
      throw new IllegalArgumentException("not a filterable field name: " + field);
    }
    return new Rsql(Kind.COMPARISON, field + operator + argument);
  }

  private static String list(Collection<?> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("=in= and =out= need at least one value");
    }
    List<String> quoted = new ArrayList<>();
    for (Object v : values) {
      quoted.add(literal(v));
    }
    return "(" + String.join(",", quoted) + ")";
  }

  private static String literal(Object value) {
    String text = String.valueOf(Objects.requireNonNull(value, "value"));
    StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '*') {
        sb.append("\\*");
      } else {
        appendEscaped(sb, c);
      }
    }
    return sb.append('"').toString();
  }

  private static void appendEscaped(StringBuilder sb, char c) {
    if (c == '"' || c == '\\') {
      sb.append('\\');
    }
    sb.append(c);
  }
}
